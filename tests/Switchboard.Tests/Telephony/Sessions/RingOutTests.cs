using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;
using Endpoint = Switchboard.Telephony.Sessions.CallEndpoint;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>RingOut: the user's own phone first, then the number called; events and the ring-out statuses.</summary>
public sealed class RingOutTests
{
    private const CallingStatus InProgress = CallingStatus.InProgress, Success = CallingStatus.Success, Finished = CallingStatus.Finished;
    private readonly MachineDriver _call = new(origin: OriginType.RingOut);

    private RingOutStatus Status => _call.State.ToRingOutView()!.Status;

    [Fact]
    public void RingOut_ToOutsideNumber_UserPhoneFirstThenTheNumberCalled()
    {
        _call.Apply(new StartRingOut(Alice, Mobile, null, Outsider));
        Assert.Equal(["p1 Setup", "p1 Proceeding"], _call.Trace());
        Assert.Equal(new RingOutStatus(InProgress, InProgress, InProgress), Status);
        var initiator = _call.Events[0].Party;
        Assert.Equal((RingOutRole.Initiator, CallDirection.Inbound, (long?)Alice), (initiator.RingOutRole!.Value, initiator.Direction, initiator.ExtensionId));
        Assert.Equal(new Endpoint(Mobile, "Alice Able", Alice), initiator.To);
        Assert.Equal(Outsider, initiator.From.PhoneNumber);
        Assert.All(_call.Events, e => Assert.Equal(OriginType.RingOut, e.Origin));

        _call.Advance(5); // the mobile answers after one ring, then the number called rings
        Assert.Equal(["p1 Answered", "p2 Proceeding"], _call.Trace()[2..]);
        Assert.Equal(new RingOutStatus(InProgress, Success, InProgress), Status);
        var target = _call.Events[3].Party;
        Assert.Equal((RingOutRole.Target, CallDirection.Inbound, (long?)null), (target.RingOutRole!.Value, target.Direction, target.ExtensionId));
        Assert.Equal(new Endpoint(AliceNumber, "Alice Able", Alice), target.From); // the user's caller id, not their mobile
        Assert.Equal(Outsider, target.To.PhoneNumber);

        _call.Advance(5);
        Assert.Equal(["p2 Answered"], _call.Trace()[4..]);
        Assert.Equal(new RingOutStatus(Success, Success, Success), Status);

        _call.Apply(new HangUpParty(_call.Party(2)));
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[5..]);
        Assert.Equal(new RingOutStatus(Success, Finished, Finished), Status);
        Assert.DoesNotContain(_call.Events, e => e.Party.MissedCall);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Theory]
    [InlineData("+15005550200", "p1 Disconnected TargetBusy", CallingStatus.Busy)]
    [InlineData("+15005550400", "p1 Disconnected Rejected", CallingStatus.Rejected)]
    public void RingOut_UserPhoneBusyOrRejects_EndsBeforeTheNumberIsCalled(string from, string last, CallingStatus caller)
    {
        _call.Apply(new StartRingOut(Alice, from, null, Outsider));
        Assert.Equal(["p1 Setup", "p1 Proceeding", last], _call.Trace());
        Assert.True(_call.State.Ended);
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, caller, InProgress), Status);
    }

    [Fact]
    public void RingOut_UserPhoneNeverAnswers_NoAnswerAfterAMinute()
    {
        _call.Apply(new StartRingOut(Alice, "+15005550300", null, Outsider));
        _call.Advance(59);
        Assert.False(_call.State.Ended);
        _call.Advance(1);
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Disconnected"], _call.Trace());
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, CallingStatus.NoAnswer, InProgress), Status);
        Assert.Empty(_call.PendingTimers);
    }

    [Theory]
    [InlineData("+15005550200", "p2 Disconnected TargetBusy", CallingStatus.Busy)]
    [InlineData("+15005550400", "p2 Disconnected Rejected", CallingStatus.Rejected)]
    public void RingOut_NumberCalledBusyOrRejects_UserLegFinished(string to, string dropped, CallingStatus callee)
    {
        _call.Apply(new StartRingOut(Alice, "+15005550100", null, to)); // the user's phone answers at once
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Answered", "p2 Proceeding", dropped, "p1 Disconnected"], _call.Trace());
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, Finished, callee), Status);
    }

    [Fact]
    public void RingOut_NumberCalledNeverAnswers_NoAnswer()
    {
        _call.Apply(new StartRingOut(Alice, Mobile, null, "+15005550300"));
        _call.Advance(5 + 60);
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, Finished, CallingStatus.NoAnswer), Status);
    }

    [Fact]
    public void RingOut_UserHangsUpWhileTheNumberRings_CalleeRejected()
    {
        _call.Apply(new StartRingOut(Alice, Mobile, null, "+15005550300"));
        _call.Advance(5);
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[4..]);
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, Finished, CallingStatus.Rejected), Status);
    }

    [Fact]
    public void RingOut_CancelledWhileTheUserPhoneRings_CallerRejected()
    {
        _call.Apply(new StartRingOut(Alice, "+15005550300", null, Outsider));
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Disconnected Rejected"], _call.Trace());
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, CallingStatus.Rejected, InProgress), Status);
    }

    [Fact]
    public void RingOut_ToExtension_RoutedByItsRulesAndVoicemailCounts()
    {
        _call.Apply(new StartRingOut(Alice, Mobile, null, BobNumber));
        _call.Advance(5);
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Answered", "p2 Setup", "p2 Proceeding"], _call.Trace());
        var bob = _call.Events[3].Party;
        Assert.Equal((Bob, RingOutRole.Target), (bob.ExtensionId!.Value, bob.RingOutRole!.Value));
        Assert.Equal(new Endpoint(BobNumber, "Bob Baker", Bob), _call.Events[0].Party.From);

        _call.Advance(20); // Bob's plan: his desk phone 20 s, then voicemail
        Assert.Equal(["p2 VoiceMail missed"], _call.Trace()[5..]);
        Assert.Equal(new RingOutStatus(Success, Success, Success), Status);
    }

    [Fact]
    public void RingOut_FromDevice_TheSimulatorAnswersIt()
    {
        _call.Apply(new StartRingOut(Alice, AliceNumber, AliceDesk, "102"));
        Assert.Equal(AliceDesk, _call.Events[0].Party.To.DeviceId);
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new AnswerParty(_call.Party(1), AliceSoft)).Error);

        _call.Apply(new AnswerParty(_call.Party(1), AliceDesk));
        _call.Apply(new AnswerParty(_call.Party(2), BobDesk));
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Answered", "p2 Setup", "p2 Proceeding", "p2 Answered"], _call.Trace());
        Assert.Equal(new RingOutStatus(Success, Success, Success), Status);
    }

    [Fact]
    public void RingOut_Refused_NothingStarts()
    {
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new StartRingOut(Ivr, Mobile, null, Outsider)).Error);
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new StartRingOut(Alice, BobNumber, null, Outsider)).Error);
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new StartRingOut(Alice, AliceNumber, BobDesk, Outsider)).Error);
        Assert.Empty(_call.Events);
        Assert.Null(_call.State.RingOut);
    }

    [Fact]
    public void OtherCalls_HaveNoRingOutRole()
    {
        var call = new MachineDriver();
        call.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.All(call.Events, e => Assert.Null(e.Party.RingOutRole));
        Assert.Null(call.State.ToRingOutView());
    }
}
