using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.WebSockets;

/// <summary>WebSocket subscriptions: made over the socket, seen over HTTP, and the call events they deliver.</summary>
public sealed class WsSubscriptionTests : GatewayTests
{
    [Fact]
    public async Task Subscribe_OverSocket_ReturnsInfoListedOverHttpAndDeliversCallEventsInOrder()
    {
        var sim = await Sim.AliceAsync(Host);
        var (socket, _) = await OpenAsync(sim.Client);

        var reply = await socket.RequestAsync("POST", Subscriptions, WebSocketSubscription(MySessions));

        Assert.Equal(("ClientRequest", 200), (reply.Type, reply.Status));
        var info = reply.Json;
        var id = info.GetProperty("id").GetString()!;
        Assert.EndsWith($"{Subscriptions}/{id}", info.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("Active", info.GetProperty("status").GetString());
        Assert.Equal("WebSocket", info.GetProperty("deliveryMode").GetProperty("transportType").GetString());
        Assert.Equal([AliceSessionsEvent], info.GetProperty("eventFilters").EnumerateArray().Select(f => f.GetString()));
        var listed = Assert.Single((await sim.Client.GetJsonAsync(Subscriptions)).GetProperty("records").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("WebSocket", listed.GetProperty("deliveryMode").GetProperty("transportType").GetString());

        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        Assert.True(expected.Count >= 2, "the call produced events for Alice");
        var notifications = await socket.NotificationsAsync(expected.Count);

        Assert.Equal(expected, Sequences(notifications));
        foreach (var n in notifications)
        {
            Assert.Equal(200, n.Status);
            var envelope = n.Json;
            Assert.Equal(id, envelope.GetProperty("subscriptionId").GetString()); // the clients compare with ===
            Assert.Equal(AliceSessionsEvent, envelope.GetProperty("event").GetString());
            Assert.Equal("11111111", envelope.GetProperty("ownerId").GetString());
            Assert.True(Guid.TryParse(envelope.GetProperty("uuid").GetString(), out _));
            Assert.Equal(SwitchboardHost.Start.UtcDateTime, envelope.GetProperty("timestamp").GetDateTime().ToUniversalTime());
            Assert.Equal(sessionId, envelope.GetProperty("body").GetProperty("telephonySessionId").GetString());
            var party = Assert.Single(envelope.GetProperty("body").GetProperty("parties").EnumerateArray());
            Assert.Equal("11111111", party.GetProperty("extensionId").GetString());
        }
        Assert.Equal(notifications.Count, notifications.Select(n => n.Json.GetProperty("uuid").GetString()).Distinct().Count());
        Assert.Empty(await socket.NotificationsBeforeHeartbeatAsync()); // each event once
    }

    [Fact]
    public async Task Subscription_SessionLivesNearlyADay_RenewsItselfAndStillDelivers()
    {
        var sim = await Sim.AliceAsync(Host);
        var (socket, _) = await OpenAsync(sim.Client);
        var id = await SubscribeAsync(socket, MySessions);

        // 23.3 hours with a heartbeat every 20 minutes (as a client keeps a socket alive); the gateway renews
        // the subscription in its last hour, which a client never does itself.
        for (var step = 1; step <= 70; step++)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(20));
            await socket.HeartbeatAsync($"hb-{step}");
        }
        // Read over the socket: it authenticates by the OAuth session, which outlives the hour-long access token.
        // The gateway looks once a minute; give it a minute at a time (still inside the day and the idle timeout).
        var renewed = false;
        for (var round = 0; round < 19 && !renewed; round++)
        {
            var info = (await socket.RequestAsync("GET", $"{Subscriptions}/{id}")).Json;
            renewed = info.GetProperty("expirationTime").GetDateTime().ToUniversalTime() > SwitchboardHost.Start.UtcDateTime.AddDays(1);
            if (renewed) break;
            Host.Clock.Advance(TimeSpan.FromSeconds(61));
            await Task.Delay(100);
        }
        Assert.True(renewed, "the subscription's expiry moved past its first day");

        sim = await Sim.AliceAsync(Host); // a fresh access token for the simulator
        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        Assert.Equal(expected, Sequences(await socket.NotificationsAsync(expected.Count)));
    }

    [Fact]
    public async Task Unsubscribe_OverSocket_Returns204AndNoMoreNotifications()
    {
        var sim = await Sim.AliceAsync(Host);
        var (socket, _) = await OpenAsync(sim.Client);
        var (witness, _) = await OpenAsync(sim.Client);
        var id = await SubscribeAsync(socket, MySessions);
        var witnessId = await SubscribeAsync(witness, MySessions);

        var reply = await socket.RequestAsync("DELETE", $"{Subscriptions}/{id}");

        Assert.Equal(("ClientRequest", 204), (reply.Type, reply.Status));
        Assert.Null(reply.Body);
        Assert.Equal([witnessId], await SubscriptionIdsAsync(sim.Client));
        var sessionId = await UnansweredCallAsync(sim);
        // Once the witness has every event, whatever the hub sent to the first socket is queued before this heartbeat's echo.
        await witness.NotificationsAsync((await AliceSequencesAsync(sim, sessionId)).Count);
        Assert.Empty(await socket.NotificationsBeforeHeartbeatAsync());
        Assert.Equal(404, (await socket.RequestAsync("DELETE", $"{Subscriptions}/{id}")).Status);
    }

    [Fact]
    public async Task Refresh_OverSocket_SameBodyKeepsTheSubscription()
    {
        // @rc-ex refresh(): PUT with the body it subscribed with (CLIENTS.md 4.4).
        var alice = await Host.ClientAsync();
        var (socket, _) = await OpenAsync(alice);
        var id = await SubscribeAsync(socket, MySessions);

        var reply = await socket.RequestAsync("PUT", $"{Subscriptions}/{id}", WebSocketSubscription(MySessions));

        Assert.Equal(200, reply.Status);
        Assert.Equal(id, reply.Json.GetProperty("id").GetString());
        Assert.Equal("WebSocket", reply.Json.GetProperty("deliveryMode").GetProperty("transportType").GetString());
        Assert.Equal([id], await SubscriptionIdsAsync(alice));
    }

    [Fact]
    public async Task Subscribe_WebSocketOverHttp_Returns400NamingTheTransport()
    {
        var alice = await Host.ClientAsync();
        var error = await (await alice.PostJsonAsync(Subscriptions, WebSocketSubscription(MySessions))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deliveryMode.transportType", error.GetProperty("parameterName").GetString());
        Assert.Empty(await SubscriptionIdsAsync(alice));
    }

    [Fact]
    public async Task Subscribe_NonAdministratorToAnotherExtension_Returns403Sub406()
    {
        var bob = await Host.ClientAsync("RC_USER2_JWT");
        var (socket, _) = await OpenAsync(bob);
        const string alices = "/restapi/v1.0/account/~/extension/11111111/telephony/sessions";

        var reply = await socket.RequestAsync("POST", Subscriptions, WebSocketSubscription(alices));

        Assert.Equal(("ClientRequest", 403), (reply.Type, reply.Status));
        Assert.Equal("SUB-406", ErrorCode(reply));
        Assert.Equal(alices, reply.Json.GetProperty("errors")[0].GetProperty("parameterValue").GetString());
        Assert.Empty(await SubscriptionIdsAsync(bob));
    }

    [Fact]
    public async Task Call_ToAlice_NonAdministratorsOwnFilterGetsNothing()
    {
        var sim = await Sim.AliceAsync(Host);
        var (bobs, _) = await OpenAsync(await Host.ClientAsync("RC_USER2_JWT"));
        await SubscribeAsync(bobs, MySessions);
        // Alice, an administrator, watches the whole account: every party of the call is in it.
        var (alices, _) = await OpenAsync(sim.Client);
        await SubscribeAsync(alices, "/restapi/v1.0/account/~/telephony/sessions");

        var sessionId = await UnansweredCallAsync(sim);
        var expected = await SequencesAsync(sim, sessionId);
        Assert.Equal(expected, Sequences(await alices.NotificationsAsync(expected.Count)));
        Assert.Empty(await bobs.NotificationsBeforeHeartbeatAsync());
    }
}
