using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>Finds the user behind each grant's credentials.</summary>
public sealed class Grants(ServerKeys keys, TimeProvider clock)
{
    public async Task<(Extension? User, OAuthError? Error)> FromJwtAsync(SwitchboardDb db, App app, string? assertion, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(assertion)) return (null, OAuthError.Missing("assertion"));
        var claims = Jwt.Verify(keys.JwtSigningKey, assertion);
        if (claims is null) return (null, OAuthError.InvalidCredentials());
        var credential = await db.JwtCredentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claims.CredentialId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (credential is null || credential.RevokedAt is not null || credential.ExtensionId != claims.ExtensionId
            || credential.ExpiresAt <= now || (credential.ClientId is not null && credential.ClientId != app.ClientId))
            return (null, OAuthError.InvalidCredentials());
        return await UserAsync(db, claims.ExtensionId, ct);
    }

    /// <summary>
    /// <c>username</c> is a phone number of the account, optionally with <c>*extension</c>, or an email;
    /// a separate <c>extension</c> parameter is also accepted.
    /// </summary>
    public async Task<(Extension? User, OAuthError? Error)> FromPasswordAsync(
        SwitchboardDb db, string? username, string? extensionNumber, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(username)) return (null, OAuthError.Missing("username"));
        if (string.IsNullOrEmpty(password)) return (null, OAuthError.Missing("password"));

        var user = await FindByLoginAsync(db, username, extensionNumber, ct);
        if (user?.PasswordHash is null || !Secrets.PasswordMatches(password, user.PasswordHash))
            return (null, OAuthError.InvalidCredentials());
        return Admit(user);
    }

    public static async Task<Extension?> FindByLoginAsync(SwitchboardDb db, string username, string? extensionNumber, CancellationToken ct)
    {
        if (username.Contains('@', StringComparison.Ordinal))
        {
            var email = username.Trim().ToLowerInvariant();
            var matches = await db.Extensions.Where(e => e.Email != null && e.Email.ToLower() == email).Take(2).ToListAsync(ct);
            return matches.Count == 1 ? matches[0] : null;
        }

        var star = username.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            extensionNumber = username[(star + 1)..];
            username = username[..star];
        }
        var number = Switchboard.PhoneNumbers.E164.Normalize(username);
        if (number is null) return null;
        var phone = await db.PhoneNumbers.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, ct);
        if (phone is null) return null;
        if (!string.IsNullOrEmpty(extensionNumber))
            return await db.Extensions.FirstOrDefaultAsync(e => e.AccountId == phone.AccountId && e.ExtensionNumber == extensionNumber, ct);
        var id = phone.ExtensionId ?? phone.AccountId; // a company number signs in to the system extension
        return await db.Extensions.FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    public static async Task<(Extension? User, OAuthError? Error)> UserAsync(SwitchboardDb db, long extensionId, CancellationToken ct)
    {
        var user = await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == extensionId, ct);
        return user is null ? (null, OAuthError.InvalidCredentials()) : Admit(user);
    }

    /// <summary>Only users sign in; departments, IVR menus and the like have no one to sign in as.</summary>
    private static (Extension?, OAuthError?) Admit(Extension user) => user switch
    {
        { Type: not (ExtensionType.User or ExtensionType.DigitalUser or ExtensionType.VirtualUser or ExtensionType.FaxUser) } =>
            (null, OAuthError.LoginNotAllowed(user.Type.ToString())),
        { Status: not (ExtensionStatus.Enabled or ExtensionStatus.NotActivated) } => (null, OAuthError.LoginStateNotAllowed()),
        _ => (user, null),
    };
}
