using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>Whole calls through the engine in virtual time: mailbox, timers, events, presence.</summary>
public sealed class CallEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task PlaceInbound_AnsweredAndHungUp_EventsAndActiveCallsFollow()
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        var id = call.TelephonySessionId;
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding"], _h.Trace(id));
        var ringing = Assert.Single(_h.Engine.ActiveCalls(Alice));
        Assert.Equal(("Ringing", CallDirection.Inbound, Outsider, AliceNumber, call.Parties[1].Id), (ringing.TelephonyStatus, ringing.Direction, ringing.From, ringing.To, ringing.PartyId));
        Assert.Equal(call.SessionId, ringing.SessionId);

        Ok(await _h.Engine.AnswerAsync(id, call.Parties[1].Id, AliceDesk));
        Assert.Equal("CallConnected", Assert.Single(_h.Engine.ActiveCalls(Alice)).TelephonyStatus);
        Assert.Single(_h.Engine.Live(AccountId));

        var ended = Ok(await _h.Engine.HangUpAsync(id, call.Parties[0].Id));
        Assert.All(ended.Parties, p => Assert.Equal(PartyStatus.Disconnected, p.Status));
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered", "p2 Disconnected", "p1 Disconnected"], _h.Trace(id));
        Trace.AssertSequencesFromOne(_h.EventsOf(id));
        Assert.Empty(_h.Engine.ActiveCalls(Alice));
        Assert.Empty(_h.Engine.Live());
        Assert.Null(_h.Engine.Find(id));
    }

    [Fact]
    public async Task PlaceInbound_RingTimesOut_VoicemailAndNoActiveCall()
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        await _h.AdvanceAsync(19);
        Assert.Equal(4, _h.EventsOf(call.TelephonySessionId).Count);
        await _h.AdvanceAsync(1);

        Assert.Equal(["p2 VoiceMail missed", "p1 Answered"], _h.Trace(call.TelephonySessionId)[4..]);
        Assert.Empty(_h.Engine.ActiveCalls(Alice)); // leaving a message is not a call of Alice's
        Assert.Equal(PartyStatus.VoiceMail, _h.Engine.Find(call.TelephonySessionId)!.Parties[1].Status);
    }

    [Fact]
    public async Task PlaceInbound_UnknownNumber_NumberNotFound()
    {
        var result = await _h.Engine.PlaceInboundAsync(Outsider, "+19995550000");
        Assert.Equal(CallError.NumberNotFound, result.Error);
        Assert.Empty(_h.Engine.Live());
    }

    [Fact]
    public async Task Commands_UnknownSessionOrParty_Fail()
    {
        Assert.Equal(CallError.SessionNotFound, (await _h.Engine.AnswerAsync("s-nope", "p-nope-1", null)).Error);
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        Assert.Equal(CallError.PartyNotFound, (await _h.Engine.HangUpAsync(call.TelephonySessionId, "p-nope-9")).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, BobDesk, Outsider)).Error);
        Assert.Equal(CallError.NumberNotFound, (await _h.Engine.PlaceFromDeviceAsync(999, Alice, null, Outsider)).Error);
    }

    [Fact]
    public async Task PlaceFromDevice_ToExtension_CallerConnectedCalleeRinging()
    {
        var call = Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, "102"));

        var mine = Assert.Single(_h.Engine.ActiveCalls(Alice));
        Assert.Equal(("CallConnected", CallDirection.Outbound), (mine.TelephonyStatus, mine.Direction));
        var bobs = Assert.Single(_h.Engine.ActiveCalls(Bob));
        Assert.Equal(("Ringing", "Alice Able", "Bob Baker"), (bobs.TelephonyStatus, bobs.FromName, bobs.ToName));
        Assert.Equal(call.TelephonySessionId, bobs.TelephonySessionId);
    }

    [Fact]
    public async Task PlaceFromDevice_ToOutsideMagicNumber_AnsweredAfterNSecondsInVirtualTime()
    {
        var call = Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, "+15005550103"));
        await _h.AdvanceAsync(2);
        Assert.Equal(3, _h.EventsOf(call.TelephonySessionId).Count);
        await _h.AdvanceAsync(1);
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered"], _h.Trace(call.TelephonySessionId));
    }

    [Fact]
    public async Task PlaceInbound_ForwardingNumberBusy_NextStepAndReject()
    {
        using var h = new EngineHarness(new() { [AliceNumber] = Plan(Alice, Ring(20, Outside("+15005550200", Alice), Outside("+15005550400", Alice)), End(EndKind.VoiceMail, Alice)) });
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 VoiceMail missed", "p1 Answered"], h.Trace(call.TelephonySessionId));
    }

    [Fact]
    public async Task SetBehaviour_OverridesAndRestoresDefault()
    {
        _h.Engine.SetBehaviour(Mobile, new Behaviour(BehaviourKind.Reject));
        _h.Engine.SetDeviceBehaviour(AliceDesk, new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.FromSeconds(3)));
        Assert.Equal(BehaviourKind.Reject, _h.Engine.BehaviourOf(Mobile).Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), _h.Engine.DeviceBehaviourOf(AliceDesk).After);

        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        await _h.AdvanceAsync(3);
        Assert.Equal(PartyStatus.Answered, _h.Engine.Find(call.TelephonySessionId)!.Parties[1].Status);

        _h.Engine.SetBehaviour(Mobile, null);
        _h.Engine.SetDeviceBehaviour(AliceDesk, null);
        Assert.Equal(CallBehaviours.OutsideDefault, _h.Engine.BehaviourOf(Mobile));
        Assert.Equal(BehaviourKind.NeverAnswer, _h.Engine.DeviceBehaviourOf(AliceDesk).Kind);
    }

    [Fact]
    public async Task RecentEvents_NewestLastAndBounded()
    {
        var engine = new CallEngine(new TestDirectory(Build()), _h.Time, Routes(), recentEvents: 5);
        var call = Ok(await engine.PlaceInboundAsync(Outsider, AliceNumber));
        await engine.HangUpAsync(call.TelephonySessionId, call.Parties[0].Id);

        var recent = engine.RecentEvents(100);
        Assert.Equal([2L, 3, 4, 5, 6], recent.Select(e => e.Sequence));
        Assert.Equal([5L, 6], engine.RecentEvents(2).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Subscribe_DisposedOrFailingSubscriber_OthersStillServed()
    {
        var engine = new CallEngine(new TestDirectory(Build()), _h.Time, Routes());
        var seen = new List<long>();
        using var failing = engine.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        var gone = engine.Subscribe(_ => Assert.Fail("unsubscribed"));
        gone.Dispose();
        using var kept = engine.Subscribe(e => seen.Add(e.Sequence));

        Ok(await engine.PlaceInboundAsync(Outsider, AliceNumber));
        Assert.Equal([1L, 2, 3, 4], seen);
    }

    [Fact]
    public async Task ParkedByThePlan_ParkLocationShowsParkedCall()
    {
        using var h = new EngineHarness(new() { [AliceNumber] = Plan(Alice, End(EndKind.Park, ParkLot)) });
        var call = Ok(await h.Engine.PlaceInboundAsync(Outsider, AliceNumber));

        var parked = Assert.Single(h.Engine.ActiveCalls(ParkLot));
        Assert.Equal(("ParkedCall", call.Parties[1].Id), (parked.TelephonyStatus, parked.PartyId));
        Assert.Equal(new ParkInfo("*801"), h.Engine.Find(call.TelephonySessionId)!.Parties[1].Park);
    }

    [Fact]
    public async Task PlaceInbound_IvrDigits_RoutedToTheChosenExtension()
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, MainNumber));
        Ok(await _h.Engine.SendDigitsAsync(call.TelephonySessionId, call.Parties[0].Id, "103"));

        Assert.Equal("Ringing", Assert.Single(_h.Engine.ActiveCalls(Carol)).TelephonyStatus);
        Assert.Equal(["p1 Setup", "p2 Setup", "p1 Answered", "p2 Disconnected CallerInputRedirect", "p3 Setup", "p3 Proceeding"], _h.Trace(call.TelephonySessionId));
    }
}
