using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>Bridging through the engine: two sessions, two writers; a refusal on either side changes neither.</summary>
public sealed class BridgeEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>An outside caller talks to Alice (A); Alice has called Bob, who answered (B).</summary>
    private async Task<(SessionView A, SessionView B)> TwoCallsOfAliceAsync()
    {
        var a = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        Ok(await _h.Engine.AnswerAsync(a.TelephonySessionId, a.Parties[1].Id, AliceDesk));
        var b = Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceSoft, "102"));
        Ok(await _h.Engine.AnswerAsync(b.TelephonySessionId, b.Parties[1].Id, BobDesk));
        return (_h.Engine.Find(a.TelephonySessionId)!, _h.Engine.Find(b.TelephonySessionId)!);
    }

    [Fact]
    public async Task Bridge_CallerAndBobTalkAliceIsOutOfBoth()
    {
        var (a, b) = await TwoCallsOfAliceAsync();
        var ended = Ok(await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[1].Id, b.TelephonySessionId, b.Parties[0].Id));

        var alice = ended.Parties[1];
        Assert.Equal((PartyStatus.Gone, "AttendedTransfer", b.Parties[0].Id), (alice.Status, alice.Reason, alice.PeerId));
        Assert.Equal(new SessionRef(b.TelephonySessionId, b.SessionId), alice.PeerSession);
        Assert.Equal(["p2 Gone AttendedTransfer", "p1 Gone AttendedTransfer"], _h.Trace(a.TelephonySessionId)[6..]);
        Assert.Equal(["p3 Answered", "p1 Disconnected AttendedTransfer"], _h.Trace(b.TelephonySessionId)[6..]);
        Assert.Null(_h.Engine.Find(a.TelephonySessionId));

        var after = _h.Engine.Find(b.TelephonySessionId)!;
        Assert.Equal(ended.Parties[0].PeerId, after.Parties[2].Id);
        Assert.Equal(Outsider, after.Parties[2].From.PhoneNumber);
        Assert.Empty(_h.Engine.ActiveCalls(Alice));
        Assert.Equal("CallConnected", Assert.Single(_h.Engine.ActiveCalls(Bob)).TelephonyStatus);
        Trace.AssertSequencesFromOne(_h.EventsOf(b.TelephonySessionId));
    }

    [Fact]
    public async Task Bridge_Refused_NeitherCallChanges()
    {
        var (a, b) = await TwoCallsOfAliceAsync();
        var (traceA, traceB) = (_h.Trace(a.TelephonySessionId), _h.Trace(b.TelephonySessionId));

        // Bob's party is not Alice's; the caller's party is nobody's; a call with itself; a call that is not live.
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[1].Id, b.TelephonySessionId, b.Parties[1].Id)).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[0].Id, b.TelephonySessionId, b.Parties[0].Id)).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[1].Id, a.TelephonySessionId, a.Parties[1].Id)).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[1].Id, "s-gone", "p-gone-1")).Error);
        Assert.Equal(CallError.SessionNotFound, (await _h.Engine.BridgeAsync("s-gone", "p-gone-1", b.TelephonySessionId, b.Parties[0].Id)).Error);

        // A third call of Alice's that still rings cannot be bridged either way.
        var c = Ok(await _h.Engine.PlaceInboundAsync(Home, AliceNumber));
        Assert.Equal(CallError.InvalidState, (await _h.Engine.BridgeAsync(a.TelephonySessionId, a.Parties[1].Id, c.TelephonySessionId, c.Parties[1].Id)).Error);
        Assert.Equal(CallError.InvalidState, (await _h.Engine.BridgeAsync(c.TelephonySessionId, c.Parties[1].Id, b.TelephonySessionId, b.Parties[0].Id)).Error);

        Assert.Equal(traceA, _h.Trace(a.TelephonySessionId));
        Assert.Equal(traceB, _h.Trace(b.TelephonySessionId));
        Assert.Equal(2, _h.Engine.ActiveCalls(Alice).Count(call => call.TelephonyStatus == "CallConnected"));
    }
}
