using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// Recordings, reply, supervise, bridge and bring-in refusals through HTTP (conferences: ConferenceApiTests): each allowed call answers as the
/// spec says (the host checks every response against it), changes the session and shows in the
/// telephony-session events; a refused one changes nothing.
/// </summary>
public sealed class CallMediaApiTests : IDisposable
{
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>An outside caller rings Bob, who answers on his softphone.</summary>
    private static async Task<(string Session, string Party)> BobTalksAsync(CallFixture f)
    {
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        return (id, bob);
    }

    /// <summary>The session's events as the simulator logs them, in sequence order.</summary>
    private static async Task<JsonElement[]> EventPartiesAsync(CallFixture f, string session) =>
        [.. (await f.AliceClient.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body"))
            .Where(b => b.GetProperty("telephonySessionId").GetString() == session)
            .OrderBy(b => b.GetProperty("sequence").GetInt64())
            .Select(b => b.GetProperty("parties")[0])];

    [Fact]
    public async Task Recording_StartPauseResume_PartyAndEventsCarryIt()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        await (await f.BobClient.PostAsync(Party(id, bob, "recordings"), null)).ExpectErrorAsync(409, "TAS-102"); // still ringing
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);

        // As ringcentral-call-control sends it: Content-Type application/json and no body.
        var started = await (await f.BobClient.SendRawAsync(HttpMethod.Post, Party(id, bob, "recordings"), "")).ExpectJsonAsync(201);
        var recording = started.GetProperty("id").GetString()!;
        Assert.True(started.GetProperty("active").GetBoolean());
        var party = await f.BobClient.GetJsonAsync(Party(id, bob));
        Assert.Equal((recording, true), (party.GetProperty("recordings")[0].GetProperty("id").GetString(), party.GetProperty("recordings")[0].GetProperty("active").GetBoolean()));
        await (await f.BobClient.PostAsync(Party(id, bob, "recordings"), null)).ExpectErrorAsync(409, "TAS-102"); // one recording per party

        var paused = await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob, $"recordings/{recording}"), """{"active":false}""")).ExpectJsonAsync(200);
        Assert.Equal((recording, false), (paused.GetProperty("id").GetString(), paused.GetProperty("active").GetBoolean()));
        await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob, $"recordings/{recording}"), """{"active":true}""")).ExpectJsonAsync(200);

        var events = await EventPartiesAsync(f, id);
        Assert.Equal([true, false, true], events[^3..].Select(p => p.GetProperty("recordings")[0].GetProperty("active").GetBoolean()));
        Assert.All(events[^3..], p => Assert.Equal(("Answered", recording), (p.GetProperty("status").GetProperty("code").GetString(), p.GetProperty("recordings")[0].GetProperty("id").GetString())));
        Assert.False(events[0].TryGetProperty("recordings", out _)); // left out until the first recording
        Assert.False((await f.Admin.SessionAsync(id)).GetProperty("parties")[0].TryGetProperty("recordings", out _));

        // Refusals name what is wrong and change nothing.
        var count = events.Length;
        var unknown = await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob, "recordings/123"), """{"active":false}""")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("recordingId", unknown.GetProperty("parameterName").GetString());
        foreach (var body in new[] { null, "{}", """{"active":"no"}""" })
        {
            var error = await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob, $"recordings/{recording}"), body)).ExpectErrorAsync(400, "CMN-101");
            Assert.Equal("active", error.GetProperty("parameterName").GetString());
        }
        await (await f.BobClient.PostAsync(Party(id, CallerOf(id), "recordings"), null)).ExpectErrorAsync(403, "CMN-402"); // the caller is not Bob's
        Assert.Equal(count, (await EventPartiesAsync(f, id)).Length);
    }

    [Fact]
    public async Task Reply_RingingParty_CallerGoesToVoicemail()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        var before = await f.TraceAsync(id);

        (string Body, string Parameter)[] bad =
        [
            ("{}", "replyWithText"),
            ("""{"replyWithText":""}""", "replyWithText"),
            ("""{"replyWithText":5}""", "replyWithText"),
            ("""{"replyWithText":"Busy","replyWithPattern":{"pattern":"OnMyWay"}}""", "replyWithPattern"),
            ("""{"replyWithPattern":{"pattern":"Later"}}""", "replyWithPattern.pattern"),
            ("""{"replyWithPattern":{}}""", "replyWithPattern.pattern"),
            ("""{"replyWithPattern":{"pattern":"WillCallYouBack","timeUnit":"Minute"}}""", "replyWithPattern.time"),
            ("""{"replyWithPattern":{"pattern":"CallMeBack","time":0,"timeUnit":"Minute"}}""", "replyWithPattern.time"),
            ("""{"replyWithPattern":{"pattern":"CallMeBack","time":5,"timeUnit":"Week"}}""", "replyWithPattern.timeUnit"),
        ];
        foreach (var (body, parameter) in bad)
        {
            var error = await (await f.BobClient.SendRawAsync(HttpMethod.Post, Party(id, bob, "reply"), body)).ExpectErrorAsync(400, "CMN-101");
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        await (await f.AliceClient.PostJsonAsync(Party(id, CallerOf(id), "reply"), new { replyWithText = "Busy" })).ExpectErrorAsync(409, "TAS-102"); // the caller is not rung
        Assert.Equal(before, await f.TraceAsync(id));

        var replied = await (await f.BobClient.PostJsonAsync(Party(id, bob, "reply"),
            new { replyWithPattern = new { pattern = "WillCallYouBack", time = 5, timeUnit = "Minute" } })).ExpectJsonAsync(200);
        Assert.Equal((bob, "Disconnected", "CallReplied", Id(Bob)), (replied.GetProperty("id").GetString(), replied.GetProperty("status").GetProperty("code").GetString(),
            replied.GetProperty("status").GetProperty("reason").GetString(), replied.GetProperty("owner").GetProperty("extensionId").GetString()));
        Assert.Equal(["p2 Disconnected CallReplied", "p3 Setup", "p3 VoiceMail", "p1 Answered"], (await f.TraceAsync(id))[4..]);
        Assert.Equal("VoiceMail", await f.Admin.StatusOfAsync(id, Bob));
        Assert.Equal("NoCall", await f.TelephonyStatusAsync(f.BobClient));
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "reply"), new { replyWithText = "Again" })).ExpectErrorAsync(409, "TAS-102");
    }

    [Fact]
    public async Task Supervise_AdministratorListensOnTheirDevice_SessionThenParty()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await BobTalksAsync(f);
        var before = await f.TraceAsync(id);

        (string Body, int Status, string Code, string Parameter)[] bad =
        [
            ("""{"supervisorDeviceId":"1001","agentExtensionNumber":"102"}""", 400, "CMN-101", "mode"),
            ("""{"mode":"Barge","supervisorDeviceId":"1001","agentExtensionNumber":"102"}""", 400, "CMN-101", "mode"),
            ("""{"mode":"Listen","agentExtensionNumber":"102"}""", 400, "CMN-101", "supervisorDeviceId"),
            ("""{"mode":"Listen","supervisorDeviceId":"1001"}""", 400, "CMN-101", "agentExtensionNumber"),
            ("""{"mode":"Listen","supervisorDeviceId":"1001","agentExtensionNumber":"102","agentExtensionId":"11111102"}""", 400, "CMN-101", "agentExtensionId"),
            ("""{"mode":"Listen","supervisorDeviceId":"1001","agentExtensionNumber":"102","mediaSDP":"both"}""", 400, "CMN-101", "mediaSDP"),
            ("""{"mode":"Listen","supervisorDeviceId":"1001","agentExtensionNumber":"102","autoAnswer":"yes"}""", 400, "CMN-101", "autoAnswer"),
            ("""{"mode":"Listen","supervisorDeviceId":"9999","agentExtensionNumber":"102"}""", 400, "CMN-102", "supervisorDeviceId"),
            ("""{"mode":"Listen","supervisorDeviceId":"5001","agentExtensionNumber":"102"}""", 400, "CMN-102", "supervisorDeviceId"), // another account's device
            ("""{"mode":"Listen","supervisorDeviceId":"1003","agentExtensionNumber":"102"}""", 400, "CMN-101", "supervisorDeviceId"), // Bob's own device
            ("""{"mode":"Listen","supervisorDeviceId":"1001","agentExtensionNumber":"999"}""", 400, "CMN-102", "agentExtensionNumber"),
            ("""{"mode":"Listen","supervisorDeviceId":"1003","agentExtensionNumber":"101"}""", 400, "CMN-101", "agentExtensionNumber"), // Alice is not in the call
        ];
        foreach (var (body, status, code, parameter) in bad)
        {
            var error = await (await f.AliceClient.SendRawAsync(HttpMethod.Post, $"{Sim.Sessions}/{id}/supervise", body)).ExpectErrorAsync(status, code);
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        // A user, even one in the call, does not supervise; a call of someone else's is not found.
        await (await f.BobClient.PostJsonAsync($"{Sim.Sessions}/{id}/supervise", new { mode = "Listen", supervisorDeviceId = "1003", agentExtensionNumber = "102" }))
            .ExpectErrorAsync(403, "CMN-402");
        await (await f.AliceClient.PostJsonAsync($"{Sim.Sessions}/s-unknown/supervise", new { mode = "Listen", supervisorDeviceId = "1001", agentExtensionNumber = "102" }))
            .ExpectErrorAsync(404, "CMN-102");
        Assert.Equal(before, await f.TraceAsync(id));

        // The guide's and ringcentral-call-control's names: deviceId and extensionNumber.
        var listening = await (await f.AliceClient.PostJsonAsync($"{Sim.Sessions}/{id}/supervise", new { mode = "Listen", deviceId = "1001", extensionNumber = "102" })).ExpectJsonAsync(201);
        var supervisor = listening.GetProperty("id").GetString()!;
        Assert.Equal(("Outbound", "Answered", "Supervising", Id(Alice)), (listening.GetProperty("direction").GetString(), listening.GetProperty("status").GetProperty("code").GetString(),
            listening.GetProperty("status").GetProperty("reason").GetString(), listening.GetProperty("extensionId").GetString()));
        Assert.Equal(("1001", "101", "102", Id(Bob)), (listening.GetProperty("from").GetProperty("deviceId").GetString(), listening.GetProperty("from").GetProperty("phoneNumber").GetString(),
            listening.GetProperty("to").GetProperty("phoneNumber").GetString(), listening.GetProperty("to").GetProperty("extensionId").GetString()));
        Assert.Equal(["p3 Setup", "p3 Answered Supervising"], (await f.TraceAsync(id))[6..]);
        Assert.Equal("CallConnected", await f.TelephonyStatusAsync(f.AliceClient));
        await (await f.AliceClient.PostJsonAsync($"{Sim.Sessions}/{id}/supervise", new { mode = "Listen", supervisorDeviceId = "1002", agentExtensionNumber = "102" }))
            .ExpectErrorAsync(409, "TAS-102"); // one supervisor at a time

        // The supervisor leaves alone; then listens to Bob's party only.
        await (await f.AliceClient.DeleteAsync(Party(id, supervisor))).ExpectEmptyAsync(204);
        Assert.Equal("Answered", await f.Admin.StatusOfAsync(id, Bob));
        await (await f.AliceClient.PostJsonAsync(Party(id, bob, "supervise"), new { mode = "Listen", supervisorDeviceId = "1002" })).ExpectErrorAsync(400, "CMN-101");
        await (await f.AliceClient.PostJsonAsync(Party(id, "p-unknown-9", "supervise"), new { mode = "Listen", supervisorDeviceId = "1002", agentExtensionId = "11111102" }))
            .ExpectErrorAsync(404, "CMN-102");
        var party = await (await f.AliceClient.PostJsonAsync(Party(id, bob, "supervise"),
            new { mode = "Listen", supervisorDeviceId = 1002, agentExtensionId = "11111102", autoAnswer = true, mediaSDP = "sendOnly" })).ExpectJsonAsync(201);
        Assert.Equal("1002", party.GetProperty("from").GetProperty("deviceId").GetString());
        Assert.Equal(["p3 Disconnected", "p4 Setup", "p4 Answered Supervising"], (await f.TraceAsync(id))[8..]);

        // Bob hangs up: everyone leaves, the caller last.
        await (await f.BobClient.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectEmptyAsync(204);
        Assert.Equal(["p2 Disconnected", "p4 Disconnected", "p1 Disconnected"], (await f.TraceAsync(id))[^3..]);
    }

    [Fact]
    public async Task Bridge_BobConnectsHisCallerWithAlice_AndLeavesBothCalls()
    {
        var f = await StartAsync(_host);
        var (a, bobA) = await BobTalksAsync(f);
        // Bob calls Alice from his softphone; she answers.
        var b = (await (await f.AliceClient.PostJsonAsync($"{Sim.Base}/device-calls", new { extensionId = Id(Bob), deviceId = "1003", to = "101" })).ExpectJsonAsync(201))
            .GetProperty("id").GetString()!;
        var bobB = CallerOf(b);
        await (await f.AliceClient.PostJsonAsync(Party(b, await f.Admin.PartyOfAsync(b, Alice), "answer"), new { deviceId = "1001" })).ExpectJsonAsync(200);
        var (traceA, traceB) = (await f.TraceAsync(a), await f.TraceAsync(b));

        (object Body, int Status, string Code, string Parameter)[] bad =
        [
            (new { partyId = bobB }, 400, "CMN-101", "telephonySessionId"),
            (new { telephonySessionId = b }, 400, "CMN-101", "partyId"),
            (new { telephonySessionId = a, partyId = bobA }, 400, "CMN-101", "telephonySessionId"),
            (new { telephonySessionId = "s-unknown", partyId = bobB }, 400, "CMN-102", "telephonySessionId"),
            (new { telephonySessionId = b, partyId = "p-unknown-1" }, 400, "CMN-102", "partyId"),
            (new { telephonySessionId = b, partyId = await f.Admin.PartyOfAsync(b, Alice) }, 403, "CMN-402", "partyId"), // Alice's party is not Bob's
        ];
        foreach (var (body, status, code, parameter) in bad)
        {
            var error = await (await f.BobClient.PostJsonAsync(Party(a, bobA, "bridge"), body)).ExpectErrorAsync(status, code);
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        // An administrator may bridge anyone's calls, but only two of the same user.
        var mixed = await (await f.AliceClient.PostJsonAsync(Party(a, bobA, "bridge"), new { telephonySessionId = b, partyId = await f.Admin.PartyOfAsync(b, Alice) }))
            .ExpectErrorAsync(400, "CMN-101");
        Assert.Contains("a user bridges two calls of their own", mixed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(traceA, await f.TraceAsync(a));
        Assert.Equal(traceB, await f.TraceAsync(b));

        var gone = await (await f.BobClient.PostJsonAsync(Party(a, bobA, "bridge"), new { telephonySessionId = b, partyId = bobB })).ExpectJsonAsync(200);
        var goneStatus = gone.GetProperty("status");
        Assert.Equal((bobA, "Gone", "AttendedTransfer"), (gone.GetProperty("id").GetString(), goneStatus.GetProperty("code").GetString(), goneStatus.GetProperty("reason").GetString()));
        Assert.Equal((b, bobB), (goneStatus.GetProperty("peerId").GetProperty("telephonySessionId").GetString(), goneStatus.GetProperty("peerId").GetProperty("partyId").GetString()));

        Assert.Equal(["p2 Gone AttendedTransfer", "p1 Gone AttendedTransfer"], (await f.TraceAsync(a))[^2..]);
        Assert.Equal(["p3 Answered", "p1 Disconnected AttendedTransfer"], (await f.TraceAsync(b))[^2..]);
        await (await f.AliceClient.GetAsync($"{Sim.Sessions}/{a}")).ExpectErrorAsync(404, "CMN-102");
        var joined = (await f.Admin.SessionAsync(b)).GetProperty("parties");
        Assert.Equal(["Disconnected", "Answered", "Answered"], joined.EnumerateArray().Select(p => p.GetProperty("status").GetProperty("code").GetString()));
        Assert.Equal(Caller, joined[2].GetProperty("from").GetProperty("phoneNumber").GetString());
        Assert.Equal("NoCall", await f.TelephonyStatusAsync(f.BobClient));
        Assert.Equal("CallConnected", await f.TelephonyStatusAsync(f.AliceClient));
    }

    [Fact]
    public async Task BringIn_IsForConferences_ACallIsRefused()
    {
        var f = await StartAsync(_host);
        var (a, bobA) = await BobTalksAsync(f);
        var (b, _) = await f.CallAsync(BobNumber, Bob);
        var path = $"{Sim.Sessions}/{b}/parties/bring-in";

        (string? Body, int Status, string Code, string? Parameter)[] cases =
        [
            (null, 400, "CMN-101", "sessionId"),
            ($$"""{"partyId":"{{bobA}}"}""", 400, "CMN-101", "sessionId"),
            ($$"""{"sessionId":"{{a}}"}""", 400, "CMN-101", "partyId"),
            ($$"""{"sessionId":"s-unknown","partyId":"{{bobA}}"}""", 400, "CMN-102", "sessionId"),
            ($$"""{"sessionId":"{{a}}","partyId":"p-unknown-2"}""", 400, "CMN-102", "partyId"),
            ($$"""{"sessionId":"{{a}}","partyId":"{{CallerOf(a)}}"}""", 403, "CMN-402", "partyId"),
            ($$"""{"sessionId":"{{a}}","partyId":"{{bobA}}"}""", 403, "TAS-106", null),
            ($$"""{"telephonySessionId":"{{a}}","partyId":"{{bobA}}"}""", 403, "TAS-106", null), // the conference guide's spelling
        ];
        foreach (var (body, status, code, parameter) in cases)
        {
            var error = await (await f.BobClient.SendRawAsync(HttpMethod.Post, path, body)).ExpectErrorAsync(status, code);
            if (parameter is not null) Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        var refused = await (await f.AliceClient.PostJsonAsync(path, new { sessionId = a, partyId = bobA })).ExpectErrorAsync(403, "TAS-106");
        Assert.Equal($"Operation is not allowed. Bring-in is supported for sessions of the Conference origin only; session {b} is a Call session.", refused.GetProperty("message").GetString());
        await (await f.BobClient.PostJsonAsync($"{Sim.Sessions}/s-unknown/parties/bring-in", new { sessionId = a, partyId = bobA })).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("Answered", await f.Admin.StatusOfAsync(a, Bob));
        Assert.Equal("Proceeding", await f.Admin.StatusOfAsync(b, Bob));
    }
}
