using System.Text.Json;

namespace Switchboard.OAuth;

/// <summary>
/// An error from the OAuth endpoints: RFC 6749's <c>error</c> and <c>error_description</c> plus the
/// platform's <c>errors[]</c>. Always 400: the SDK re-posts the token request once after a 401.
/// </summary>
public sealed record OAuthError(string Error, string Code, string Description) : IResult
{
    public string? ParameterName { get; init; }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        await using var json = new Utf8JsonWriter(response.BodyWriter.AsStream());
        json.WriteStartObject();
        json.WriteString("error", Error);
        json.WriteString("error_description", Description);
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("errorCode", Code);
        json.WriteString("message", Description);
        if (ParameterName is not null) json.WriteString("parameterName", ParameterName);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static OAuthError ClientAuthenticationRequired() =>
        new("invalid_client", "OAU-123", "Client authentication is required");

    public static OAuthError InvalidClient() => new("invalid_client", "OAU-146", "Invalid client credentials");

    public static OAuthError UnauthorizedGrant(string grantType) =>
        new("unauthorized_client", "OAU-112", $"The client is unauthorized for the required grant type: [{grantType}]");

    public static OAuthError UnsupportedGrant(string? grantType) =>
        new("unsupported_grant_type", "OAU-101", $"Unsupported grant type: [{grantType}]") { ParameterName = "grant_type" };

    public static OAuthError Missing(string parameter) =>
        new("invalid_request", "OAU-101", $"Parameter [{parameter}] is required") { ParameterName = parameter };

    public static OAuthError InvalidCredentials() =>
        new("invalid_grant", "OAU-140", "Invalid resource owner credentials");

    public static OAuthError LoginNotAllowed(string extensionType) =>
        new("invalid_grant", "OAU-105", $"Login for {extensionType} extension is not allowed.");

    public static OAuthError LoginStateNotAllowed() =>
        new("invalid_grant", "OAU-141", "Login for extension in current state is not allowed.");

    public static OAuthError TokenNotFound() => new("invalid_grant", "OAU-213", "Token not found");

    public static OAuthError TokenExpired() => new("invalid_grant", "OAU-210", "Token expired");

    public static OAuthError InvalidCode() => new("invalid_grant", "OAU-106", "Invalid authorization code");

    public static OAuthError CodeExpired() => new("invalid_grant", "OAU-108", "Authorization code is expired");

    public static OAuthError RedirectMismatch() => new("invalid_grant", "OAU-109", "Redirect URIs do not match");

    public static OAuthError CodeForOtherApp() =>
        new("invalid_grant", "OAU-110", "Authorization code was not issued for this application");

    public static OAuthError InvalidCodeVerifier() =>
        new("invalid_grant", "OAU-106", "Invalid authorization code: code_verifier does not match") { ParameterName = "code_verifier" };
}
