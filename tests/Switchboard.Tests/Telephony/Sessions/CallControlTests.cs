using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Call Control on a direct call to Alice: drop, answer on a device, hold, mute, delete a party; refusals change nothing.</summary>
public sealed class CallControlTests
{
    private readonly MachineDriver _call = new();

    [Fact]
    public void Drop_ConnectedCall_CalleeThenCallerDisconnected()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(DropCall.Instance).Error);

        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[6..]);
        Assert.True(_call.State.Ended);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Drop_WhileRinging_CalleeMissedAndRingTimerCancelled()
    {
        _call.RingAlice();
        _call.Apply(DropCall.Instance);

        Assert.Equal(["p2 Disconnected missed", "p1 Disconnected"], _call.Trace()[4..]);
        Assert.Empty(_call.PendingTimers);
        Assert.Equal(CallError.SessionNotFound, _call.Apply(DropCall.Instance).Error);
    }

    [Fact]
    public void Drop_RingOutWhileUsersPhoneRings_IsACancel()
    {
        var call = new MachineDriver(origin: OriginType.RingOut);
        call.Apply(new StartRingOut(Alice, Mobile, null, Outsider));
        call.Apply(DropCall.Instance);

        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Disconnected Rejected"], call.Trace());
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, CallingStatus.Rejected, CallingStatus.InProgress), call.State.ToRingOutView()!.Status);
    }

    [Fact]
    public void AnswerOnDevice_RingingParty_AnsweredThenCaller()
    {
        _call.RingAlice();
        Assert.Null(_call.Apply(new AnswerOnDevice(_call.Party(2), AliceSoft)).Error);

        Assert.Equal(["p2 Answered", "p1 Answered"], _call.Trace()[4..]);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
        Assert.Empty(_call.PendingTimers);
    }

    [Fact]
    public void AnswerOnDevice_Refusals()
    {
        _call.RingAlice();
        Assert.Contains("not a device", _call.Refused(new AnswerOnDevice(_call.Party(2), BobDesk), CallError.InvalidTarget));
        Assert.Equal("Party p-0123456789abcdef0123456789abcdef-1 is Proceeding; only a ringing party can be answered.",
            _call.Refused(new AnswerOnDevice(_call.Party(1), AliceDesk), CallError.InvalidState)); // the caller is not rung
        _call.Refused(new AnswerOnDevice(_call.Party(7), AliceDesk), CallError.PartyNotFound);
        _call.Apply(new AnswerOnDevice(_call.Party(2), AliceDesk));
        Assert.Contains("is Answered", _call.Refused(new AnswerOnDevice(_call.Party(2), AliceDesk), CallError.InvalidState));
    }

    [Fact]
    public void AnswerOnDevice_InVoicemail_InvalidState()
    {
        _call.RingAlice();
        _call.Advance(20);
        Assert.Contains("is VoiceMail", _call.Refused(new AnswerOnDevice(_call.Party(2), AliceDesk), CallError.InvalidState));
    }

    [Fact]
    public void HoldAndUnhold_OnlyTheHeldPartyChanges()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new HoldParty(_call.Party(2))).Error);
        Assert.Equal(["p2 Hold"], _call.Trace()[6..]);
        Assert.Equal(PartyStatus.Answered, _call.State.Parties[0].Status); // the peer hears music, still Answered (2.9)

        Assert.Null(_call.Apply(new UnholdParty(_call.Party(2))).Error);
        Assert.Equal(["p2 Hold", "p2 Answered"], _call.Trace()[6..]);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Hold_TheCaller_IsAllowed()
    {
        _call.ConnectAlice();
        _call.Apply(new HoldParty(_call.Party(1)));
        Assert.Equal(["p1 Hold"], _call.Trace()[6..]);
    }

    [Fact]
    public void HoldAndUnhold_Refusals()
    {
        _call.RingAlice();
        Assert.Contains("is Proceeding; only an answered party", _call.Refused(new HoldParty(_call.Party(2)), CallError.InvalidState));
        _call.Refused(new UnholdParty(_call.Party(2)), CallError.InvalidState);
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Contains("is Answered; only a party on hold", _call.Refused(new UnholdParty(_call.Party(2)), CallError.InvalidState));
        _call.Apply(new HoldParty(_call.Party(2)));
        Assert.Contains("is Hold", _call.Refused(new HoldParty(_call.Party(2)), CallError.InvalidState));
        _call.Refused(new HoldParty(_call.Party(5)), CallError.PartyNotFound);
    }

    [Fact]
    public void Hold_CallerAnsweredByVoicemail_InvalidState()
    {
        _call.RingAlice();
        _call.Advance(20);
        Assert.Equal(PartyStatus.Answered, _call.State.Parties[0].Status);
        Assert.Contains("of a connected call", _call.Refused(new HoldParty(_call.Party(1)), CallError.InvalidState));
    }

    [Fact]
    public void Update_MuteThenStandAlone_OneEventPerChangeAndNoneWithoutChange()
    {
        _call.ConnectAlice();
        _call.Apply(new UpdateParty(_call.Party(2), Muted: true, StandAlone: null));
        var muted = Assert.Single(_call.Events.Skip(6)).Party;
        Assert.Equal((PartyStatus.Answered, true, false), (muted.Status, muted.Muted, muted.StandAlone));

        var again = _call.Apply(new UpdateParty(_call.Party(2), Muted: true, StandAlone: false));
        Assert.Null(again.Error);
        Assert.Empty(again.Effects.Events);

        _call.Apply(new UpdateParty(_call.Party(2), Muted: false, StandAlone: true));
        var last = _call.Events[^1].Party;
        Assert.Equal((false, true, 8L), (last.Muted, last.StandAlone, _call.Events[^1].Sequence));
    }

    [Fact]
    public void Update_PartyOnHold_KeepsHold()
    {
        _call.ConnectAlice();
        _call.Apply(new HoldParty(_call.Party(2)));
        _call.Apply(new UpdateParty(_call.Party(2), Muted: true, StandAlone: null));
        Assert.Equal((PartyStatus.Hold, true), (_call.Events[^1].Party.Status, _call.Events[^1].Party.Muted));
    }

    [Fact]
    public void Update_RingingParty_InvalidState()
    {
        _call.RingAlice();
        Assert.Contains("is Proceeding", _call.Refused(new UpdateParty(_call.Party(2), Muted: true, StandAlone: null), CallError.InvalidState));
    }

    [Fact]
    public void Remove_AnsweredParty_EndsTheCall()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new RemoveParty(_call.Party(2))).Error);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[6..]);
        Assert.True(_call.State.Ended);
    }

    [Fact]
    public void Remove_CallerWhileItRings_EndsTheCallAndTheCalleeMissedIt()
    {
        _call.RingAlice();
        _call.Apply(new RemoveParty(_call.Party(1)));
        Assert.Equal(["p2 Disconnected missed", "p1 Disconnected"], _call.Trace()[4..]);
    }

    [Fact]
    public void Remove_VoicemailParty_EndsTheCall()
    {
        _call.RingAlice();
        _call.Advance(20);
        _call.Apply(new RemoveParty(_call.Party(2)));
        Assert.Equal(["p2 Disconnected missed", "p1 Disconnected"], _call.Trace()[6..]);
    }

    [Fact]
    public void Remove_Refusals()
    {
        var call = new MachineDriver(new() { [AliceNumber] = Plan(Alice, TestAccount.Ring(30, Device(Alice, AliceDesk), Device(Bob, BobDesk)), End(EndKind.VoiceMail, Alice)) });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        var before = call.State;
        Assert.Equal(CallError.InvalidState, call.Apply(new RemoveParty(call.Party(3))).Error); // Bob rings: reject, not delete
        Assert.Same(before, call.State);
        call.Apply(new AnswerParty(call.Party(2), AliceDesk));
        var d = call.Apply(new RemoveParty(call.Party(3)));
        Assert.Equal((CallError.InvalidState, "Party p-0123456789abcdef0123456789abcdef-3 is Disconnected; it has already left the call."), (d.Error!.Value, d.Message));
    }
}
