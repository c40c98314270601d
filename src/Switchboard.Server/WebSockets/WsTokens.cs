using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Switchboard.OAuth;

namespace Switchboard.WebSockets;

/// <summary>
/// WebSocket access tokens: the OAuth session and an expiry, signed with the server's key. Not stored,
/// so they survive a restart, and reusable until they expire, because the clients reconnect with the
/// same token for <c>0.8 * expires_in</c> (CLIENTS.md 4.1).
/// </summary>
public sealed class WsTokens(ServerKeys keys)
{
    /// <summary>The lifetime the clients were recorded with (CLIENTS.md 8.3).</summary>
    public const int ExpiresIn = 600;
    private const int MacLength = 16;

    public string Issue(string oauthSessionId, DateTimeOffset now)
    {
        var session = Encoding.UTF8.GetBytes(oauthSessionId);
        var payload = new byte[8 + session.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, now.AddSeconds(ExpiresIn).ToUnixTimeSeconds());
        session.CopyTo(payload, 8);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>The OAuth session of a token that is genuine; <paramref name="expired"/> when it was, but is no longer, valid.</summary>
    public string? Verify(string? token, DateTimeOffset now, out bool expired)
    {
        expired = false;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0) return null;
        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (payload.Length <= 8 || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload))) return null;
        expired = BinaryPrimitives.ReadInt64BigEndian(payload) <= now.ToUnixTimeSeconds();
        return expired ? null : Encoding.UTF8.GetString(payload.AsSpan(8));
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(keys.TokenKey, (byte[])[.. "ws:"u8, .. payload])[..MacLength];
}
