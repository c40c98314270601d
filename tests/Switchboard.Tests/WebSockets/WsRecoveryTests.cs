using Switchboard.Tests.Simulator;

namespace Switchboard.Tests.WebSockets;

/// <summary>Session recovery with <c>&amp;wsc=</c> (CLIENTS.md 4.6): what a dropped client gets back, and when it is too late.</summary>
public sealed class WsRecoveryTests : GatewayTests
{
    [Fact]
    public async Task Recover_WithinTimeout_SuccessfulAndMissedNotificationsArriveInOrder()
    {
        var sim = await Sim.AliceAsync(Host);
        var (uri, token) = await TokenAsync(sim.Client);
        var dropped = await ConnectAsync(uri, token);
        var details = await dropped.NextAsync(what: "ConnectionDetails");
        var id = await SubscribeAsync(dropped, MySessions);
        var lastSequence = dropped.All[^1].Sequence;

        dropped.Abort();
        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        Assert.InRange(expected.Count, 2, 100); // within the recovery buffer

        // The clients reuse the ws token they have (CLIENTS.md 4.1).
        var socket = await ConnectAsync(uri, token, details.WscToken);
        var recovered = await socket.NextAsync(what: "ConnectionDetails");
        Assert.Equal("ConnectionDetails", recovered.Type);
        Assert.Equal("Successful", recovered.Json.GetProperty("recoveryState").GetString());
        Assert.False(recovered.Json.TryGetProperty("recoveryErrorCode", out _));
        Assert.Equal(details.WscToken, recovered.WscToken);

        var missed = await socket.NotificationsAsync(expected.Count);
        Assert.All(missed, n => Assert.Equal(id, n.Json.GetProperty("subscriptionId").GetString()));
        Assert.Equal(expected, Sequences(missed));
        Assert.Empty(await socket.NotificationsBeforeHeartbeatAsync()); // nothing twice
        var sequences = socket.All.Select(m => m.Sequence).Prepend(lastSequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());

        // The client does not subscribe again: the subscription lives on with the session.
        Assert.Equal([id], await SubscriptionIdsAsync(sim.Client));
        var next = await UnansweredCallAsync(sim);
        var live = await socket.NotificationsAsync((await AliceSequencesAsync(sim, next)).Count);
        Assert.All(live, n => Assert.Equal(id, n.Json.GetProperty("subscriptionId").GetString()));
    }

    [Fact]
    public async Task Recover_AfterTimeout_FailedWithWsg1005AndTheSubscriptionIsGone()
    {
        var alice = await Host.ClientAsync();
        var (dropped, details) = await OpenAsync(alice);
        await SubscribeAsync(dropped, MySessions);
        var lastSequence = dropped.All[^1].Sequence;

        dropped.Abort();
        // The gateway notices the drop on its own time; move the clock until its sweep has ended the session.
        var rounds = 0;
        while ((await SubscriptionIdsAsync(alice)).Length > 0)
        {
            Assert.True(++rounds <= 200, "the detached session's subscription outlived the recovery timeout");
            Host.Clock.Advance(TimeSpan.FromSeconds(rounds == 1 ? 181 : 1));
            await Task.Delay(20);
        }

        var (socket, recovered) = await OpenAsync(alice, details.WscToken);
        Assert.Equal("Failed", recovered.Json.GetProperty("recoveryState").GetString());
        Assert.Equal("WSG-1005", recovered.Json.GetProperty("recoveryErrorCode").GetString());
        Assert.NotEqual(details.WscToken, recovered.WscToken);
        // Greater than any the client has seen, or it would keep the old session's token (CLIENTS.md 4.6, point 1).
        Assert.True(recovered.Sequence > lastSequence);

        // What the clients do next: subscribe again, on the new socket.
        var id = await SubscribeAsync(socket, MySessions);
        Assert.Equal([id], await SubscriptionIdsAsync(alice));
    }

    [Fact]
    public async Task Recover_WhileTheOldSocketIsStillOpen_TheNewOneTakesOver()
    {
        // The client noticed the drop before the server did.
        var sim = await Sim.AliceAsync(Host);
        var (old, details) = await OpenAsync(sim.Client);
        var id = await SubscribeAsync(old, MySessions);

        var (socket, recovered) = await OpenAsync(sim.Client, details.WscToken);

        Assert.Equal("Successful", recovered.Json.GetProperty("recoveryState").GetString());
        Assert.True(await old.ClosedAsync(), "the old socket is dropped");
        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        var notifications = await socket.NotificationsAsync(expected.Count);
        Assert.All(notifications, n => Assert.Equal(id, n.Json.GetProperty("subscriptionId").GetString()));
        Assert.Equal(expected, Sequences(notifications));
    }

    [Fact]
    public async Task Recover_UnknownWsc_Failed()
    {
        var (_, recovered) = await OpenAsync(await Host.ClientAsync(), "WSC-no-such-session");
        Assert.Equal("Failed", recovered.Json.GetProperty("recoveryState").GetString());
        Assert.Equal("WSG-1005", recovered.Json.GetProperty("recoveryErrorCode").GetString());
    }

    [Fact]
    public async Task Recover_AnotherUsersSession_Failed()
    {
        var (alices, details) = await OpenAsync(await Host.ClientAsync());
        alices.Abort();
        var (_, recovered) = await OpenAsync(await Host.ClientAsync("RC_USER2_JWT"), details.WscToken);
        Assert.Equal("Failed", recovered.Json.GetProperty("recoveryState").GetString());
    }
}
