using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>A call to the main number: the IVR menu answers, the caller chooses an extension (PLATFORM.md 2.9).</summary>
public sealed class IvrTests
{
    private readonly MachineDriver _call = new();

    [Fact]
    public void IvrCall_DigitsChooseExtension_FollowsTheCapturedSequence()
    {
        _call.Apply(new StartInbound(Outsider, MainNumber));
        Assert.Equal(["p1 Setup", "p2 Setup", "p1 Answered"], _call.Trace());
        Assert.Equal(Ivr, _call.Events[1].Party.ExtensionId);
        Assert.Equal("IVR Menu 1001", _call.Events[1].Party.To.Name);

        _call.Advance(4);
        _call.Apply(new SendDigits(_call.Party(1), "102"));
        _call.Apply(new AnswerParty(_call.Party(3), BobDesk));
        _call.Apply(new HangUpParty(_call.Party(3)));

        Assert.Equal(
            ["p1 Setup", "p2 Setup", "p1 Answered", "p2 Disconnected CallerInputRedirect", "p3 Setup", "p3 Proceeding", "p3 Answered", "p3 Disconnected", "p1 Disconnected"],
            _call.Trace());
        Trace.AssertSequencesFromOne(_call.Events);
        Assert.Equal(Bob, _call.Events[4].Party.ExtensionId);
    }

    [Fact]
    public void IvrCall_NoChoice_TimeoutGoesToNextStep()
    {
        _call.Apply(new StartInbound(Outsider, MainNumber));
        _call.Advance(10);

        // The menu's next step forwards to Alice, who rings.
        Assert.Equal(["p2 Disconnected Timeout", "p3 Setup", "p3 Proceeding"], _call.Trace()[3..]);
        Assert.Equal(Alice, _call.Events[^1].Party.ExtensionId);
    }

    [Fact]
    public void IvrCall_UnknownDigits_MenuKeepsWaiting()
    {
        _call.Apply(new StartInbound(Outsider, MainNumber));
        var d = _call.Apply(new SendDigits(_call.Party(1), "999"));

        Assert.Null(d.Error);
        Assert.Empty(d.Effects.Events);
        Assert.Equal(CallPhase.Menu, _call.State.Phase);
    }

    [Fact]
    public void IvrCall_DigitsFromTheMenuParty_InvalidState()
    {
        _call.Apply(new StartInbound(Outsider, MainNumber));
        Assert.Equal(CallError.InvalidState, _call.Apply(new SendDigits(_call.Party(2), "102")).Error);
    }
}
