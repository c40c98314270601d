using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.OAuth;

public static class OAuthApi
{
    public const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static void MapOAuth(this IEndpointRouteBuilder app)
    {
        var oauth = app.MapGroup("/restapi/oauth");
        oauth.MapPost("/token", Token).Anonymous("getToken", ThrottlingGroup.Auth).DisableAntiforgery();
        oauth.MapPost("/revoke", Revoke).Anonymous("revokeToken", ThrottlingGroup.Auth).DisableAntiforgery();
        oauth.MapGet("/authorize", ShowSignIn).Anonymous("authorize", ThrottlingGroup.Auth);
        oauth.MapPost("/authorize", SignIn).Anonymous("authorize2", ThrottlingGroup.Auth).DisableAntiforgery();
    }

    private static async Task<IResult> Token(
        HttpRequest request, SwitchboardDb db, TokenService tokens, Grants grants, AuthorizationCodes codes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return new OAuthError("invalid_request", "OAU-101", "The request body must be application/x-www-form-urlencoded");
        var form = await request.ReadFormAsync(ct);
        var (app, clientError) = await ClientAuthentication.AuthenticateAsync(request, form, db);
        if (app is null) return clientError!;

        var grantType = form["grant_type"].ToString();
        var lifetimes = TokenLifetimes.Parse(form["access_token_ttl"], form["refresh_token_ttl"]);
        if (grantType.Length == 0) return OAuthError.Missing("grant_type");
        var allowed = grantType switch
        {
            JwtBearer => GrantTypes.JwtBearer,
            "password" => GrantTypes.Password,
            "authorization_code" => GrantTypes.AuthorizationCode,
            "refresh_token" => GrantTypes.RefreshToken,
            _ => GrantTypes.None,
        };
        if (allowed == GrantTypes.None) return OAuthError.UnsupportedGrant(grantType);
        if (!app.GrantTypes.HasFlag(allowed)) return OAuthError.UnauthorizedGrant(grantType);

        if (allowed == GrantTypes.RefreshToken)
        {
            var refreshToken = form["refresh_token"].ToString();
            if (refreshToken.Length == 0) return OAuthError.Missing("refresh_token");
            var (refreshed, refreshError) = await tokens.RefreshAsync(app, refreshToken, lifetimes, ct);
            return refreshed is null ? refreshError! : NoStore(refreshed);
        }

        var (user, error) = allowed switch
        {
            GrantTypes.JwtBearer => await grants.FromJwtAsync(db, app, form["assertion"], ct),
            GrantTypes.Password => await grants.FromPasswordAsync(db, form["username"], form["extension"], form["password"], ct),
            _ => await codes.RedeemAsync(db, app, form["code"], form["redirect_uri"], form["code_verifier"], ct),
        };
        if (user is null) return error!;
        return NoStore(await tokens.CreateSessionAsync(user, app, form["endpoint_id"], lifetimes, ct));
    }

    private static NoStoreJson NoStore(TokenInfo token) => new(token);

    private static async Task<IResult> Revoke(HttpRequest request, SwitchboardDb db, TokenService tokens, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var (app, clientError) = await ClientAuthentication.AuthenticateAsync(request, form, db);
        if (app is null) return clientError!;
        var token = form["token"].ToString();
        if (token.Length == 0) token = request.Query["token"].ToString();
        if (token.Length == 0) return OAuthError.Missing("token");
        return await tokens.RevokeAsync(app, token, ct)
            ? Results.Ok()
            : new OAuthError("unauthorized_client", "OAU-121", "Wrong Application");
    }

    private static async Task<IResult> ShowSignIn(HttpRequest request, SwitchboardDb db, CancellationToken ct)
    {
        var query = request.Query;
        var authorize = AuthorizeRequest.From(name => query[name].ToString());
        var app = await FindAppAsync(db, authorize.ClientId, ct);
        return authorize.Validate(app) ?? AuthorizePage.Render(authorize, app!.Name, error: null);
    }

    private static async Task<IResult> SignIn(HttpRequest request, SwitchboardDb db, Grants grants, AuthorizationCodes codes, CancellationToken ct)
    {
        if (!request.HasFormContentType) return OAuthError.Missing("client_id");
        var form = await request.ReadFormAsync(ct);
        var authorize = AuthorizeRequest.From(name => form[name].ToString());
        var app = await FindAppAsync(db, authorize.ClientId, ct);
        if (authorize.Validate(app) is { } invalid) return invalid;

        var (user, error) = await grants.FromPasswordAsync(db, form["username"], form["extension"], form["password"], ct);
        if (user is null) return AuthorizePage.Render(authorize, app!.Name, error!.Description);

        var code = await codes.IssueAsync(db, app!, user, authorize, ct);
        var separator = authorize.RedirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var location = $"{authorize.RedirectUri}{separator}code={Uri.EscapeDataString(code)}";
        if (authorize.State.Length > 0) location += $"&state={Uri.EscapeDataString(authorize.State)}";
        return Results.Redirect(location);
    }

    private static Task<App?> FindAppAsync(SwitchboardDb db, string clientId, CancellationToken ct) =>
        clientId.Length == 0 ? Task.FromResult<App?>(null) : db.Apps.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, ct);

    /// <summary>Token responses must not be cached (RFC 6749, section 5.1).</summary>
    private sealed class NoStoreJson(TokenInfo token) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            return Results.Json(token).ExecuteAsync(context);
        }
    }
}
