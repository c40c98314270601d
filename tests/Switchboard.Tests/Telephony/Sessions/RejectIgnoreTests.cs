using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Reject and ignore through Call Control: the party (or one device) stops ringing and the plan goes on.</summary>
public sealed class RejectIgnoreTests
{
    private static MachineDriver CallTo(RoutingPlan plan)
    {
        var call = new MachineDriver(new() { [AliceNumber] = plan });
        call.Behaviours.SetNumber(Mobile, new Behaviour(BehaviourKind.NeverAnswer));
        call.Apply(new StartInbound(Outsider, AliceNumber));
        return call;
    }

    private static void AssertRefused(MachineDriver call, SessionCommand command, CallError error, string? message = null)
    {
        var before = call.State;
        var d = call.Apply(command);
        Assert.Equal(error, d.Error);
        if (message is not null) Assert.Contains(message, d.Message);
        Assert.Same(before, call.State);
        Assert.Empty(d.Effects.Events);
    }

    [Fact]
    public void Reject_OnlyStep_VoicemailAtOnce()
    {
        var call = CallTo(RingThenVoicemail(Alice, AliceDesk, AliceSoft));
        Assert.Null(call.Apply(new RejectParty(call.Party(2))).Error);

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 VoiceMail missed", "p1 Answered"], call.Trace());
        Assert.Equal(CallPhase.VoiceMail, call.State.Phase);
    }

    [Fact]
    public void Reject_RingInOrder_TheNextForwardingNumberRingsWithinTheSameParty()
    {
        var call = CallTo(Plan(Alice, Ring(20, Device(Alice, AliceDesk)), Ring(20, Outside(Mobile, Alice)), End(EndKind.VoiceMail, Alice)));
        call.Apply(new RejectParty(call.Party(2)));

        Assert.Equal(4, call.Events.Count); // the caller hears ringing on: no event
        Assert.Equal((1, CallPhase.Ringing), (call.State.Step, call.State.Phase));
        Assert.Equal(Mobile, Assert.Single(call.State.Legs).Leg.PhoneNumber);

        call.Apply(new RejectParty(call.Party(2)));
        Assert.Equal(["p2 VoiceMail missed", "p1 Answered"], call.Trace()[4..]);
    }

    [Fact]
    public void Reject_CoworkerRingingTogether_OnlyTheCoworkerStops()
    {
        var call = CallTo(Plan(Alice, Ring(30, Device(Alice, AliceDesk), Device(Bob, BobDesk)), End(EndKind.VoiceMail, Alice)));
        call.Apply(new RejectParty(call.Party(3)));

        Assert.Equal(["p3 Disconnected missed"], call.Trace()[6..]);
        Assert.Equal(CallPhase.Ringing, call.State.Phase);
    }

    [Fact]
    public void Reject_Refusals()
    {
        var call = CallTo(RingThenVoicemail(Alice, AliceDesk));
        AssertRefused(call, new RejectParty(call.Party(1)), CallError.InvalidState, "is Proceeding; only a ringing party can be rejected");
        AssertRefused(call, new RejectParty(call.Party(4)), CallError.PartyNotFound);
        call.Apply(new AnswerParty(call.Party(2), AliceDesk));
        AssertRefused(call, new RejectParty(call.Party(2)), CallError.InvalidState, "is Answered");
    }

    [Fact]
    public void Reject_IvrMenu_NotRinging()
    {
        var call = new MachineDriver();
        call.Apply(new StartInbound(Outsider, MainNumber));
        Assert.Equal(PartyStatus.Setup, call.State.Parties[1].Status);
        AssertRefused(call, new RejectParty(call.Party(2)), CallError.InvalidState, "is Setup");
        AssertRefused(call, new AnswerOnDevice(call.Party(2), AliceDesk), CallError.InvalidState);
    }

    [Fact]
    public void Reject_RingOutUsersOwnPhone_EndsTheRingOut()
    {
        var call = new MachineDriver(origin: OriginType.RingOut);
        call.Behaviours.SetNumber(Mobile, new Behaviour(BehaviourKind.NeverAnswer));
        call.Apply(new StartRingOut(Alice, Mobile, null, Outsider));
        call.Apply(new RejectParty(call.Party(1)));

        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Disconnected Rejected"], call.Trace());
        Assert.Equal(CallingStatus.Rejected, call.State.ToRingOutView()!.Status.Caller);
    }

    [Fact]
    public void Ignore_OneDevice_TheOtherRingsOnThenVoicemailWhenBothAreIgnored()
    {
        var call = CallTo(RingThenVoicemail(Alice, AliceDesk, AliceSoft));
        Assert.Null(call.Apply(new IgnoreParty(call.Party(2), AliceDesk)).Error);
        Assert.Equal(4, call.Events.Count);
        Assert.Equal([LegStatus.Dropped, LegStatus.Ringing], call.State.Legs.Select(l => l.Status));

        AssertRefused(call, new IgnoreParty(call.Party(2), AliceDesk), CallError.InvalidState, "is not ringing on device 5101");
        call.Apply(new IgnoreParty(call.Party(2), AliceSoft));
        Assert.Equal(["p2 VoiceMail missed", "p1 Answered"], call.Trace()[4..]);
    }

    [Fact]
    public void Ignore_Refusals()
    {
        var call = CallTo(RingThenVoicemail(Alice, AliceDesk));
        AssertRefused(call, new IgnoreParty(call.Party(2), BobDesk), CallError.InvalidTarget, "not a device");
        AssertRefused(call, new IgnoreParty(call.Party(2), AliceSoft), CallError.InvalidState, "not ringing on device 5102"); // hers, but not rung by the plan
        AssertRefused(call, new IgnoreParty(call.Party(1), AliceDesk), CallError.InvalidState, "is Proceeding; only a ringing party can be ignored");
        call.Apply(new AnswerParty(call.Party(2), AliceDesk));
        AssertRefused(call, new IgnoreParty(call.Party(2), AliceDesk), CallError.InvalidState, "is Answered");
    }
}
