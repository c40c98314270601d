using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using static Switchboard.Tests.Telephony.Runtime.EngineHarness;
using static Switchboard.Tests.Telephony.TestAccount;

namespace Switchboard.Tests.Telephony.Runtime;

/// <summary>Conferences: started empty, joined by dialling the token, calls brought in, parties leaving.</summary>
public sealed class ConferenceEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Alice starts a conference and dials in from her desk phone.</summary>
    private async Task<SessionView> AliceHostsAsync()
    {
        var conference = Ok(await _h.Engine.StartConferenceAsync(AccountId, Alice));
        return Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, conference.Conference!.VoiceCallToken));
    }

    /// <summary>An outside caller talks to Alice, who answered on her soft phone.</summary>
    private async Task<SessionView> OutsiderTalksToAliceAsync()
    {
        var call = Ok(await _h.Engine.PlaceInboundAsync(Outsider, AliceNumber));
        Ok(await _h.Engine.AnswerAsync(call.TelephonySessionId, call.Parties[1].Id, AliceSoft));
        return _h.Engine.Find(call.TelephonySessionId)!;
    }

    [Fact]
    public async Task Start_EmptyConferenceWithItsToken_EndsWhenNobodyDialsInWithin38Seconds()
    {
        var conference = Ok(await _h.Engine.StartConferenceAsync(AccountId, Alice));

        Assert.Equal(OriginType.Conference, conference.Origin);
        Assert.Empty(conference.Parties);
        Assert.Equal(Alice, conference.Conference!.HostExtensionId);
        Assert.Equal("conf_" + Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(conference.TelephonySessionId)), conference.Conference.VoiceCallToken);
        Assert.NotNull(_h.Engine.Find(conference.TelephonySessionId));

        await _h.AdvanceAsync(37);
        Assert.NotNull(_h.Engine.Find(conference.TelephonySessionId));
        await _h.AdvanceAsync(1);
        Assert.Null(_h.Engine.Find(conference.TelephonySessionId));
        Assert.Empty(_h.EventsOf(conference.TelephonySessionId));
    }

    [Fact]
    public async Task DialToken_HostJoinsAnswered_ThenOthersAsParticipants_AndTheWaitStops()
    {
        var hosted = await AliceHostsAsync();

        var host = Assert.Single(hosted.Parties);
        Assert.Equal((PartyStatus.Answered, ConferenceRole.Host, CallDirection.Inbound, Alice), (host.Status, host.ConferenceRole, host.Direction, host.ExtensionId));
        Assert.Equal((AliceDesk, "conference"), (host.From.DeviceId, host.To.PhoneNumber));
        Assert.Equal(["p1 Setup", "p1 Answered"], _h.Trace(hosted.TelephonySessionId));

        var joined = Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Bob, BobDesk, hosted.Conference!.VoiceCallToken));
        Assert.Equal((ConferenceRole.Participant, Bob), (joined.Parties[1].ConferenceRole, joined.Parties[1].ExtensionId));
        await _h.AdvanceAsync(60);
        Assert.Equal(2, _h.Engine.Find(hosted.TelephonySessionId)!.Parties.Count);
        Assert.Equal("CallConnected", Assert.Single(_h.Engine.ActiveCalls(Alice)).TelephonyStatus);
    }

    [Fact]
    public async Task DialToken_UnknownOrOfAnotherAccount_IsNotFound()
    {
        Assert.Equal(CallError.NumberNotFound, (await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, "conf_733d6e6f6e65")).Error);
        Assert.Equal(CallError.NumberNotFound, (await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, "conf_zz")).Error);
        // A call's session id made into a token is not a conference.
        var call = await OutsiderTalksToAliceAsync();
        var notConference = Transition.VoiceCallToken(call.TelephonySessionId);
        Assert.Equal(CallError.InvalidState, (await _h.Engine.PlaceFromDeviceAsync(AccountId, Bob, BobDesk, notConference)).Error);
    }

    [Fact]
    public async Task BringIn_TheCallerJoinsTheConference_AndTheCallEndsGone()
    {
        var hosted = await AliceHostsAsync();
        var call = await OutsiderTalksToAliceAsync();

        var after = Ok(await _h.Engine.BringInAsync(hosted.TelephonySessionId, call.TelephonySessionId, call.Parties[1].Id));

        var joined = after.Parties[^1];
        Assert.Equal((PartyStatus.Answered, ConferenceRole.Participant, CallDirection.Inbound), (joined.Status, joined.ConferenceRole, joined.Direction));
        Assert.Equal((Outsider, (long?)null), (joined.From.PhoneNumber, joined.ExtensionId));
        var conferenceRef = new SessionRef(hosted.TelephonySessionId, hosted.SessionId);
        Assert.Equal(["p2 Gone Conference", "p1 Gone Conference"], _h.Trace(call.TelephonySessionId)[^2..]);
        Assert.Null(_h.Engine.Find(call.TelephonySessionId));
        var gone = _h.EventsOf(call.TelephonySessionId)[^2..].Select(e => e.Party).ToArray();
        Assert.Equal((hosted.Parties[0].Id, conferenceRef), (gone[0].PeerId, gone[0].PeerSession)); // Alice's leg: her host party
        Assert.Equal((joined.Id, conferenceRef), (gone[1].PeerId, gone[1].PeerSession)); // the caller: their conference party
        Assert.Equal(["p1 Setup", "p1 Answered", "p2 Setup", "p2 Answered"], _h.Trace(hosted.TelephonySessionId));
        Trace.AssertSequencesFromOne(_h.EventsOf(hosted.TelephonySessionId));
    }

    [Fact]
    public async Task BringIn_Refused_NothingChanges()
    {
        var conference = Ok(await _h.Engine.StartConferenceAsync(AccountId, Alice));
        var call = await OutsiderTalksToAliceAsync();
        var trace = _h.Trace(call.TelephonySessionId);

        // The host has not dialled in yet.
        Assert.Equal(CallError.InvalidState, (await _h.Engine.BringInAsync(conference.TelephonySessionId, call.TelephonySessionId, call.Parties[1].Id)).Error);
        Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Alice, AliceDesk, conference.Conference!.VoiceCallToken));
        // The caller's party is nobody's; the call is the conference itself; a session that is not live.
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BringInAsync(conference.TelephonySessionId, call.TelephonySessionId, call.Parties[0].Id)).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BringInAsync(conference.TelephonySessionId, conference.TelephonySessionId, "p-x-1")).Error);
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BringInAsync(conference.TelephonySessionId, "s-gone", "p-gone-1")).Error);
        // Bob's call cannot go into Alice's conference.
        var bobs = Ok(await _h.Engine.PlaceInboundAsync(Home, BobNumber));
        Ok(await _h.Engine.AnswerAsync(bobs.TelephonySessionId, bobs.Parties[1].Id, BobDesk));
        Assert.Equal(CallError.InvalidTarget, (await _h.Engine.BringInAsync(conference.TelephonySessionId, bobs.TelephonySessionId, bobs.Parties[1].Id)).Error);

        Assert.Equal(trace, _h.Trace(call.TelephonySessionId));
        Assert.Single(_h.Engine.Find(conference.TelephonySessionId)!.Parties);
    }

    [Fact]
    public async Task Leaving_ParticipantLeavesAlone_HostEndsIt_UnlessKeptAlive()
    {
        var hosted = await AliceHostsAsync();
        var token = hosted.Conference!.VoiceCallToken;
        Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Bob, BobDesk, token));
        var full = Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Carol, CarolDesk, token));
        var (alice, bob, carol) = (full.Parties[0].Id, full.Parties[1].Id, full.Parties[2].Id);

        Ok(await _h.Engine.HangUpAsync(hosted.TelephonySessionId, bob));
        Assert.Equal(PartyStatus.Disconnected, _h.Engine.Find(hosted.TelephonySessionId)!.Parties[1].Status);
        Ok(await _h.Engine.RemovePartyAsync(hosted.TelephonySessionId, alice, keepConferenceAlive: true));
        var kept = _h.Engine.Find(hosted.TelephonySessionId)!;
        Assert.Equal([PartyStatus.Disconnected, PartyStatus.Disconnected, PartyStatus.Answered], kept.Parties.Select(p => p.Status));
        // The last one leaving ends it.
        Ok(await _h.Engine.HangUpAsync(hosted.TelephonySessionId, carol));
        Assert.Null(_h.Engine.Find(hosted.TelephonySessionId));

        var second = await AliceHostsAsync();
        Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Bob, BobDesk, second.Conference!.VoiceCallToken));
        Ok(await _h.Engine.RemovePartyAsync(second.TelephonySessionId, second.Parties[0].Id));
        Assert.Equal(["p1 Setup", "p1 Answered", "p2 Setup", "p2 Answered", "p2 Disconnected", "p1 Disconnected"], _h.Trace(second.TelephonySessionId));
        Assert.Null(_h.Engine.Find(second.TelephonySessionId));
    }

    [Fact]
    public async Task ConferenceParties_AreHeldAndMuted_NotMoved()
    {
        var hosted = await AliceHostsAsync();
        var alice = hosted.Parties[0].Id;

        Ok(await _h.Engine.HoldAsync(hosted.TelephonySessionId, alice));
        Ok(await _h.Engine.UnholdAsync(hosted.TelephonySessionId, alice));
        Ok(await _h.Engine.UpdatePartyAsync(hosted.TelephonySessionId, alice, muted: true, standAlone: null));
        Ok(await _h.Engine.StartRecordingAsync(hosted.TelephonySessionId, alice));
        var trace = _h.Trace(hosted.TelephonySessionId);

        Assert.Equal(CallError.InvalidState, (await _h.Engine.TransferAsync(hosted.TelephonySessionId, alice, new MoveTarget(MoveTargetKind.ExtensionNumber, "102"))).Error);
        Assert.Equal(CallError.InvalidState, (await _h.Engine.ParkAsync(hosted.TelephonySessionId, alice)).Error);
        Assert.Equal(CallError.InvalidState, (await _h.Engine.FlipAsync(hosted.TelephonySessionId, alice, 1)).Error);
        Assert.Equal(trace, _h.Trace(hosted.TelephonySessionId));
        Assert.True(_h.Engine.Find(hosted.TelephonySessionId)!.Parties[0].Muted);
    }

    [Fact]
    public async Task Join_TenPartiesAtMost()
    {
        var hosted = await AliceHostsAsync();
        for (var i = 1; i < 10; i++) Ok(await _h.Engine.PlaceFromDeviceAsync(AccountId, Bob, BobDesk, hosted.Conference!.VoiceCallToken));

        var eleventh = await _h.Engine.PlaceFromDeviceAsync(AccountId, Carol, CarolDesk, hosted.Conference!.VoiceCallToken);

        Assert.Equal(CallError.InvalidState, eleventh.Error);
        Assert.Equal(10, _h.Engine.Find(hosted.TelephonySessionId)!.Parties.Count);
    }
}
