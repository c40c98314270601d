using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>A direct call from an outside number to a user's number, decided by the pure state machine.</summary>
public sealed class InboundCallTests
{
    private readonly MachineDriver _call = new();

    private void Ring() => _call.Apply(new StartInbound(Outsider, AliceNumber));

    [Fact]
    public void InboundCall_AnsweredByDevice_EmitsSetupProceedingAnswered()
    {
        Ring();
        _call.Advance(3);
        var d = _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));

        Assert.Null(d.Error);
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered"], _call.Trace());
        Trace.AssertSequencesFromOne(_call.Events);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
        Assert.Empty(_call.PendingTimers); // the ring step's timer is cancelled
    }

    [Fact]
    public void InboundCall_PartiesShowCallerOnAccountPathAndCalleeOnExtension()
    {
        Ring();
        var caller = _call.Events[0].Party;
        Assert.Equal(CallDirection.Outbound, caller.Direction);
        Assert.Null(caller.ExtensionId);
        Assert.Equal(AccountId, caller.AccountId);
        Assert.Equal(Outsider, caller.From.PhoneNumber);
        Assert.Equal(AliceNumber, caller.To.PhoneNumber);
        Assert.Equal(Alice, caller.To.ExtensionId);

        var callee = _call.Events[1].Party;
        Assert.Equal(CallDirection.Inbound, callee.Direction);
        Assert.Equal(Alice, callee.ExtensionId);
        Assert.Equal(Outsider, callee.From.PhoneNumber);
        Assert.Equal(new Switchboard.Telephony.Sessions.CallEndpoint(AliceNumber, "Alice Able", Alice), callee.To);
        Assert.All(_call.Events, e => Assert.Equal("21000000001", e.SessionId));
        Assert.Matches("^s-[0-9a-f]{32}$", _call.State.TelephonySessionId);
        Assert.Matches("^p-[0-9a-f]{32}-2$", callee.Id);
    }

    [Fact]
    public void InboundCall_CalleeHangsUp_CalleeThenCallerDisconnected()
    {
        Ring();
        _call.Apply(new AnswerParty(_call.Party(2), null));
        _call.Apply(new HangUpParty(_call.Party(2)));

        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[^2..]);
        Assert.True(_call.State.Ended);
        Assert.All(_call.Events, e => Assert.False(e.Party.MissedCall));
    }

    [Fact]
    public void InboundCall_CallerHangsUp_CalleeThenCallerDisconnected()
    {
        Ring();
        _call.Apply(new AnswerParty(_call.Party(2), null));
        _call.Apply(new HangUpParty(_call.Party(1)));

        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[^2..]);
        Assert.Equal(8, _call.Events[^1].Sequence);
    }

    [Fact]
    public void InboundCall_CallerHangsUpWhileRinging_CalleeMissedCall()
    {
        Ring();
        _call.Apply(new HangUpParty(_call.Party(1)));

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Disconnected missed", "p1 Disconnected"], _call.Trace());
        Assert.Empty(_call.PendingTimers);
    }

    [Fact]
    public void InboundCall_NobodyAnswers_VoicemailAfterRingStep()
    {
        Ring();
        _call.Advance(19);
        Assert.Equal(4, _call.Events.Count);
        _call.Advance(1);

        Assert.Equal(["p2 VoiceMail missed", "p1 Answered"], _call.Trace()[4..]);
        Assert.Equal(CallPhase.VoiceMail, _call.State.Phase);
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p2 Disconnected missed", "p1 Disconnected"], _call.Trace()[6..]);
    }

    [Fact]
    public void InboundCall_Declined_GoesToVoicemailAtOnce()
    {
        Ring();
        var d = _call.Apply(new DeclineParty(_call.Party(2)));

        Assert.Null(d.Error);
        Assert.Equal(["p2 VoiceMail missed", "p1 Answered"], _call.Trace()[4..]);
    }

    [Fact]
    public void InboundCall_CalleeHangsUpWhileRinging_TreatedAsDecline()
    {
        Ring();
        _call.Apply(new HangUpParty(_call.Party(2)));

        Assert.Equal(CallPhase.VoiceMail, _call.State.Phase);
    }

    [Fact]
    public void Answer_DeviceOfAnotherExtension_InvalidTargetAndStateUnchanged()
    {
        Ring();
        var before = _call.State;
        var d = _call.Apply(new AnswerParty(_call.Party(2), BobDesk));

        Assert.Equal(CallError.InvalidTarget, d.Error);
        Assert.Same(before, _call.State);
        Assert.Empty(d.Effects.Events);
    }

    [Fact]
    public void Answer_Twice_SecondIsInvalidState()
    {
        Ring();
        _call.Apply(new AnswerParty(_call.Party(2), AliceSoft));
        Assert.Equal(CallError.InvalidState, _call.Apply(new AnswerParty(_call.Party(2), AliceSoft)).Error);
        Assert.Equal(CallError.PartyNotFound, _call.Apply(new AnswerParty(_call.Party(9), null)).Error);
    }

    [Fact]
    public void Command_AfterEnd_SessionNotFound_AndStaleTimerIgnored()
    {
        Ring();
        var ringTimer = _call.PendingTimers.Single();
        _call.Apply(new HangUpParty(_call.Party(1)));

        Assert.Equal(CallError.SessionNotFound, _call.Apply(new HangUpParty(_call.Party(1))).Error);
        var stale = _call.Apply(new TimerFired(ringTimer));
        Assert.Null(stale.Error);
        Assert.Empty(stale.Effects.Events);
    }

    [Fact]
    public void Decide_DoesNotChangeTheStateItWasGiven()
    {
        Ring();
        var before = _call.State;
        var parties = before.Parties.ToArray();
        _call.Apply(new AnswerParty(_call.Party(2), null));

        Assert.Equal(parties, before.Parties);
        Assert.Equal(4, before.Sequence);
        Assert.Equal(CallPhase.Ringing, before.Phase);
    }
}
