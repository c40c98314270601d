using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Call Control, continued: recordings, reply, supervision and the two halves of a bridge; refusals change nothing.</summary>
public sealed class CallMediaTests
{
    private static readonly CallEndpoint CarolAtHerDesk = new("103", "Carol Cole", Carol, CarolDesk);
    private static readonly CallEndpoint BobAtHisDesk = new("102", "Bob Baker", Bob, BobDesk);
    private readonly MachineDriver _call = new();

    [Fact]
    public void Recording_StartPauseResume_OneEventEachWithTheRecordings()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new StartRecording(_call.Party(2))).Error);
        var started = Assert.Single(_call.Events.Skip(6)).Party;
        Assert.Equal(PartyStatus.Answered, started.Status);
        Assert.Equal([new PartyRecording("21000000001001", true)], started.Recordings!);

        _call.Apply(new SetRecording(_call.Party(2), "21000000001001", Active: false));
        Assert.Equal([new PartyRecording("21000000001001", false)], _call.Events[^1].Party.Recordings!);
        var again = _call.Apply(new SetRecording(_call.Party(2), "21000000001001", Active: false));
        Assert.Null(again.Error);
        Assert.Empty(again.Effects.Events);
        _call.Apply(new SetRecording(_call.Party(2), "21000000001001", Active: true));
        Assert.Equal(9, _call.Events.Count);
        Assert.True(_call.Events[^1].Party.Recordings![0].Active);

        // The recording stays on the party to the end; the caller's own gets the next id.
        _call.Apply(new HoldParty(_call.Party(1)));
        _call.Apply(new StartRecording(_call.Party(1)));
        Assert.Equal(("p1 Hold", "21000000001002"), (Trace.Short(_call.Events[^1]), _call.Events[^1].Party.Recordings![0].Id));
        _call.Apply(DropCall.Instance);
        Assert.Equal("21000000001001", _call.Events[^2].Party.Recordings![0].Id);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[^2..]);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Recording_Refusals()
    {
        _call.RingAlice();
        Assert.Equal("Party p-0123456789abcdef0123456789abcdef-2 is Proceeding; only a party of a connected call (Answered or Hold) can be recorded.",
            _call.Refused(new StartRecording(_call.Party(2)), CallError.InvalidState));
        _call.Refused(new StartRecording(_call.Party(1)), CallError.InvalidState); // the caller, before the call connects
        _call.Refused(new StartRecording(_call.Party(9)), CallError.PartyNotFound);
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        _call.Apply(new StartRecording(_call.Party(2)));
        Assert.Contains("already recorded (recording 21000000001001)", _call.Refused(new StartRecording(_call.Party(2)), CallError.InvalidState));
        Assert.Contains("is not a recording of party", _call.Refused(new SetRecording(_call.Party(2), "21000000001002", false), CallError.InvalidTarget));
        _call.Refused(new SetRecording(_call.Party(1), "21000000001001", false), CallError.InvalidTarget); // another party's recording
    }

    [Fact]
    public void Recording_CallInVoicemail_InvalidState()
    {
        _call.RingAlice();
        _call.Advance(20);
        Assert.Contains("is VoiceMail", _call.Refused(new StartRecording(_call.Party(2)), CallError.InvalidState));
        Assert.Contains("is Answered", _call.Refused(new StartRecording(_call.Party(1)), CallError.InvalidState)); // answered by voicemail, not connected
    }

    [Fact]
    public void Reply_DirectCall_PartyRepliedThenCallerToVoicemail()
    {
        _call.RingAlice();
        Assert.Null(_call.Apply(new ReplyToCaller(_call.Party(2))).Error);

        Assert.Equal(["p2 Disconnected CallReplied", "p3 Setup", "p3 VoiceMail missed", "p1 Answered"], _call.Trace()[4..]);
        Assert.False(_call.State.Parties[1].MissedCall); // replying is not missing the call
        Assert.Equal(CallPhase.VoiceMail, _call.State.Phase);
        Assert.Empty(_call.PendingTimers); // the ring step's timeout is gone
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Reply_PlanWithoutVoicemail_TheCallEnds()
    {
        var call = new MachineDriver(new() { [AliceNumber] = Plan(Alice, TestAccount.Ring(20, Device(Alice, AliceDesk)), End(EndKind.Disconnect)) });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        call.Apply(new ReplyToCaller(call.Party(2)));

        Assert.Equal(["p2 Disconnected CallReplied", "p1 Disconnected"], call.Trace()[4..]);
        Assert.True(call.State.Ended);
    }

    [Fact]
    public void Reply_CoworkerRungTogether_EveryPhoneStopsAndLaterRingStepsAreSkipped()
    {
        var call = new MachineDriver(new()
        {
            [AliceNumber] = Plan(Alice, TestAccount.Ring(20, Device(Alice, AliceDesk), Device(Bob, BobDesk)), TestAccount.Ring(20, Outside(Mobile, Alice)), End(EndKind.VoiceMail, Alice)),
        });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        call.Apply(new ReplyToCaller(call.Party(3))); // Bob replies

        Assert.Equal(["p3 Disconnected CallReplied", "p2 Disconnected", "p4 Setup", "p4 VoiceMail missed", "p1 Answered"], call.Trace()[6..]);
        Assert.False(call.State.Parties[1].MissedCall);
        Assert.Equal(Alice, call.State.Parties[3].ExtensionId);
    }

    [Fact]
    public void Reply_Refusals()
    {
        _call.RingAlice();
        _call.Refused(new ReplyToCaller(_call.Party(1)), CallError.InvalidState); // the caller is not rung
        _call.Refused(new ReplyToCaller(_call.Party(4)), CallError.PartyNotFound);
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Equal("Party p-0123456789abcdef0123456789abcdef-2 is Answered; only a party ringing for an incoming call can reply.",
            _call.Refused(new ReplyToCaller(_call.Party(2)), CallError.InvalidState));

        var ringOut = new MachineDriver(origin: OriginType.RingOut);
        ringOut.Apply(new StartRingOut(Alice, Mobile, null, Outsider));
        ringOut.Refused(new ReplyToCaller(ringOut.Party(1)), CallError.InvalidState); // the user's own phone

        var forwarded = new MachineDriver(new() { [AliceNumber] = Plan(null, TestAccount.Ring(20, Outside(Home))) }); // an outside phone's own party
        forwarded.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Contains("only a party of an extension can reply", forwarded.Refused(new ReplyToCaller(forwarded.Party(2)), CallError.InvalidState));
    }

    [Fact]
    public void Supervise_Session_SupervisorListensAndLeavesAlone()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new Supervise(CarolAtHerDesk, Alice, null)).Error);

        Assert.Equal(["p3 Setup", "p3 Answered Supervising"], _call.Trace()[6..]);
        var supervisor = _call.State.Parties[2];
        Assert.Equal((CallDirection.Outbound, (long?)Carol, (long?)AccountId), (supervisor.Direction, supervisor.ExtensionId, supervisor.AccountId));
        Assert.Equal(CarolAtHerDesk, supervisor.From);
        Assert.Equal(new CallEndpoint("101", "Alice Able", Alice), supervisor.To);

        // The supervisor hangs up: the call goes on; deleting a supervisor's party does the same.
        _call.Apply(new HangUpParty(_call.Party(3)));
        Assert.Equal(["p3 Disconnected"], _call.Trace()[8..]);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
        _call.Apply(new Supervise(CarolAtHerDesk, Alice, null));
        _call.Apply(new RemoveParty(_call.Party(4)));
        Assert.Equal(["p4 Setup", "p4 Answered Supervising", "p4 Disconnected"], _call.Trace()[9..]);

        // A supervisor listening when the call ends is disconnected with the others, the caller last.
        _call.Apply(new Supervise(CarolAtHerDesk, Alice, null));
        _call.Apply(new HangUpParty(_call.Party(2)));
        Assert.Equal(["p2 Disconnected", "p5 Disconnected", "p1 Disconnected"], _call.Trace()[^3..]);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Supervise_PartyByParty_DualChannelBySameSupervisor()
    {
        _call.ConnectAlice();
        _call.Apply(new Supervise(CarolAtHerDesk, Alice, _call.Party(2)));
        _call.Apply(new Supervise(CarolAtHerDesk, Alice, _call.Party(1)));
        Assert.Equal(["p3 Setup", "p3 Answered Supervising", "p4 Setup", "p4 Answered Supervising"], _call.Trace()[6..]);

        Assert.Equal("Party p-0123456789abcdef0123456789abcdef-2 is already supervised.",
            _call.Refused(new Supervise(CarolAtHerDesk, Alice, _call.Party(2)), CallError.InvalidState));
        _call.Refused(new Supervise(CarolAtHerDesk, Alice, null), CallError.InvalidState);
        Assert.Contains("a supervisor's listening party is not supervised", _call.Refused(new Supervise(CarolAtHerDesk, Alice, _call.Party(3)), CallError.InvalidState));
        Assert.Contains("is not recorded", _call.Refused(new StartRecording(_call.Party(3)), CallError.InvalidState));
        Assert.Contains("is not put on hold", _call.Refused(new HoldParty(_call.Party(3)), CallError.InvalidState));
    }

    [Fact]
    public void Supervise_Refusals()
    {
        _call.RingAlice();
        Assert.Equal("The call is not connected; only a connected call can be supervised.", _call.Refused(new Supervise(CarolAtHerDesk, Alice, null), CallError.InvalidState));
        _call.Refused(new Supervise(CarolAtHerDesk, Alice, _call.Party(2)), CallError.InvalidState);
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));

        Assert.Equal($"Extension {Bob} has no answered party in this call.", _call.Refused(new Supervise(CarolAtHerDesk, Bob, null), CallError.InvalidTarget));
        Assert.Contains("takes part in this call", _call.Refused(new Supervise(new CallEndpoint("101", "Alice Able", Alice, AliceSoft), Alice, null), CallError.InvalidState));
        _call.Refused(new Supervise(CarolAtHerDesk, Alice, _call.Party(7)), CallError.PartyNotFound);

        _call.Apply(new Supervise(CarolAtHerDesk, Alice, null));
        Assert.Equal($"The call is already supervised by extension {Carol}; a call has one supervisor at a time.",
            _call.Refused(new Supervise(BobAtHisDesk, Alice, null), CallError.InvalidState));
        Assert.Equal("The call is already supervised.", _call.Refused(new Supervise(CarolAtHerDesk, Alice, _call.Party(1)), CallError.InvalidState));
    }

    /// <summary>Alice talks to an outside caller (call A) and to Bob (call B, which she placed); she bridges A into B.</summary>
    private static (MachineDriver A, MachineDriver B) TwoCallsOfAlice()
    {
        var a = new MachineDriver();
        a.Apply(new StartInbound(Outsider, AliceNumber));
        a.Apply(new AnswerParty(a.Party(2), AliceDesk));
        var b = new MachineDriver(hex: "fedcba9876543210fedcba9876543210", sessionId: "21000000002");
        b.Apply(new StartFromDevice(Alice, AliceSoft, "102"));
        b.Apply(new AnswerParty(b.Party(2), BobDesk));
        return (a, b);
    }

    private static SessionRef Ref(MachineDriver call) => new(call.State.TelephonySessionId, call.State.SessionId);

    [Fact]
    public void Bridge_CallerOfAJoinsBAndAliceLeavesBoth()
    {
        var (a, b) = TwoCallsOfAlice();
        a.Apply(new HoldParty(a.Party(2))); // the customer waits on hold while Alice briefs Bob
        var caller = Transition.BridgedPeer(a.State, a.Party(2))!;
        Assert.Equal(a.Party(1), caller.Id);

        Assert.Null(b.Apply(new BridgeIn(b.Party(1), Alice, caller)).Error);
        Assert.Equal(["p3 Answered", "p1 Disconnected AttendedTransfer"], b.Trace()[6..]);
        var joined = b.State.Parties[2];
        Assert.Equal((CallDirection.Outbound, (long?)null, (long?)AccountId, Outsider), (joined.Direction, joined.ExtensionId, joined.AccountId, joined.From.PhoneNumber));
        Assert.Equal(CallPhase.Connected, b.State.Phase);

        Assert.Null(a.Apply(new BridgeAway(a.Party(2), Ref(b), b.Party(1), b.Party(3))).Error);
        Assert.Equal(["p2 Gone AttendedTransfer", "p1 Gone AttendedTransfer"], a.Trace()[7..]);
        Assert.True(a.State.Ended);
        var alice = a.State.Parties[1];
        Assert.Equal((b.Party(1), Ref(b)), (alice.PeerId, alice.PeerSession));
        Assert.Equal((b.Party(3), Ref(b)), (a.State.Parties[0].PeerId, a.State.Parties[0].PeerSession));
        Trace.AssertSequencesFromOne(a.Events);
        Trace.AssertSequencesFromOne(b.Events);

        // B is an ordinary call of two sides again: either hanging up ends it.
        b.Apply(new HangUpParty(b.Party(3)));
        Assert.Equal(["p2 Disconnected", "p3 Disconnected"], b.Trace()[8..]);
    }

    [Fact]
    public void Bridge_SupervisorsOfTheCallThatEndsHangUpFirst()
    {
        var (a, b) = TwoCallsOfAlice();
        a.Apply(new Supervise(CarolAtHerDesk, Alice, null));
        b.Apply(new Supervise(CarolAtHerDesk, Alice, b.Party(1))); // Carol listens to Alice alone in B
        b.Apply(new BridgeIn(b.Party(1), Alice, Transition.BridgedPeer(a.State, a.Party(2))!));
        Assert.Equal(["p4 Answered", "p3 Disconnected", "p1 Disconnected AttendedTransfer"], b.Trace()[8..]);
        a.Apply(new BridgeAway(a.Party(2), Ref(b), b.Party(1), b.Party(4)));
        Assert.Equal(["p3 Disconnected", "p2 Gone AttendedTransfer", "p1 Gone AttendedTransfer"], a.Trace()[8..]);
    }

    [Fact]
    public void Bridge_Refusals()
    {
        var (a, b) = TwoCallsOfAlice();
        var caller = a.State.Parties[0];
        Assert.Contains($"is not extension {Bob}'s", b.Refused(new BridgeIn(b.Party(1), Bob, caller), CallError.InvalidTarget));
        Assert.Contains("is not a user's", a.Refused(new BridgeAway(a.Party(1), Ref(b), b.Party(1), "p-x-3"), CallError.InvalidTarget));
        a.Refused(new BridgeAway(a.Party(5), Ref(b), b.Party(1), "p-x-3"), CallError.PartyNotFound);

        var ringing = new MachineDriver();
        ringing.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Equal("Party p-0123456789abcdef0123456789abcdef-2 is Proceeding; only a party of a connected call (Answered or Hold) can be bridged.",
            ringing.Refused(new BridgeIn(ringing.Party(2), Alice, caller), CallError.InvalidState));
        ringing.Refused(new BridgeAway(ringing.Party(2), Ref(b), b.Party(1), "p-x-3"), CallError.InvalidState);
        Assert.Null(Transition.BridgedPeer(ringing.State, ringing.Party(2)));
    }
}
