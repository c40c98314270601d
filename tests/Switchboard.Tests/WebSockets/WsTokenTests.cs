using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.WebSockets;

/// <summary>POST /restapi/oauth/wstoken and the gateway's answer to the token a socket presents.</summary>
public sealed partial class WsTokenTests : GatewayTests
{
    [GeneratedRegex("^[A-Za-z0-9_.~-]+$")]
    private static partial Regex UrlSafe();

    [Theory]
    [InlineData(null)] // no body at all
    [InlineData("application/json")] // the SDK
    [InlineData("application/x-www-form-urlencoded")] // @rc-ex: an empty form
    public async Task WsToken_EmptyBodyAnyType_ReturnsSocketAddressUrlSafeTokenAndLifetime(string? contentType)
    {
        var alice = await Host.ClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, TokenPath);
        if (contentType is not null) request.Content = new StringContent("", Encoding.UTF8, contentType);
        var info = await (await alice.SendAsync(request)).ExpectJsonAsync(200);

        var uri = info.GetProperty("uri").GetString()!;
        Assert.StartsWith("ws://", uri, StringComparison.Ordinal);
        Assert.EndsWith("/ws", uri, StringComparison.Ordinal);
        Assert.DoesNotContain('?', uri); // the clients append "?access_token=" themselves
        Assert.Matches(UrlSafe(), info.GetProperty("ws_access_token").GetString()!);
        Assert.Equal(600, info.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task WsToken_WithoutBearer_Returns401()
    {
        await (await Host.CreateClient().PostAsync(TokenPath, null)).ExpectErrorAsync(401, "OAU-123");
    }

    [Fact]
    public async Task Connect_SameTokenTwice_BothSocketsGetTheirOwnSession()
    {
        // The clients reconnect with the token they have until 0.8 * expires_in (CLIENTS.md 4.1).
        var (uri, token) = await TokenAsync(await Host.ClientAsync());
        var first = await ConnectAsync(uri, token);
        var second = await ConnectAsync(uri, token);

        var one = await first.NextAsync(what: "ConnectionDetails");
        var two = await second.NextAsync(what: "ConnectionDetails");
        Assert.Equal(("ConnectionDetails", "ConnectionDetails"), (one.Type, two.Type));
        Assert.NotEqual(one.WscToken, two.WscToken);
        Assert.Equal(200, (await first.RequestAsync("GET", "/restapi/v1.0/account/~/extension/~")).Status);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    [InlineData("tampered")]
    public async Task Connect_InvalidToken_ErrorFrame401WithJsonBodyThenClosed(string token)
    {
        var (uri, genuine) = await TokenAsync(await Host.ClientAsync());
        if (token == "tampered") token = genuine[..^2] + (genuine[^2] == 'A' ? "BA" : "AA");
        var socket = await ConnectAsync(uri, token);

        var error = await socket.NextAsync(what: "the Error frame");
        Assert.Equal(("Error", 401), (error.Type, error.Status));
        Assert.Equal("OAU-213", ErrorCode(error));
        Assert.True(await socket.ClosedAsync(), "the gateway closes a refused socket");
        Assert.Single(socket.All);
    }

    [Fact]
    public async Task Connect_TokenAfter600Seconds_RefusedAsExpired()
    {
        var alice = await Host.ClientAsync();
        var (uri, token) = await TokenAsync(alice);

        Host.Clock.Advance(TimeSpan.FromSeconds(599));
        var early = await ConnectAsync(uri, token);
        Assert.Equal("ConnectionDetails", (await early.NextAsync(what: "ConnectionDetails")).Type);

        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await ConnectAsync(uri, token);
        var error = await late.NextAsync(what: "the Error frame");
        Assert.Equal(("Error", 401), (error.Type, error.Status));
        Assert.Equal("OAU-128", ErrorCode(error));
        Assert.Contains("expired", error.Json.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await late.ClosedAsync());

        // A new token works again.
        var (_, fresh) = await TokenAsync(alice);
        Assert.Equal("ConnectionDetails", (await (await ConnectAsync(uri, fresh)).NextAsync(what: "ConnectionDetails")).Type);
    }

    [Fact]
    public async Task Connect_AppWithoutWebSocketPermission_CannotGetAToken()
    {
        var readOnly = await Host.ClientAsync(clientId: "read-only-app", secret: "read-only-secret");
        var body = await (await readOnly.PostAsync(TokenPath, null)).ExpectJsonAsync(403);
        Assert.Equal("WebSocketsSubscriptions", body.GetProperty("permissionName").GetString());
    }
}
