using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>Scripted phones: the reserved test numbers and per-number overrides.</summary>
public sealed class BehaviourTests
{
    private readonly MachineDriver _call = new();

    [Theory]
    [InlineData("+15005550107", BehaviourKind.AnswerAfter, 7)]
    [InlineData("+15005550100", BehaviourKind.AnswerAfter, 0)]
    [InlineData("+15005550200", BehaviourKind.Busy, 0)]
    [InlineData("+15005550300", BehaviourKind.NeverAnswer, 0)]
    [InlineData("+15005550400", BehaviourKind.Reject, 0)]
    [InlineData("+14155550123", BehaviourKind.AnswerAfter, 5)]
    public void OfNumber_MagicNumbersAndDefault(string number, BehaviourKind kind, int seconds) =>
        Assert.Equal(new Behaviour(kind, TimeSpan.FromSeconds(seconds)), new CallBehaviours().OfNumber(number));

    [Fact]
    public void Devices_NeverAnswerARingButTakeTheirOwnLeg_UnlessOverridden()
    {
        var b = new CallBehaviours();
        Assert.Equal(BehaviourKind.NeverAnswer, b.OfDeviceRing(AliceDesk).Kind);
        Assert.Equal(new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.Zero), b.OfDeviceOutbound(AliceDesk));
        b.SetDevice(AliceDesk, new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(2), b.OfDeviceRing(AliceDesk).After);
        b.SetDevice(AliceDesk, null);
        Assert.Equal(BehaviourKind.NeverAnswer, b.OfDeviceRing(AliceDesk).Kind);
    }

    [Fact]
    public void OutboundCall_AnswerAfterMagicNumber_AnsweredAfterNSeconds()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, "+15005550112"));
        _call.Advance(11);
        Assert.Equal(3, _call.Events.Count);
        _call.Advance(1);
        Assert.Equal(["p2 Answered", "p1 Answered"], _call.Trace()[3..]);
    }

    [Fact]
    public void OutboundCall_BusyNumber_FarEndBusyThenCallerDisconnected()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, "+15005550200"));
        Assert.Equal(["p1 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Disconnected TargetBusy", "p1 Disconnected"], _call.Trace());
        Assert.True(_call.State.Ended);
    }

    [Fact]
    public void OutboundCall_RejectingNumber_Rejected()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, "+15005550400"));
        Assert.Equal("p2 Disconnected Rejected", _call.Trace()[3]);
    }

    [Fact]
    public void OutboundCall_NeverAnswers_PlatformGivesUpAfterAMinute()
    {
        _call.Apply(new StartFromDevice(Alice, AliceDesk, "+15005550300"));
        _call.Advance(59);
        Assert.False(_call.State.Ended);
        _call.Advance(1);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _call.Trace()[3..]);
    }

    [Fact]
    public void ForwardingNumberBusy_NextStepAtOnce()
    {
        var call = new MachineDriver(new() { [AliceNumber] = Plan(Alice, Ring(20, Outside("+15005550200", Alice)), Ring(20, Device(Alice, AliceDesk)), End(EndKind.VoiceMail, Alice)) });
        call.Apply(new StartInbound(Outsider, AliceNumber));

        Assert.Equal(1, call.State.Step); // the busy number dropped out; the desk phone rings
        Assert.Equal(["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding"], call.Trace());
        call.Advance(20);
        Assert.Equal("p2 VoiceMail missed", call.Trace()[4]);
    }

    [Fact]
    public void DeviceScriptedToAnswer_AnswersTheRing()
    {
        _call.Behaviours.SetDevice(AliceSoft, new Behaviour(BehaviourKind.AnswerAfter, TimeSpan.FromSeconds(8)));
        _call.Apply(new StartInbound(Outsider, AliceNumber));
        _call.Advance(8);
        Assert.Equal(["p2 Answered", "p1 Answered"], _call.Trace()[4..]);
    }

    [Fact]
    public void OverriddenNumber_BehavesAsSet()
    {
        _call.Behaviours.SetNumber(Outsider, new Behaviour(BehaviourKind.Busy));
        _call.Apply(new StartFromDevice(Alice, AliceDesk, Outsider));
        Assert.Equal("p2 Disconnected TargetBusy", _call.Trace()[3]);
    }
}
