using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Routing plans run step by step: ring in order, ring together, forwards, DND, announcements, park.</summary>
public sealed class PlanTests
{
    private static MachineDriver CallTo(RoutingPlan plan, out MachineDriver call)
    {
        call = new MachineDriver(new() { [AliceNumber] = plan });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        return call;
    }

    [Fact]
    public void RingInOrder_ThreeForwardingNumbersUnanswered_EndsInVoicemail()
    {
        var plan = Plan(Alice,
            Ring(20, Device(Alice, AliceDesk), Device(Alice, AliceSoft)),
            Ring(20, Outside(Mobile, Alice)),
            Ring(20, Outside(Home, Alice)),
            Ring(20, Outside(Cell, Alice)),
            End(EndKind.VoiceMail, Alice));
        CallTo(plan, out var call);
        foreach (var n in new[] { Mobile, Home, Cell }) call.Behaviours.SetNumber(n, new Behaviour(BehaviourKind.NeverAnswer));

        call.Advance(79);
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding"], call.Trace()); // one party rings for Alice throughout
        Assert.Equal(3, call.State.Step);
        call.Advance(1);
        call.Apply(new HangUpParty(call.Party(1)));

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 VoiceMail missed", "p1 Answered", "p2 Disconnected missed", "p1 Disconnected"], call.Trace());
        Trace.AssertSequencesFromOne(call.Events);
    }

    [Fact]
    public void RingInOrder_SecondForwardingNumberAnswers_AliceAnswersOnHerMobile()
    {
        var plan = Plan(Alice, Ring(20, Device(Alice, AliceDesk)), Ring(20, Outside(Mobile, Alice)), End(EndKind.VoiceMail, Alice));
        CallTo(plan, out var call);

        call.Advance(24);
        Assert.Equal(4, call.Events.Count);
        call.Advance(1); // the mobile answers after one ring (5 s), the default for outside numbers

        Assert.Equal(["p2 Answered", "p1 Answered"], call.Trace()[4..]);
    }

    [Fact]
    public void RingAllTogether_OutsideLegAnswersFirst_CoworkerStopsWithoutMissedCall()
    {
        var plan = Plan(Alice, Ring(30, Device(Alice, AliceDesk), Outside(Mobile, Alice), Device(Bob, BobDesk)), End(EndKind.VoiceMail, Alice));
        CallTo(plan, out var call);

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p3 Setup", "p3 Proceeding"], call.Trace());
        call.Advance(5);

        Assert.Equal(["p2 Answered", "p3 Disconnected", "p1 Answered"], call.Trace()[6..]);
        Assert.Equal(Bob, call.Events[^2].Party.ExtensionId);
    }

    [Fact]
    public void RingAllTogether_CoworkerAnswers_CalleeStops()
    {
        var plan = Plan(Alice, Ring(30, Device(Alice, AliceDesk), Device(Bob, BobDesk)), End(EndKind.VoiceMail, Alice));
        CallTo(plan, out var call);

        Assert.Null(call.Apply(new AnswerParty(call.Party(3), BobDesk)).Error);
        Assert.Equal(["p3 Answered", "p2 Disconnected", "p1 Answered"], call.Trace()[6..]);
    }

    [Fact]
    public void CustomOffsets_LegJoinsLater_ItsPartyAppearsThen()
    {
        var plan = Plan(Alice, Ring(30, Device(Alice, AliceDesk), Device(Bob, BobDesk, offsetSeconds: 10)), End(EndKind.VoiceMail, Alice));
        CallTo(plan, out var call);

        call.Advance(9);
        Assert.Equal(4, call.Events.Count);
        call.Advance(1);
        Assert.Equal(["p3 Setup", "p3 Proceeding"], call.Trace()[4..]);
        call.Advance(20);
        Assert.Equal(["p3 Disconnected missed", "p2 VoiceMail missed", "p1 Answered"], call.Trace()[6..]);
    }

    [Fact]
    public void ForwardAllCalls_ToOutsideNumber_RingsAsAliceAndIsAnswered()
    {
        var plan = new RoutingPlan(Alice, "forward-all-calls", [Ring(20, Outside("+15005550103", Alice)), End(EndKind.VoiceMail, Alice)], []);
        CallTo(plan, out var call);

        call.Advance(3);
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered"], call.Trace());
    }

    [Fact]
    public void ForwardAllCalls_ToExtension_RoutedAnewWithNewParty()
    {
        var plan = new RoutingPlan(Alice, "forward-all-calls", [End(EndKind.ForwardToExtension, Bob)], []);
        CallTo(plan, out var call);

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding"], call.Trace());
        Assert.Equal(Bob, call.Events[1].Party.ExtensionId);
        Assert.Equal(new Switchboard.Telephony.Sessions.CallEndpoint(BobNumber, "Bob Baker", Bob), call.Events[1].Party.To);
    }

    [Fact]
    public void NoAnswer_ForwardToExtension_CalleeRedirectedThenNewPartyRings()
    {
        var plan = Plan(Alice, Ring(20, Device(Alice, AliceDesk)), End(EndKind.ForwardToExtension, Bob));
        CallTo(plan, out var call);

        call.Advance(20);
        Assert.Equal(["p2 Disconnected CallRedirected missed", "p3 Setup", "p3 Proceeding"], call.Trace()[4..]);
    }

    [Fact]
    public void NoAnswer_ForwardToNumber_OutsideLegRingsAndAnswers()
    {
        var plan = Plan(Alice, Ring(20, Device(Alice, AliceDesk)), End(EndKind.ForwardToNumber, number: "+15005550102"));
        CallTo(plan, out var call);

        call.Advance(20);
        Assert.Equal(["p2 Disconnected CallRedirected missed", "p3 Proceeding"], call.Trace()[4..]);
        var outside = call.Events[^1].Party;
        Assert.Null(outside.ExtensionId);
        Assert.Equal(AccountId, outside.AccountId);
        Assert.Equal(CallDirection.Inbound, outside.Direction);
        Assert.Equal("+15005550102", outside.To.PhoneNumber);
        call.Advance(2);
        Assert.Equal(["p3 Answered", "p1 Answered"], call.Trace()[6..]);
    }

    [Fact]
    public void DoNotDisturb_StraightToVoicemail()
    {
        var plan = new RoutingPlan(Alice, "dnd", [End(EndKind.VoiceMail, Alice)], []);
        CallTo(plan, out var call);

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 VoiceMail missed", "p1 Answered"], call.Trace());
        Assert.Equal(CallPhase.VoiceMail, call.State.Phase);
    }

    [Fact]
    public void PlayAnnouncement_CallerAnsweredThenDisconnectedAfterAnnouncement()
    {
        var plan = Plan(Alice, new PlayPrompt("Welcome", null, null, "test"), End(EndKind.PlayAnnouncement, Alice));
        CallTo(plan, out var call);

        Assert.Equal(["p1 Setup", "p2 Setup", "p1 Answered"], call.Trace());
        call.Advance(10);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], call.Trace()[3..]);
        Assert.True(call.State.Ended);
    }

    [Fact]
    public void Park_ParkLocationPartyParkedWithOrbit()
    {
        var plan = Plan(Alice, Ring(20, Device(Alice, AliceDesk)), End(EndKind.Park, ParkLot));
        CallTo(plan, out var call);

        call.Advance(20);
        Assert.Equal(["p2 Disconnected missed", "p3 Setup", "p3 Parked", "p1 Answered"], call.Trace()[4..]);
        Assert.Equal(new ParkInfo("*801"), call.Events[^2].Party.Park);
    }

    [Fact]
    public void EmptyPlan_CallerDisconnectedAtOnce()
    {
        CallTo(new RoutingPlan(null, "disabled", [], ["disabled extension"]), out var call);

        Assert.Equal(["p1 Setup", "p1 Disconnected"], call.Trace());
        Assert.True(call.State.Ended);
    }

    [Fact]
    public void ForwardingLoop_EndsAfterTheLimit()
    {
        var call = new MachineDriver(new() { ["101"] = new RoutingPlan(Alice, "loop", [End(EndKind.ForwardToExtension, Alice)], []), [AliceNumber] = new RoutingPlan(Alice, "loop", [End(EndKind.ForwardToExtension, Alice)], []) });
        call.Apply(new StartInbound(Outsider, AliceNumber));

        Assert.True(call.State.Ended);
        Assert.Equal(["p1 Setup", "p1 Disconnected"], call.Trace());
    }
}
