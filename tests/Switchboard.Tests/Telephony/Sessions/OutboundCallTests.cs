using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Calls placed from a user's device, to an outside number and to another extension.</summary>
public sealed class OutboundCallTests
{
    private readonly MachineDriver _call = new();

    [Fact]
    public void OutboundCall_ToOutsideNumber_FollowsTheOutboundCapture()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, Outsider));
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding"], _call.Trace());
        var caller = _call.Events[0].Party;
        Assert.Equal(CallDirection.Outbound, caller.Direction);
        Assert.Equal(Alice, caller.ExtensionId);
        Assert.Equal(new Switchboard.Telephony.Sessions.CallEndpoint(AliceNumber, "Alice Able", Alice, AliceDesk), caller.From);
        Assert.Equal(Outsider, caller.To.PhoneNumber);
        var far = _call.Events[1].Party;
        Assert.Equal((CallDirection.Inbound, (long?)null, (long?)AccountId), (far.Direction, far.ExtensionId, far.AccountId));
        Assert.Null(far.From.DeviceId);

        _call.Advance(5);
        _call.Apply(new HangUpParty(_call.Party(1)));
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered", "p2 Disconnected", "p1 Disconnected"], _call.Trace());
        Trace.AssertSequencesFromOne(_call.Events);
    }

    [Fact]
    public void OutboundCall_ToExtension_RoutedToTheCallee()
    {
        _call.Apply(new StartFromDevice(Alice, AliceSoft, "102"));
        _call.Apply(new AnswerParty(_call.Party(2), BobDesk));

        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered"], _call.Trace());
        Assert.Equal(new Switchboard.Telephony.Sessions.CallEndpoint("102", "Bob Baker", Bob), _call.Events[0].Party.To);
        var callee = _call.Events[1].Party;
        Assert.Equal(Bob, callee.ExtensionId);
        Assert.Equal(new Switchboard.Telephony.Sessions.CallEndpoint(AliceNumber, "Alice Able", Alice), callee.From);
    }

    [Fact]
    public void OutboundCall_DeviceNeverTakesItsLeg_StaysInSetupUntilAnswered()
    {
        _call.Behaviours.SetDevice(AliceDesk, new Behaviour(BehaviourKind.NeverAnswer));
        _call.Apply(new StartFromDevice(Alice, AliceDesk, Outsider));
        Assert.Equal(["p1 Setup"], _call.Trace());
        Assert.Equal(CallPhase.DeviceSetup, _call.State.Phase);

        _call.Apply(new AnswerParty(_call.Party(1), AliceDesk));
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding"], _call.Trace());
    }

    [Fact]
    public void OutboundCall_UnknownDevice_InvalidTarget()
    {
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new StartFromDevice(Alice, BobDesk, Outsider)).Error);
        Assert.Equal(CallError.InvalidTarget, _call.Apply(new StartFromDevice(999, null, Outsider)).Error);
        Assert.Empty(_call.Events);
    }
}
