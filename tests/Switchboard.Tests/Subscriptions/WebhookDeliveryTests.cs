using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Subscriptions;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Subscriptions;

/// <summary>Calls placed in the simulator reach webhook receivers: in order, with the platform's headers, through failures.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const long Alice = 11111111;
    private const string AliceNumber = "+12125550101", Caller = "+16505550000";
    private readonly SwitchboardHost _host = new();
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _host.Dispose();
    }

    private async Task<string> SubscribeAsync(HttpClient client, Receiver receiver, params string[] filters) =>
        (await (await client.PostJsonAsync(SubscriptionApiTests.Path, SubscriptionApiTests.Webhook(receiver.Url, filters))).ExpectJsonAsync(200)).GetProperty("id").GetString()!;

    /// <summary>Alice's party's events of the call, as the simulator's log has them, in sequence order.</summary>
    private static Task<List<long>> AliceSequencesAsync(Sim sim, string sessionId) =>
        SequencesAsync(sim, sessionId, party => party.TryGetProperty("extensionId", out var e) && e.GetString() == "11111111");

    private static async Task<List<long>> SequencesAsync(Sim sim, string sessionId, Func<JsonElement, bool> party) =>
        [.. (await sim.Client.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body"))
            .Where(b => b.GetProperty("telephonySessionId").GetString() == sessionId && party(b.GetProperty("parties")[0]))
            .Select(b => b.GetProperty("sequence").GetInt64())
            .Order()];

    private static List<long> Sequences(IEnumerable<Delivery> deliveries) =>
        [.. deliveries.Where(d => d.Event.Contains("/telephony/sessions", StringComparison.Ordinal)).Select(d => d.Body.GetProperty("sequence").GetInt64())];

    /// <summary>A call from outside to Alice that nobody answers: it rings, then goes to voicemail.</summary>
    private static async Task<string> UnansweredCallAsync(Sim sim)
    {
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        await sim.AdvanceAsync(120);
        return id;
    }

    [Fact]
    public async Task Call_ExtensionSubscription_DeliversEachEventInSequenceWithEnvelopeAndHeaders()
    {
        var sim = await Sim.AliceAsync(_host);
        var subscriptionId = await SubscribeAsync(sim.Client, _receiver, SubscriptionApiTests.MySessions);

        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        Assert.True(expected.Count >= 2, "the call produced events for Alice");
        var deliveries = await _receiver.WaitForAsync(expected.Count);

        Assert.Equal(expected, Sequences(deliveries));
        foreach (var d in deliveries)
        {
            Assert.Equal("RingCentral-Webhook/8.3", d.UserAgent);
            Assert.Equal("secret-token", d.VerificationToken);
            Assert.StartsWith("application/json", d.ContentType);
            Assert.Equal("/restapi/v1.0/account/11111111/extension/11111111/telephony/sessions", d.Event);
            Assert.Equal(subscriptionId, d.Envelope.GetProperty("subscriptionId").GetString());
            Assert.Equal("11111111", d.Envelope.GetProperty("ownerId").GetString());
            Assert.True(Guid.TryParse(d.Envelope.GetProperty("uuid").GetString(), out _));
            Assert.Equal(SwitchboardHost.Start.UtcDateTime, d.Envelope.GetProperty("timestamp").GetDateTime().ToUniversalTime());
            Assert.Equal(sessionId, d.Body.GetProperty("telephonySessionId").GetString());
            var party = Assert.Single(d.Body.GetProperty("parties").EnumerateArray());
            Assert.Equal("11111111", party.GetProperty("extensionId").GetString());
        }
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Envelope.GetProperty("uuid").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Call_PresenceSubscription_DeliversTelephonyStatusChanges()
    {
        var sim = await Sim.AliceAsync(_host);
        await SubscribeAsync(sim.Client, _receiver, "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true");

        var sessionId = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        var ringing = (await _receiver.WaitForAsync(1))[0];
        Assert.Equal("/restapi/v1.0/account/11111111/extension/11111111/presence?detailedTelephonyState=true", ringing.Event); // the filter, query included
        Assert.Equal("Ringing", ringing.Body.GetProperty("telephonyStatus").GetString());
        Assert.Equal("11111111", ringing.Body.GetProperty("extensionId").GetString());
        Assert.Equal(sessionId, ringing.Body.GetProperty("activeCalls")[0].GetProperty("telephonySessionId").GetString());
        Assert.False(ringing.Body.GetProperty("activeCalls")[0].TryGetProperty("sipData", out _));

        await sim.AdvanceAsync(120);
        var last = (await _receiver.WaitForAsync(2))[^1];
        Assert.Equal("NoCall", last.Body.GetProperty("telephonyStatus").GetString());
        Assert.True(last.Body.GetProperty("sequence").GetInt64() > ringing.Body.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Call_ReceiverFailsThenRecovers_MissedNotificationsArriveInOrder()
    {
        var sim = await Sim.AliceAsync(_host);
        await SubscribeAsync(sim.Client, _receiver, SubscriptionApiTests.MySessions);
        _receiver.FailNext = 3;

        var sessionId = await UnansweredCallAsync(sim);
        var expected = await AliceSequencesAsync(sim, sessionId);
        await _receiver.WaitForFailuresAsync(1);
        Assert.Empty(_receiver.Deliveries); // the order holds: nothing passes the failed head

        // Retries wait on the server's clock: move it until everything got through.
        var deliveries = await _receiver.WaitForAsync(expected.Count, () => _host.Clock.Advance(TimeSpan.FromSeconds(5)));
        Assert.Equal(3, _receiver.Failures);
        Assert.Equal(expected, Sequences(deliveries));
        var info = await sim.Client.GetJsonAsync(SubscriptionApiTests.Path);
        Assert.Equal("Active", info.GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Call_ReceiverFailsForTenMinutes_SubscriptionBlacklisted()
    {
        var sim = await Sim.AliceAsync(_host);
        var id = await SubscribeAsync(sim.Client, _receiver, SubscriptionApiTests.MySessions);
        _receiver.FailNext = -1;
        await UnansweredCallAsync(sim);
        await _receiver.WaitForFailuresAsync(1);

        JsonElement info = default;
        for (var round = 0; round < 200; round++)
        {
            info = await sim.Client.GetJsonAsync($"{SubscriptionApiTests.Path}/{id}");
            if (info.GetProperty("status").GetString() == "Blacklisted") break;
            _host.Clock.Advance(TimeSpan.FromSeconds(30));
            await _receiver.NextAsync(TimeSpan.FromMilliseconds(200));
        }
        Assert.Equal("Blacklisted", info.GetProperty("status").GetString());
        var data = info.GetProperty("blacklistedData");
        Assert.Contains("500", data.GetProperty("reason").GetString());
        Assert.True(data.GetProperty("blacklistedAt").GetDateTime().ToUniversalTime() >= SwitchboardHost.Start.AddMinutes(10).UtcDateTime);
    }

    [Fact]
    public async Task Call_ToAlice_NonAdministratorNeverReceivesHerEvents()
    {
        var sim = await Sim.AliceAsync(_host);
        await using var bobs = await Receiver.StartAsync();
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await SubscribeAsync(bob, bobs, SubscriptionApiTests.MySessions, "/restapi/v1.0/account/~/extension/~/presence");
        // Alice, an administrator, watches the whole account; Bob's events reach her, hers never reach him.
        await SubscribeAsync(sim.Client, _receiver, "/restapi/v1.0/account/~/telephony/sessions");

        var sessionId = await UnansweredCallAsync(sim);
        // Every party of the call belongs to the account (the outside caller's too).
        var expected = await SequencesAsync(sim, sessionId, _ => true);
        var all = await _receiver.WaitForAsync(expected.Count);
        Assert.All(all, d => Assert.Equal("/restapi/v1.0/account/11111111/telephony/sessions", d.Event));
        Assert.Equal(expected, Sequences(all));
        Assert.DoesNotContain(bobs.Deliveries, d => d.Body.GetProperty("parties")[0].TryGetProperty("extensionId", out var e)
            && e.GetString() == Alice.ToString(CultureInfo.InvariantCulture));
        Assert.Empty(bobs.Deliveries);
    }

    [Fact]
    public async Task Call_FilterWithStatusCode_DeliversOnlyThatStatus()
    {
        var sim = await Sim.AliceAsync(_host);
        await using var all = await Receiver.StartAsync();
        await SubscribeAsync(sim.Client, _receiver, SubscriptionApiTests.MySessions + "?statusCode=Proceeding");
        await SubscribeAsync(sim.Client, all, SubscriptionApiTests.MySessions);

        var sessionId = await UnansweredCallAsync(sim);
        var everything = await all.WaitForAsync((await AliceSequencesAsync(sim, sessionId)).Count);
        var proceeding = everything.Where(d => d.Body.GetProperty("parties")[0].GetProperty("status").GetProperty("code").GetString() == "Proceeding").ToList();
        Assert.NotEmpty(proceeding);
        Assert.True(proceeding.Count < everything.Count);
        var filtered = await _receiver.WaitForAsync(proceeding.Count);
        Assert.Equal(Sequences(proceeding), Sequences(filtered));
    }

    [Fact]
    public async Task Call_FilterWithRecordings_DeliversOnlyEventsOfARecordedParty()
    {
        var sim = await Sim.AliceAsync(_host);
        await SubscribeAsync(sim.Client, _receiver, SubscriptionApiTests.MySessions + "?withRecordings=true");
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        var alice = await sim.PartyOfAsync(id, Alice);
        var parties = $"/restapi/v1.0/account/~/telephony/sessions/{id}/parties/{alice}";
        await (await sim.Client.PostJsonAsync($"{parties}/answer", new { deviceId = "1001" })).ExpectJsonAsync(200);
        var recording = (await (await sim.Client.PostAsync($"{parties}/recordings", null)).ExpectJsonAsync(201)).GetProperty("id").GetString();
        await (await sim.Client.SendRawAsync(HttpMethod.Patch, $"{parties}/recordings/{recording}", """{"active":false}""")).ExpectJsonAsync(200);

        // Ringing and answering came before the recording: only the two recording changes are delivered.
        var all = await _receiver.WaitForAsync(2);
        await _receiver.NextAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, _receiver.Deliveries.Count);
        Assert.Equal([true, false], all.Select(d => d.Body.GetProperty("parties")[0].GetProperty("recordings")[0].GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Outbox_RowWrittenBeforeTheDispatcherRuns_IsDelivered()
    {
        // What a restart finds: notifications committed to the outbox but not delivered yet.
        var alice = await _host.ClientAsync();
        var id = await SubscribeAsync(alice, _receiver, SubscriptionApiTests.MySessions);
        await using (var db = _host.Services.GetRequiredService<Database>().CreateContext())
        {
            db.PendingNotifications.Add(new PendingNotification
            {
                SubscriptionId = id,
                Envelope = $$$"""{"uuid":"u-1","event":"/restapi/v1.0/account/11111111/extension/11111111/telephony/sessions","timestamp":"2026-11-23T12:00:00.000Z","subscriptionId":"{{{id}}}","ownerId":"11111111","body":{"sequence":1}}""",
                CreatedAt = SwitchboardHost.Start.UtcDateTime,
                NextAttemptAt = SwitchboardHost.Start.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        _host.Services.GetRequiredService<WebhookDispatcher>().Wake();

        var delivery = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("u-1", delivery.Envelope.GetProperty("uuid").GetString());
        // The receiver has answered; the dispatcher removes the row right after.
        await using var after = _host.Services.GetRequiredService<Database>().CreateContext();
        for (var round = 0; round < 100 && await after.PendingNotifications.AnyAsync(); round++) await Task.Delay(50);
        Assert.Empty(after.PendingNotifications);
    }
}
