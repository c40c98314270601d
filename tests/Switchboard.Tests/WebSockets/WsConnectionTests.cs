using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Support;
using Switchboard.WebSockets;

namespace Switchboard.Tests.WebSockets;

/// <summary>One socket as a client sees it: ConnectionDetails, REST over the socket, heartbeats, timeouts.</summary>
public sealed class WsConnectionTests : GatewayTests
{
    private const string Me = "/restapi/v1.0/account/~/extension/~";

    [Fact]
    public async Task Connect_FirstFrameIsConnectionDetailsWithSessionTokenAndLimits()
    {
        var (socket, details) = await OpenAsync(await Host.ClientAsync());

        Assert.Same(details, socket.All[0]);
        Assert.Equal(200, details.Status);
        Assert.False(string.IsNullOrEmpty(details.Meta.GetProperty("headers").GetProperty("RCRequestId").GetString()));
        Assert.False(string.IsNullOrEmpty(details.WscToken));
        Assert.True(details.Sequence > 0);
        var body = details.Json;
        Assert.Equal(SwitchboardHost.Start.UtcDateTime, body.GetProperty("creationTime").GetDateTime().ToUniversalTime());
        Assert.Equal((50, 100, 180, 1800, 86400, 10), (
            body.GetProperty("maxConnectionsPerSession").GetInt32(), body.GetProperty("recoveryBufferSize").GetInt32(),
            body.GetProperty("recoveryTimeout").GetInt32(), body.GetProperty("idleTimeout").GetInt32(),
            body.GetProperty("absoluteTimeout").GetInt32(), body.GetProperty("maxActiveRequests").GetInt32()));
        Assert.False(body.TryGetProperty("recoveryState", out _)); // nothing was asked to recover
    }

    [Fact]
    public async Task Frames_OfASession_CarryItsTokenWithStrictlyIncreasingSequences()
    {
        var (socket, details) = await OpenAsync(await Host.ClientAsync());
        for (var i = 0; i < 5; i++)
        {
            await socket.RequestAsync("GET", Me);
            await socket.HeartbeatAsync($"hb-{i}");
        }
        await socket.SendTextAsync("not json");
        await socket.NextAsync(m => m.Type == "Error", "the Error frame");

        var all = socket.All;
        Assert.Equal(12, all.Count);
        Assert.All(all, m => Assert.Equal(details.WscToken, m.WscToken));
        for (var i = 1; i < all.Count; i++)
            Assert.True(all[i].Sequence > all[i - 1].Sequence, $"frame {i} has sequence {all[i].Sequence} after {all[i - 1].Sequence}");
    }

    [Fact]
    public async Task ClientRequest_OwnExtension_ReplyEchoesMessageIdAndMatchesHttp()
    {
        var alice = await Host.ClientAsync();
        var (socket, _) = await OpenAsync(alice);
        const string messageId = "oB54Rr6IRjOmc2x1djFn6w/0+7"; // hyperid ids hold '/' and '+' (CLIENTS.md 4.4)

        var reply = await socket.RequestAsync("GET", Me, messageId: messageId);

        Assert.Equal(("ClientRequest", messageId, 200), (reply.Type, reply.MessageId, reply.Status));
        Assert.Contains("json", reply.Meta.GetProperty("headers").GetProperty("Content-Type").GetString(), StringComparison.Ordinal);
        Assert.Equal("11111111", reply.Json.GetProperty("id").ToString());
        Assert.Equal((await alice.GetJsonAsync(Me)).ToString(), reply.Json.ToString());
    }

    [Fact]
    public async Task ClientRequest_AnotherAccount_Returns404WithJsonErrorBodyAsOverHttp()
    {
        var alice = await Host.ClientAsync();
        var (socket, _) = await OpenAsync(alice);
        const string path = "/restapi/v1.0/account/22222222/extension/~";

        var reply = await socket.RequestAsync("GET", path);

        Assert.Equal(("ClientRequest", 404), (reply.Type, reply.Status));
        var overHttp = await (await alice.GetAsync(path)).ExpectJsonAsync(404);
        Assert.Equal(overHttp.GetProperty("errors")[0].GetProperty("errorCode").GetString(), ErrorCode(reply));
    }

    [Fact]
    public async Task ClientRequest_UnknownPath_ErrorStillHasAJsonBody()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        var reply = await socket.RequestAsync("GET", "/restapi/v1.0/no-such-thing");
        Assert.Equal(404, reply.Status);
        ErrorCode(reply);
    }

    [Fact]
    public async Task ClientRequest_QueryObject_ReachesTheHandler()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());

        var reply = await socket.RequestAsync("GET", "/restapi/v1.0/account/~/extension",
            query: new { perPage = 2, page = 2, status = new[] { "Enabled", "Disabled" } });

        Assert.Equal(200, reply.Status);
        Assert.Equal(["103", "200"], reply.Json.GetProperty("records").Strings("extensionNumber"));
        Assert.Equal("http://localhost/restapi/v1.0/account/11111111/extension?status=Enabled&status=Disabled&page=3&perPage=2",
            reply.Json.GetProperty("navigation").GetProperty("nextPage").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Heartbeat_IsEchoedWithTheSameMessageId()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        var echo = await socket.HeartbeatAsync("hb/Zq+3");
        Assert.Equal(("Heartbeat", "hb/Zq+3", 200), (echo.Type, echo.MessageId, echo.Status));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"Heartbeat\",\"messageId\":\"x\"}")] // an object, not [meta]
    [InlineData("[{\"messageId\":\"x\"}]")] // no type
    public async Task Message_NotFramed_ErrorWsg400AndTheSocketStaysOpen(string text)
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        await socket.SendTextAsync(text);

        var error = await socket.NextAsync(what: "the Error frame");
        Assert.Equal(("Error", 400), (error.Type, error.Status));
        Assert.Equal("WSG-400", ErrorCode(error));
        Assert.Equal(200, (await socket.HeartbeatAsync("still-there")).Status);
    }

    [Fact]
    public async Task Message_LargerThanTheLimit_ErrorWsg413ThenClosed()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        var padding = new string('x', WsLimits.MaxMessageBytes);
        await socket.SendTextAsync($$"""[{"type":"Heartbeat","messageId":"{{padding}}"}]""");

        var error = await socket.NextAsync(m => m.Type == "Error", "the Error frame");
        Assert.Equal("WSG-413", ErrorCode(error));
        Assert.True(await socket.ClosedAsync(), "the gateway closes a socket that sent too much");
    }

    [Fact]
    public async Task Connect_51stSocketOfAnOAuthSession_ErrorWsg429()
    {
        var alice = await Host.ClientAsync();
        var (uri, token) = await TokenAsync(alice);
        for (var i = 0; i < WsLimits.MaxConnectionsPerSession; i++)
            Assert.Equal("ConnectionDetails", (await (await ConnectAsync(uri, token)).NextAsync(what: "ConnectionDetails")).Type);

        var refused = await ConnectAsync(uri, token);
        var error = await refused.NextAsync(what: "the Error frame");
        Assert.Equal(("Error", 429), (error.Type, error.Status));
        Assert.Equal("WSG-429", ErrorCode(error));
        Assert.True(await refused.ClosedAsync());

        // Another OAuth session of the same user has its own allowance.
        var (_, other) = await TokenAsync(await Host.ClientAsync());
        Assert.Equal("ConnectionDetails", (await (await ConnectAsync(uri, other)).NextAsync(what: "ConnectionDetails")).Type);
    }

    [Fact]
    public async Task Idle_1800SecondsWithoutAMessage_ErrorWsg902ThenClosed()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1800));

        var error = await socket.NextAsync(m => m.Type == "Error", "the idle timeout");
        Assert.Equal("WSG-902", ErrorCode(error));
        Assert.True(await socket.ClosedAsync(), "the gateway closes an idle socket");
    }

    [Fact]
    public async Task Idle_AHeartbeatFeedsTheTimer()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(1000));
        await socket.HeartbeatAsync("keep-alive");
        Host.Clock.Advance(TimeSpan.FromSeconds(1000)); // 2000 s open, 1000 s since the client last spoke

        await Host.Services.GetRequiredService<WsGateway>().SweepAsync(CancellationToken.None);
        // A socket the sweep closed would get its Error frame, and no echo, before this one's.
        Assert.Equal(200, (await socket.HeartbeatAsync("after-the-sweep")).Status);
        Assert.DoesNotContain(socket.All, m => m.Type == "Error");
    }

    [Fact]
    public async Task Absolute_86400Seconds_ErrorWsg903ThenClosed()
    {
        var (socket, _) = await OpenAsync(await Host.ClientAsync());
        Host.Clock.Advance(TimeSpan.FromSeconds(86400));

        var error = await socket.NextAsync(m => m.Type == "Error", "the absolute timeout");
        Assert.Equal("WSG-903", ErrorCode(error));
        Assert.True(await socket.ClosedAsync());
    }

    [Fact]
    public async Task Revoke_OAuthSession_LaterClientRequestsGet401()
    {
        var token = await Host.LoginAsync();
        var (socket, _) = await OpenAsync(Host.ClientWith(token.GetProperty("access_token").GetString()!));
        Assert.Equal(200, (await socket.RequestAsync("GET", Me)).Status);

        var revoke = new HttpRequestMessage(HttpMethod.Post, "/restapi/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token.GetProperty("access_token").GetString()! }),
        };
        revoke.Headers.Authorization = new("Basic", Convert.ToBase64String("test-app:test-secret"u8.ToArray()));
        await (await Host.CreateClient().SendAsync(revoke)).ExpectEmptyAsync(200);

        var reply = await socket.RequestAsync("GET", Me);
        Assert.Equal(("ClientRequest", 401), (reply.Type, reply.Status));
        Assert.Equal("OAU-213", ErrorCode(reply));
    }
}
