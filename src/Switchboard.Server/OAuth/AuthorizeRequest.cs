using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>The parameters of <c>/restapi/oauth/authorize</c>, from the query (GET) or the form (POST).</summary>
public sealed record AuthorizeRequest(
    string ClientId,
    string ResponseType,
    string RedirectUri,
    string State,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string LoginHint)
{
    public static AuthorizeRequest From(Func<string, string> read) => new(
        read("client_id"),
        read("response_type"),
        read("redirect_uri"),
        read("state"),
        NullIfEmpty(read("code_challenge")),
        NullIfEmpty(read("code_challenge_method")),
        read("login_hint"));

    /// <summary>Checks what must hold before anything is shown or redirected; the app is then known.</summary>
    public OAuthError? Validate(App? app)
    {
        if (ClientId.Length == 0) return OAuthError.Missing("client_id");
        if (app is null) return OAuthError.InvalidClient();
        if (ResponseType != "code")
            return new OAuthError("unsupported_response_type", "OAU-101", $"Parameter [response_type] value is invalid: [{ResponseType}]")
            { ParameterName = "response_type" };
        if (!app.GrantTypes.HasFlag(GrantTypes.AuthorizationCode)) return OAuthError.UnauthorizedGrant("authorization_code");
        var registered = app.RedirectUris.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (registered.Length == 0) return new OAuthError("invalid_request", "OAU-113", "No redirect uri is registered for the client");
        if (!registered.Any(r => RedirectMatches(r, RedirectUri))) return OAuthError.RedirectMismatch() with { Error = "invalid_request" };
        if (CodeChallengeMethod is not null and not ("S256" or "plain"))
            return new OAuthError("invalid_request", "OAU-101", "Parameter [code_challenge_method] value is invalid") { ParameterName = "code_challenge_method" };
        if (app.ClientSecretHash is null && CodeChallenge is null)
            return new OAuthError("invalid_request", "OAU-101", "Parameter [code_challenge] is required for a client without a secret") { ParameterName = "code_challenge" };
        return null;
    }

    /// <summary>Exact match, except that a loopback redirect may use any port (RFC 8252, section 7.3).</summary>
    public static bool RedirectMatches(string registered, string requested)
    {
        if (registered == requested) return true;
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var r) || !Uri.TryCreate(requested, UriKind.Absolute, out var q)) return false;
        return r.IsLoopback && q.IsLoopback && r.Scheme == q.Scheme && r.Host == q.Host && r.PathAndQuery == q.PathAndQuery;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
