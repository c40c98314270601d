using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>The authorization code flow with PKCE (RFC 7636): codes are single-use, short-lived and stored hashed.</summary>
public sealed class AuthorizationCodes(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<string> IssueAsync(SwitchboardDb db, App app, Extension user, AuthorizeRequest request, CancellationToken ct)
    {
        var code = Secrets.NewToken();
        db.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = Secrets.HashToken(code),
            ClientId = app.ClientId,
            ExtensionId = user.Id,
            RedirectUri = request.RedirectUri,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            ExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    public async Task<(Extension? User, OAuthError? Error)> RedeemAsync(
        SwitchboardDb db, App app, string? code, string? redirectUri, string? verifier, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code)) return (null, OAuthError.Missing("code"));
        var hash = Secrets.HashToken(code);
        var stored = await db.AuthorizationCodes.FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (stored is null || stored.UsedAt is not null) return (null, OAuthError.InvalidCode());
        if (stored.ClientId != app.ClientId) return (null, OAuthError.CodeForOtherApp());
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= stored.ExpiresAt) return (null, OAuthError.CodeExpired());
        if (!string.IsNullOrEmpty(redirectUri) && redirectUri != stored.RedirectUri) return (null, OAuthError.RedirectMismatch());
        if (stored.CodeChallenge is not null && !VerifierMatches(verifier, stored.CodeChallenge, stored.CodeChallengeMethod))
            return (null, OAuthError.InvalidCodeVerifier());

        stored.UsedAt = now;
        await db.SaveChangesAsync(ct);
        return await Grants.UserAsync(db, stored.ExtensionId, ct);
    }

    private static bool VerifierMatches(string? verifier, string challenge, string? method)
    {
        if (string.IsNullOrEmpty(verifier)) return false;
        var expected = method == "S256" ? Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }
}
