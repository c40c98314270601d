using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>Park orbits are the account's: the engine gives each park the first free one, "*801" to "*899", at most 50 at once.</summary>
public sealed class ParkEngineTests : IDisposable
{
    // The main number goes straight to the park location 801 (its calls show park id "*801").
    private readonly EngineHarness _h = new(new() { [MainNumber] = Plan(ParkLot, End(EndKind.Park, ParkLot)) });

    public void Dispose() => _h.Dispose();

    private async Task<SessionView> AnsweredAsync(string number, long device)
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, number));
        return Ok(await _h.Engine.AnswerAsync(call.TelephonySessionId, call.Parties[1].Id, device));
    }

    private static string? OrbitOf(SessionView session, int party) => session.Parties[party].Park?.Id;

    [Fact]
    public async Task Park_FirstFreeOrbit_FreedWhenPickedUp()
    {
        var first = await AnsweredAsync(AliceNumber, AliceDesk);
        var second = await AnsweredAsync(BobNumber, BobDesk);

        Assert.Equal("*801", OrbitOf(Ok(await _h.Engine.ParkAsync(first.TelephonySessionId, first.Parties[1].Id)), 1));
        Assert.Equal("*802", OrbitOf(Ok(await _h.Engine.ParkAsync(second.TelephonySessionId, second.Parties[1].Id)), 1));
        Assert.Equal("ParkedCall", Assert.Single(_h.Engine.ActiveCalls(Alice)).TelephonyStatus);

        var picked = Ok(await _h.Engine.PickUpAsync(first.TelephonySessionId, first.Parties[1].Id, CarolDesk, Carol));
        Assert.Empty(_h.Engine.ActiveCalls(Alice));
        Assert.Equal("CallConnected", Assert.Single(_h.Engine.ActiveCalls(Carol)).TelephonyStatus);
        Assert.Equal("*801", OrbitOf(Ok(await _h.Engine.ParkAsync(first.TelephonySessionId, picked.Parties[2].Id)), 2));
        Assert.Equal(["p3 Answered", "p2 Gone Pickup", "p3 Parked"], _h.Trace(first.TelephonySessionId)[7..]);
    }

    [Fact]
    public async Task Park_OrbitTakenByAParkLocation_IsSkipped()
    {
        var atLocation = Ok(await _h.Engine.PlaceInboundAsync(Outsider, MainNumber));
        Assert.Equal("*801", OrbitOf(atLocation, 1));
        var call = await AnsweredAsync(AliceNumber, AliceDesk);

        Assert.Equal("*802", OrbitOf(Ok(await _h.Engine.ParkAsync(call.TelephonySessionId, call.Parties[1].Id)), 1));
    }

    [Fact]
    public async Task Park_FiftyCallsParked_TheNextIsRefused()
    {
        for (var i = 0; i < 50; i++)
        {
            var call = await AnsweredAsync(AliceNumber, AliceDesk);
            Ok(await _h.Engine.ParkAsync(call.TelephonySessionId, call.Parties[1].Id));
        }
        var last = await AnsweredAsync(BobNumber, BobDesk);

        var refused = await _h.Engine.ParkAsync(last.TelephonySessionId, last.Parties[1].Id);
        Assert.Equal((CallError.InvalidState, "50 calls of the account are parked already; pick one up first."), (refused.Error, refused.Message));
        Assert.Equal(PartyStatus.Answered, _h.Engine.Find(last.TelephonySessionId)!.Parties[1].Status);
        Assert.Equal(CallError.SessionNotFound, (await _h.Engine.ParkAsync("s-unknown", "p-unknown-2")).Error);
    }

    [Fact]
    public async Task Park_RefusedByTheSession_NothingParked()
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        Assert.Equal(CallError.InvalidState, (await _h.Engine.ParkAsync(call.TelephonySessionId, call.Parties[1].Id)).Error);
        var other = await AnsweredAsync(BobNumber, BobDesk);
        Assert.Equal("*801", OrbitOf(Ok(await _h.Engine.ParkAsync(other.TelephonySessionId, other.Parties[1].Id)), 1));
    }
}
