using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Forward a ringing call, transfer an answered one: the events, who the call runs for afterwards, and refusals that change nothing.</summary>
public sealed class ForwardTransferTests
{
    private readonly MachineDriver _call = new();

    private static MoveTarget Number(string number) => new(MoveTargetKind.PhoneNumber, number);
    private static MoveTarget Extension(string number) => new(MoveTargetKind.ExtensionNumber, number);
    private static MoveTarget Mailbox(long id) => new(MoveTargetKind.Voicemail, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static MoveTarget Orbit(long id) => new(MoveTargetKind.ParkOrbit, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Forward_ToOutsideNumber_PartyLeavesAndTheNumberRingsForTheCaller()
    {
        _call.RingAlice();
        Assert.Null(_call.Apply(new ForwardParty(_call.Party(2), Number(Mobile))).Error);
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Proceeding"], _call.Trace()[4..]);
        var far = _call.State.Parties[2];
        Assert.Equal((null, Mobile, Outsider), (far.ExtensionId, far.To.PhoneNumber, far.From.PhoneNumber));
        Assert.False(_call.State.Parties[1].MissedCall); // forwarded, not missed

        _call.Advance(5); // an outside number answers after one ring
        Assert.Equal(["p3 Answered", "p1 Answered"], _call.Trace()[6..]);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Forward_ToExtension_RoutedByItsRules()
    {
        _call.RingAlice();
        _call.Apply(new ForwardParty(_call.Party(2), Extension("102")));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding"], _call.Trace()[4..]);
        Assert.Equal(new CallEndpoint(BobNumber, "Bob Baker", Bob), _call.State.Parties[2].To);

        _call.Advance(20); // Bob's plan: 20 s, then his voicemail
        Assert.Equal(["p3 VoiceMail missed", "p1 Answered"], _call.Trace()[7..]);
    }

    [Fact]
    public void Forward_MainNumberStarExtension_ReachesTheExtension()
    {
        _call.RingAlice();
        _call.Apply(new ForwardParty(_call.Party(2), Number(MainNumber + "*103")));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding"], _call.Trace()[4..]);
        Assert.Equal(Carol, _call.State.Parties[2].ExtensionId);
    }

    [Fact]
    public void Forward_ToVoicemail_StraightToTheMailbox()
    {
        _call.RingAlice();
        _call.Apply(new ForwardParty(_call.Party(2), Mailbox(Alice)));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 VoiceMail missed", "p1 Answered"], _call.Trace()[4..]);
        Assert.Equal(CallPhase.VoiceMail, _call.State.Phase);
        Assert.Empty(_call.PendingTimers);
    }

    [Fact]
    public void Forward_OneOfTwoRingingParties_TheOtherStopsRinging()
    {
        var call = new MachineDriver(new() { [AliceNumber] = Plan(Alice, Ring(20, Device(Alice, AliceDesk), Device(Bob, BobDesk)), End(EndKind.VoiceMail, Alice)) });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p3 Setup", "p3 Proceeding"], call.Trace());

        call.Apply(new ForwardParty(call.Party(3), Extension("103")));
        Assert.Equal(["p3 Disconnected BlindTransfer", "p2 Disconnected CallRedirected missed", "p4 Setup", "p4 Proceeding"], call.Trace()[6..]);
    }

    [Fact]
    public void Forward_Refusals()
    {
        _call.RingAlice();
        _call.Refused(new ForwardParty(_call.Party(9), Number(Mobile)), CallError.PartyNotFound);
        Assert.Contains("only a ringing party can be forwarded", _call.Refused(new ForwardParty(_call.Party(1), Number(Mobile)), CallError.InvalidState));
        Assert.Contains("only an answered call is parked", _call.Refused(new ForwardParty(_call.Party(2), Orbit(ParkLot)), CallError.InvalidTarget));
        Assert.Equal("There is no extension number 999 in the account.", _call.Refused(new ForwardParty(_call.Party(2), Extension("999")), CallError.TargetNotFound));
        _call.Refused(new ForwardParty(_call.Party(2), new MoveTarget(MoveTargetKind.ExtensionId, "77")), CallError.TargetNotFound);
        Assert.Contains("has no voicemail", _call.Refused(new ForwardParty(_call.Party(2), Mailbox(Ivr)), CallError.InvalidTarget));
        _call.Refused(new ForwardParty(_call.Party(2), Mailbox(4242)), CallError.TargetNotFound);
        Assert.Contains("is not the company's main number", _call.Refused(new ForwardParty(_call.Party(2), Number(BobNumber + "*103")), CallError.InvalidTarget));
        _call.Refused(new ForwardParty(_call.Party(2), Number(MainNumber + "*999")), CallError.TargetNotFound);

        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Contains("is Answered; only a ringing party", _call.Refused(new ForwardParty(_call.Party(2), Number(Mobile)), CallError.InvalidState));
    }

    [Fact]
    public void Forward_MenuParty_IsNotRinging()
    {
        _call.Apply(new StartInbound(Outsider, MainNumber));
        _call.Refused(new ForwardParty(_call.Party(2), Number(Mobile)), CallError.InvalidState);
    }

    [Fact]
    public void Transfer_ToExtension_PartyLeavesAndTheCallerHearsTheTargetRing()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new TransferParty(_call.Party(2), Extension("102"))).Error);
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding"], _call.Trace()[6..]);
        Assert.Equal(PartyStatus.Answered, _call.State.Parties[0].Status);
        Assert.Equal(new CallEndpoint(Outsider), _call.State.Parties[2].From);

        _call.Apply(new AnswerParty(_call.Party(3), BobDesk));
        Assert.Equal(["p3 Answered"], _call.Trace()[9..]); // the caller is still Answered: no event
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p3 Disconnected", "p1 Disconnected"], _call.Trace()[10..]);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Transfer_ToOutsideNumber_AnswersAfterARing()
    {
        _call.ConnectAlice();
        _call.Apply(new HoldParty(_call.Party(2))); // a held call can be transferred too
        _call.Apply(new TransferParty(_call.Party(2), Number(Home)));
        _call.Advance(5);
        Assert.Equal(["p2 Hold", "p2 Disconnected BlindTransfer", "p3 Proceeding", "p3 Answered"], _call.Trace()[6..]);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
    }

    [Fact]
    public void Transfer_ToVoicemail_TheCallerLeavesAMessage()
    {
        _call.ConnectAlice();
        _call.Apply(new TransferParty(_call.Party(2), Mailbox(Bob)));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 VoiceMail missed"], _call.Trace()[6..]);
        Assert.Equal(CallPhase.VoiceMail, _call.State.Phase);
    }

    [Fact]
    public void Transfer_ToParkOrbit_TheParkLocationHoldsTheCall()
    {
        _call.ConnectAlice();
        _call.Apply(new TransferParty(_call.Party(2), Orbit(ParkLot)));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Parked"], _call.Trace()[6..]);
        Assert.Equal((CallPhase.Parked, new ParkInfo("*801")), (_call.State.Phase, _call.State.Parties[2].Park));
    }

    [Fact]
    public void Transfer_ByTheUserWhoPlacedTheCall_TheFarEndIsConnectedToTheTarget()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, Outsider));
        _call.Advance(5);
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered"], _call.Trace());

        _call.Apply(new TransferParty(_call.Party(1), Extension("102")));
        Assert.Equal(["p1 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding"], _call.Trace()[5..]);
        Assert.Equal((1, new CallEndpoint(Outsider)), (_call.State.CallerIndex, _call.State.Parties[2].From));

        _call.Apply(new AnswerParty(_call.Party(3), BobDesk));
        _call.Apply(new HangUpParty(_call.Party(3)));
        // The outside phone is the caller now: disconnected last.
        Assert.Equal(["p3 Answered", "p3 Disconnected", "p2 Disconnected"], _call.Trace()[8..]);
        Assert.True(_call.State.Ended);
    }

    [Fact]
    public void Transfer_TargetNeverAnswers_VoicemailByTheTargetsPlan()
    {
        _call.ConnectAlice();
        _call.Apply(new TransferParty(_call.Party(2), Number(BobNumber))); // a number of the account: routed by Bob's rules
        _call.Advance(20);
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding", "p3 VoiceMail missed"], _call.Trace()[6..]);
    }

    [Fact]
    public void Transfer_RingOutThatConnected_StaysASuccess()
    {
        var call = new MachineDriver(origin: OriginType.RingOut);
        call.Apply(new StartRingOut(Alice, Mobile, null, Outsider));
        call.Advance(10); // Alice's mobile answers, then the number called
        Assert.Equal(CallPhase.Connected, call.State.Phase);

        call.Apply(new TransferParty(call.Party(1), Extension("102")));
        Assert.Equal(new RingOutStatus(CallingStatus.Success, CallingStatus.Success, CallingStatus.Success), call.State.ToRingOutView()!.Status);
        call.Apply(new HangUpParty(call.Party(2)));
        Assert.Equal(new RingOutStatus(CallingStatus.Success, CallingStatus.Finished, CallingStatus.Finished), call.State.ToRingOutView()!.Status);
    }

    [Fact]
    public void Transfer_Refusals()
    {
        _call.RingAlice();
        Assert.Contains("is Proceeding; only an answered call (Answered or Hold) can be transferred", _call.Refused(new TransferParty(_call.Party(2), Extension("102")), CallError.InvalidState));
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Contains("not a party of an extension", _call.Refused(new TransferParty(_call.Party(1), Extension("102")), CallError.InvalidState));
        _call.Refused(new TransferParty(_call.Party(2), Extension("999")), CallError.TargetNotFound);
        Assert.Equal("There is no park location 102000.", _call.Refused(new TransferParty(_call.Party(2), Orbit(Bob)), CallError.TargetNotFound));
        _call.Refused(new TransferParty(_call.Party(3), Extension("102")), CallError.PartyNotFound);
    }

    [Fact]
    public void Transfer_InVoicemail_IsRefused()
    {
        _call.RingAlice();
        _call.Advance(20);
        _call.Refused(new TransferParty(_call.Party(2), Extension("102")), CallError.InvalidState);
    }

    [Fact]
    public void Transfer_DisabledOrRefusingTarget_InvalidTarget()
    {
        var call = new MachineDriver(new() { ["103"] = new RoutingPlan(Carol, "refused", [], ["Carol is disabled."]) });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        call.Apply(new AnswerParty(call.Party(2), AliceDesk));
        var d = call.Apply(new TransferParty(call.Party(2), Extension("103")));
        Assert.Equal((CallError.InvalidTarget, "Extension 103 takes no calls: Carol is disabled."), (d.Error, d.Message));
    }
}
