using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Park an answered call and pick it up on another phone; flip a call to a call flip number. Refusals change nothing.</summary>
public sealed class ParkFlipTests
{
    private readonly MachineDriver _call = new();

    [Fact]
    public void Park_ThePartyIsParkedAtTheOrbit_TheCallerWaits()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new ParkParty(_call.Party(2), "*801")).Error);
        Assert.Equal(["p2 Parked"], _call.Trace()[6..]);
        Assert.Equal((CallPhase.Parked, new ParkInfo("*801"), PartyStatus.Answered),
            (_call.State.Phase, _call.State.Parties[1].Park, _call.State.Parties[0].Status));
        Assert.Contains("is Parked", _call.Refused(new HoldParty(_call.Party(2)), CallError.InvalidState));
    }

    [Fact]
    public void PickUp_ParkedCall_NewPartyAnsweredAndTheParkedOneGone()
    {
        _call.ConnectAlice();
        _call.Apply(new ParkParty(_call.Party(2), "*801"));
        Assert.Null(_call.Apply(new PickUpParty(_call.Party(2), BobDesk, Bob)).Error);

        Assert.Equal(["p3 Answered", "p2 Gone Pickup"], _call.Trace()[7..]);
        var gone = _call.State.Parties[1];
        Assert.Equal(_call.Party(3), gone.PeerId);
        var bob = _call.State.Parties[2];
        Assert.Equal((Bob, CallDirection.Inbound, new CallEndpoint(Outsider), new CallEndpoint(BobNumber, "Bob Baker", Bob, BobDesk)),
            (bob.ExtensionId, bob.Direction, bob.From, bob.To));
        Assert.Equal(CallPhase.Connected, _call.State.Phase);

        // A connected call again: Bob can hold it, and the caller hanging up ends it.
        _call.Apply(new HoldParty(_call.Party(3)));
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p3 Hold", "p3 Disconnected", "p1 Disconnected"], _call.Trace()[9..]);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void PickUp_CallParkedByTheParkLocationsRules_AnyDeviceOfTheAccount()
    {
        var call = new MachineDriver(new() { [AliceNumber] = Plan(ParkLot, End(Switchboard.Telephony.Routing.EndKind.Park, ParkLot)) });
        call.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Parked", "p1 Answered"], call.Trace());

        call.Apply(new PickUpParty(call.Party(2), CarolDesk, null)); // an administrator picks up on Carol's phone
        Assert.Equal(["p3 Answered", "p2 Gone Pickup"], call.Trace()[4..]);
        Assert.Equal(Carol, call.State.Parties[2].ExtensionId);
    }

    [Fact]
    public void Park_CallerHangsUp_EveryoneDisconnected()
    {
        _call.ConnectAlice();
        _call.Apply(new ParkParty(_call.Party(2), "*801"));
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p2 Parked", "p2 Disconnected", "p1 Disconnected"], _call.Trace()[6..]);
    }

    [Fact]
    public void Park_Refusals()
    {
        _call.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Contains("is Proceeding; only an answered call", _call.Refused(new ParkParty(_call.Party(2), "*801"), CallError.InvalidState));
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Contains("not a party of an extension", _call.Refused(new ParkParty(_call.Party(1), "*801"), CallError.InvalidState));

        var outbound = new MachineDriver();
        outbound.Apply(new StartFromDevice(Alice, AliceDesk, "102"));
        outbound.Apply(new AnswerParty(outbound.Party(2), BobDesk));
        var d = outbound.Apply(new ParkParty(outbound.Party(1), "*801"));
        Assert.Equal((CallError.InvalidState, $"Party {outbound.Party(1)} placed this call; users park only their own incoming calls."), (d.Error, d.Message));
        Assert.Null(outbound.Apply(new ParkParty(outbound.Party(2), "*801")).Error); // Bob received it: he may park it
    }

    [Fact]
    public void PickUp_Refusals()
    {
        _call.ConnectAlice();
        Assert.Contains("only a parked call can be picked up", _call.Refused(new PickUpParty(_call.Party(2), BobDesk, Bob), CallError.InvalidState));
        _call.Apply(new ParkParty(_call.Party(2), "*801"));
        Assert.Equal("Device 5101 is not one of the user's devices.", _call.Refused(new PickUpParty(_call.Party(2), AliceDesk, Bob), CallError.InvalidTarget));
        Assert.Equal("Device 999 is not a device of the account.", _call.Refused(new PickUpParty(_call.Party(2), 999, null), CallError.InvalidTarget));
        _call.Refused(new PickUpParty(_call.Party(1), BobDesk, Bob), CallError.InvalidState);
        _call.Apply(new PickUpParty(_call.Party(2), BobDesk, Bob));
        Assert.Contains("is Gone", _call.Refused(new PickUpParty(_call.Party(2), BobDesk, Bob), CallError.InvalidState));
    }

    [Fact]
    public void Flip_ToMobile_CallerHeldUntilTheNumberAnswers()
    {
        _call.ConnectAlice();
        Assert.Null(_call.Apply(new FlipParty(_call.Party(2), 1)).Error);
        Assert.Equal(["p1 Hold", "p2 Disconnected CallFlip", "p3 Setup", "p3 Proceeding"], _call.Trace()[6..]);
        var flip = _call.State.Parties[2];
        Assert.Equal((Alice, new CallEndpoint(Mobile, "Alice Able", Alice), new CallEndpoint(Outsider)), (flip.ExtensionId, flip.To, flip.From));

        _call.Advance(5); // the mobile answers after one ring
        Assert.Equal(["p3 Answered", "p1 Answered"], _call.Trace()[10..]);
        Assert.Equal(CallPhase.Connected, _call.State.Phase);
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void Flip_ToDeskPhoneLine_RingsThatDevice()
    {
        _call.ConnectAlice();
        _call.Apply(new FlipParty(_call.Party(2), 2));
        Assert.Null(_call.Apply(new AnswerOnDevice(_call.Party(3), AliceDesk)).Error);
        Assert.Equal(["p1 Hold", "p2 Disconnected CallFlip", "p3 Setup", "p3 Proceeding", "p3 Answered", "p1 Answered"], _call.Trace()[6..]);
    }

    [Fact]
    public void Flip_NeverAnswered_TheCallEndsAfterAMinute()
    {
        _call.Behaviours.SetNumber(Mobile, new Behaviour(BehaviourKind.NeverAnswer));
        _call.ConnectAlice();
        _call.Apply(new FlipParty(_call.Party(2), 1));
        _call.Advance(59);
        Assert.Equal(10, _call.Events.Count);
        _call.Advance(1);
        Assert.Equal(["p3 Disconnected missed", "p1 Disconnected"], _call.Trace()[10..]);
        Assert.True(_call.State.Ended);
    }

    [Fact]
    public void Flip_ByTheCaller_TheCalleeIsHeld()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, "102"));
        _call.Apply(new AnswerParty(_call.Party(2), BobDesk));
        _call.Apply(new FlipParty(_call.Party(1), 1));
        Assert.Equal(["p2 Hold", "p1 Disconnected CallFlip", "p3 Setup", "p3 Proceeding"], _call.Trace()[6..]);
        Assert.Equal(new CallEndpoint(BobNumber, "Bob Baker", Bob), _call.State.Parties[2].From);
    }

    [Fact]
    public void Flip_Refusals()
    {
        _call.Apply(new StartInbound(Outsider, AliceNumber));
        Assert.Contains("can be flipped", _call.Refused(new FlipParty(_call.Party(2), 1), CallError.InvalidState));
        _call.Apply(new AnswerParty(_call.Party(2), AliceDesk));
        Assert.Equal($"The user of party {_call.Party(2)} has no call flip number 3.", _call.Refused(new FlipParty(_call.Party(2), 3), CallError.TargetNotFound));
        _call.Refused(new FlipParty(_call.Party(1), 1), CallError.InvalidState);

        var bob = new MachineDriver();
        bob.Apply(new StartInbound(Outsider, BobNumber));
        bob.Apply(new AnswerParty(bob.Party(2), BobDesk));
        Assert.Equal(CallError.TargetNotFound, bob.Apply(new FlipParty(bob.Party(2), 1)).Error);
    }
}
