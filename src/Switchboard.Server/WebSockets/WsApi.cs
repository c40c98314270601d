using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.WebSockets;

/// <summary>WsTokenResponse.</summary>
public sealed record WsTokenInfo(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("ws_access_token")] string WsAccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public static class WsApi
{
    public static void MapWebSockets(this IEndpointRouteBuilder app)
    {
        // The body is ignored, whatever its type: the SDK sends JSON, @rc-ex an empty form (CLIENTS.md 4.1).
        app.MapPost("/restapi/oauth/wstoken", Token)
            .Rc("authWsToken", ThrottlingGroup.Auth, AppPermissions.WebSocketsSubscriptions, null, UserAccess.AnyUser)
            .DisableAntiforgery();
        app.Map(WsGateway.Path, (HttpContext context, WsGateway gateway) => gateway.AcceptAsync(context)).ExcludeFromDescription();
    }

    private static Ok<WsTokenInfo> Token(Caller caller, WsTokens tokens, TimeProvider time, HttpRequest request) =>
        TypedResults.Ok(new WsTokenInfo(WsGateway.Uri(Links.For(request)), tokens.Issue(caller.SessionId, time.GetUtcNow()), WsTokens.ExpiresIn));
}
