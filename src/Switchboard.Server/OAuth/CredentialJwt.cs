using Switchboard.Data;

namespace Switchboard.OAuth;

public static class CredentialJwt
{
    /// <summary>The JWT of a credential; the same every time for the same signing key.</summary>
    public static string For(ServerKeys keys, JwtCredential credential) => Jwt.Sign(keys.JwtSigningKey, new Jwt.Claims(
        credential.Id,
        credential.ExtensionId,
        credential.ClientId,
        new DateTimeOffset(credential.CreatedAt).ToUnixTimeSeconds(),
        credential.ExpiresAt is { } exp ? new DateTimeOffset(exp).ToUnixTimeSeconds() : null));
}
