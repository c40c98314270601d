using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>The server's own secrets, created once and kept in the database so tokens survive a restart.</summary>
public sealed class ServerKeys
{
    public const string JwtSigningKeyName = "jwt-signing-key";
    public const string TokenKeyName = "token-key";

    /// <summary>Signs JWT credentials.</summary>
    public byte[] JwtSigningKey { get; private set; } = [];
    /// <summary>Derives the tokens a refresh issues from the refresh token presented.</summary>
    public byte[] TokenKey { get; private set; } = [];

    /// <summary>Reads the keys, creating any that do not exist yet. Runs at start-up, after migrations and seeding.</summary>
    public async Task LoadAsync(Database database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        JwtSigningKey = await GetOrCreateAsync(db, JwtSigningKeyName, ct);
        TokenKey = await GetOrCreateAsync(db, TokenKeyName, ct);
    }

    private static async Task<byte[]> GetOrCreateAsync(SwitchboardDb db, string name, CancellationToken ct)
    {
        var setting = await db.ServerSettings.FirstOrDefaultAsync(s => s.Key == name, ct);
        if (setting is not null) return Convert.FromBase64String(setting.Value);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        db.ServerSettings.Add(new ServerSetting { Key = name, Value = Convert.ToBase64String(key) });
        await db.SaveChangesAsync(ct);
        return key;
    }
}
