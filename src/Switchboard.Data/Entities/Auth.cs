namespace Switchboard.Data;

public sealed class App
{
    public required string ClientId { get; set; }
    public required string Name { get; set; }
    /// <summary>Null for a public app (no secret; PKCE on the authorization code flow).</summary>
    public string? ClientSecretHash { get; set; }
    public AppPermissions Permissions { get; set; }
    public GrantTypes GrantTypes { get; set; } = GrantTypes.All;
    /// <summary>Space-separated redirect URIs allowed for the authorization code flow.</summary>
    public string RedirectUris { get; set; } = "";
}

/// <summary>A JWT credential: the server signs it; it belongs to a user and, optionally, to one app.</summary>
public sealed class JwtCredential
{
    public required string Id { get; set; }
    public long ExtensionId { get; set; }
    /// <summary>Null: any app may use it.</summary>
    public string? ClientId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// One OAuth session: the current access and refresh token (stored as hashes only) and the
/// previous refresh token, which stays usable for a grace period as on the platform.
/// </summary>
public sealed class OAuthSession
{
    public required string Id { get; set; }
    public long AccountId { get; set; }
    public long ExtensionId { get; set; }
    public required string ClientId { get; set; }
    public required string EndpointId { get; set; }
    public AppPermissions Permissions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public required string AccessTokenHash { get; set; }
    public DateTime AccessTokenIssuedAt { get; set; }
    public DateTime AccessTokenExpiresAt { get; set; }
    public DateTime? AccessTokenFirstUsedAt { get; set; }

    public required string RefreshTokenHash { get; set; }
    public DateTime RefreshTokenExpiresAt { get; set; }
    public string? PreviousRefreshTokenHash { get; set; }
}

public sealed class AuthorizationCode
{
    public required string CodeHash { get; set; }
    public required string ClientId { get; set; }
    public long ExtensionId { get; set; }
    public required string RedirectUri { get; set; }
    public string? CodeChallenge { get; set; }
    public string? CodeChallengeMethod { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>Server-wide values: the JWT signing key and the id counter.</summary>
public sealed class ServerSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public sealed class IdCounter
{
    public int Id { get; set; }
    public long Next { get; set; }
}
