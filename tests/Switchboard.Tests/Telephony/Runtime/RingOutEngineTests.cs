using Microsoft.Extensions.Time.Testing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using Switchboard.Tests.Telephony.Sessions;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>RingOuts through the engine: found by id while live and after they end, cancelled, presence.</summary>
public sealed class RingOutEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static RingOutView Ok(CallResult<RingOutView> result)
    {
        Assert.Null(result.Error);
        return result.Value!;
    }

    [Fact]
    public async Task PlaceRingOut_Connected_FoundByIdAndPresenceFollows()
    {
        var ringOut = Ok(await _h.Engine.PlaceRingOutAsync(AccountId, Alice, Mobile, Outsider));
        Assert.Equal((CallingStatus.InProgress, Alice), (ringOut.Status.Call, ringOut.ExtensionId));
        var session = _h.Engine.Find(ringOut.TelephonySessionId)!;
        Assert.Equal((OriginType.RingOut, session.SessionId), (session.Origin, ringOut.Id));
        Assert.Equal("Ringing", Assert.Single(_h.Engine.ActiveCalls(Alice)).TelephonyStatus); // her mobile rings

        await _h.AdvanceAsync(5); // the mobile answers after one ring; the number called rings
        await _h.AdvanceAsync(5);
        Assert.Equal(new RingOutStatus(CallingStatus.Success, CallingStatus.Success, CallingStatus.Success), _h.Engine.FindRingOut(ringOut.Id)!.Status);
        Assert.Equal("CallConnected", Assert.Single(_h.Engine.ActiveCalls(Alice)).TelephonyStatus);
        Assert.Equal(["p1 Setup", "p1 Proceeding", "p1 Answered", "p2 Proceeding", "p2 Answered"], _h.Trace(ringOut.TelephonySessionId));
    }

    [Fact]
    public async Task PlaceRingOut_UserPhoneBusy_EndedAtOnceAndStillFound()
    {
        var ringOut = Ok(await _h.Engine.PlaceRingOutAsync(AccountId, Alice, "+15005550200", Outsider));
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, CallingStatus.Busy, CallingStatus.InProgress), ringOut.Status);
        Assert.Null(_h.Engine.Find(ringOut.TelephonySessionId));
        Assert.Equal(ringOut, _h.Engine.FindRingOut(ringOut.Id));
    }

    [Fact]
    public async Task CancelRingOut_WhileTheNumberCalledRings_EveryPartyDisconnected()
    {
        var ringOut = Ok(await _h.Engine.PlaceRingOutAsync(AccountId, Alice, Mobile, "+15005550300"));
        await _h.AdvanceAsync(5);

        var cancelled = Ok(await _h.Engine.CancelRingOutAsync(ringOut.Id));
        Assert.Equal(new RingOutStatus(CallingStatus.CannotReach, CallingStatus.Finished, CallingStatus.Rejected), cancelled.Status);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], _h.Trace(ringOut.TelephonySessionId)[4..]);
        Assert.Empty(_h.Engine.ActiveCalls(Alice));
        // Cancelling again changes nothing and answers how it ended.
        Assert.Equal(cancelled, Ok(await _h.Engine.CancelRingOutAsync(ringOut.Id)));
        Assert.Equal(CallError.SessionNotFound, (await _h.Engine.CancelRingOutAsync("999")).Error);
    }

    [Fact]
    public async Task PlaceRingOut_Refused_NothingIsKept()
    {
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.PlaceRingOutAsync(AccountId, Alice, BobNumber, Outsider)).Error);
        Assert.Equal(CallError.NumberNotFound, (await _h.Engine.PlaceRingOutAsync(999, Alice, Mobile, Outsider)).Error);
        Assert.Empty(_h.Engine.Live());
        Assert.Null(_h.Engine.FindRingOut("21000000001"));
    }

    [Fact]
    public async Task EndedRingOuts_BoundedOldestForgottenFirst()
    {
        var engine = new CallEngine(new TestDirectory(Build()), new FakeTimeProvider(MachineDriver.Start), Routes(), endedRingOuts: 2);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(Ok(await engine.PlaceRingOutAsync(AccountId, Alice, "+15005550200", Outsider)).Id);
        Assert.Null(engine.FindRingOut(ids[0]));
        Assert.NotNull(engine.FindRingOut(ids[1]));
        Assert.NotNull(engine.FindRingOut(ids[2]));
    }
}
