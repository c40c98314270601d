using System.Text.Json.Serialization;

namespace Switchboard.OAuth;

/// <summary>The token response (TokenInfo in the spec); every field the official clients read.</summary>
public sealed record TokenInfo(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("refresh_token_expires_in")] int RefreshTokenExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("owner_id")] string OwnerId,
    [property: JsonPropertyName("endpoint_id")] string EndpointId,
    [property: JsonPropertyName("session_id")] string SessionId);

/// <summary>Requested token lifetimes, already brought within the platform's limits.</summary>
public readonly record struct TokenLifetimes(int AccessSeconds, int RefreshSeconds)
{
    public const int DefaultAccess = 3600, MinAccess = 600;
    public const int DefaultRefresh = 604_800, MinRefresh = 600;

    /// <summary>
    /// Values within the limits are honoured and others clamped to them; -1, zero, missing or junk
    /// mean the default, because the SDK sends access_token_ttl=-1 after any 401.
    /// </summary>
    public static TokenLifetimes Parse(string? access, string? refresh) =>
        new(Clamp(access, MinAccess, DefaultAccess, DefaultAccess), Clamp(refresh, MinRefresh, DefaultRefresh, DefaultRefresh));

    private static int Clamp(string? raw, int min, int max, int fallback) =>
        long.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
            ? (int)Math.Clamp(v, min, max)
            : fallback;
}
