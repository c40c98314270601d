using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// Conferences through HTTP: Bob starts one, dials its token from his softphone (the simulator's
/// device call), brings in the caller he talks to, and leaves it. Responses are checked against the
/// spec by the host; events come from the simulator's log.
/// </summary>
public sealed class ConferenceApiTests : IDisposable
{
    private const string Start = "/restapi/v1.0/account/~/telephony/conference";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bob starts a conference and dials in; returns its id, token and his host party.</summary>
    private static async Task<(string Id, string Token, string Host)> BobHostsAsync(CallFixture f)
    {
        var session = (await (await f.BobClient.PostJsonAsync(Start, new { })).ExpectJsonAsync(201)).GetProperty("session");
        var (id, token) = (session.GetProperty("id").GetString()!, session.GetProperty("voiceCallToken").GetString()!);
        var joined = await (await f.AliceClient.PostJsonAsync($"{Sim.Base}/device-calls", new { extensionId = Id(Bob), deviceId = "1003", to = token })).ExpectJsonAsync(201);
        return (id, token, joined.GetProperty("parties")[0].GetProperty("id").GetString()!);
    }

    private static async Task<(string Session, string Party)> BobTalksAsync(CallFixture f)
    {
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        return (id, bob);
    }

    [Fact]
    public async Task Start_EmptySessionWithAToken_SeenByItsHost_GoneIfNobodyDialsIn()
    {
        var f = await StartAsync(_host);

        var created = await f.BobClient.PostJsonAsync(Start, new { });
        var session = (await created.ExpectJsonAsync(201)).GetProperty("session");

        var id = session.GetProperty("id").GetString()!;
        Assert.Equal("Conference", session.GetProperty("origin").GetProperty("type").GetString());
        Assert.Equal(0, session.GetProperty("parties").GetArrayLength());
        Assert.StartsWith("conf_", session.GetProperty("voiceCallToken").GetString());
        Assert.EndsWith($"/telephony/sessions/{id}", created.Headers.Location!.ToString());
        var read = await f.BobClient.GetJsonAsync($"{Sim.Sessions}/{id}");
        Assert.Equal(session.GetProperty("voiceCallToken").GetString(), read.GetProperty("voiceCallToken").GetString());
        await f.AliceClient.GetJsonAsync($"{Sim.Sessions}/{id}"); // the administrator sees it too
        await (await (await Sim.DaveAsync(_host)).Client.GetAsync($"/restapi/v1.0/account/~/telephony/sessions/{id}")).ExpectErrorAsync(404, "CMN-102");

        await f.Admin.AdvanceAsync(38);
        await (await f.BobClient.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task BringIn_TheCallerJoinsBobsConference_AndTheCallIsGone()
    {
        var f = await StartAsync(_host);
        var (conference, _, host) = await BobHostsAsync(f);
        var (call, bob) = await BobTalksAsync(f);

        var joined = await (await f.BobClient.PostJsonAsync($"{Sim.Sessions}/{conference}/parties/bring-in", new { sessionId = call, partyId = bob })).ExpectJsonAsync(201);

        Assert.Equal(("Answered", "Participant", "Inbound", Caller), (joined.GetProperty("status").GetProperty("code").GetString(),
            joined.GetProperty("conferenceRole").GetString(), joined.GetProperty("direction").GetString(), joined.GetProperty("from").GetProperty("phoneNumber").GetString()));
        Assert.Equal("conference", joined.GetProperty("to").GetProperty("phoneNumber").GetString());
        var parties = (await f.BobClient.GetJsonAsync($"{Sim.Sessions}/{conference}")).GetProperty("parties");
        Assert.Equal(["Host", "Participant"], parties.EnumerateArray().Select(p => p.GetProperty("conferenceRole").GetString()));
        Assert.Equal(host, parties[0].GetProperty("id").GetString());
        await (await f.BobClient.GetAsync($"{Sim.Sessions}/{call}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal(["p2 Gone Conference", "p1 Gone Conference"], (await f.TraceAsync(call))[^2..]);
        Assert.Equal(["p1 Answered", "p2 Setup", "p2 Answered"], (await f.TraceAsync(conference))[^3..]);
        var events = (await f.AliceClient.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body")).Where(b => b.GetProperty("telephonySessionId").GetString() == call).ToArray();
        var peer = events[^2].GetProperty("parties")[0].GetProperty("status").GetProperty("peerId");
        Assert.Equal((conference, host), (peer.GetProperty("telephonySessionId").GetString(), peer.GetProperty("partyId").GetString()));
    }

    [Fact]
    public async Task BringIn_Refused_BeforeTheHostDialsIn_AndForAnotherUsersCall()
    {
        var f = await StartAsync(_host);
        var session = (await (await f.BobClient.PostJsonAsync(Start, new { })).ExpectJsonAsync(201)).GetProperty("session");
        var (conference, token) = (session.GetProperty("id").GetString()!, session.GetProperty("voiceCallToken").GetString()!);
        var (call, bob) = await BobTalksAsync(f);
        var path = $"{Sim.Sessions}/{conference}/parties/bring-in";

        var early = await (await f.BobClient.PostJsonAsync(path, new { sessionId = call, partyId = bob })).ExpectErrorAsync(403, "TAS-106");
        Assert.Contains("voiceCallToken", early.GetProperty("message").GetString());
        await (await f.AliceClient.PostJsonAsync($"{Sim.Base}/device-calls", new { extensionId = Id(Bob), deviceId = "1003", to = token })).ExpectJsonAsync(201);
        // The caller's party is not Bob's; the conference is not a call to bring in.
        await (await f.BobClient.PostJsonAsync(path, new { sessionId = call, partyId = CallerOf(call) })).ExpectErrorAsync(403, "CMN-402");
        var self = await (await f.BobClient.PostJsonAsync(path, new { sessionId = conference, partyId = $"p-{conference[2..]}-1" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("sessionId", self.GetProperty("parameterName").GetString());

        Assert.Equal("Answered", await f.Admin.StatusOfAsync(call, Bob));
        Assert.Single((await f.BobClient.GetJsonAsync($"{Sim.Sessions}/{conference}")).GetProperty("parties").EnumerateArray());
    }

    [Fact]
    public async Task DeleteParty_HostLeavesKeptAlive_ThenTheSessionIsDropped()
    {
        var f = await StartAsync(_host);
        var (conference, _, host) = await BobHostsAsync(f);
        var (call, bob) = await BobTalksAsync(f);
        var joined = (await (await f.BobClient.PostJsonAsync($"{Sim.Sessions}/{conference}/parties/bring-in", new { sessionId = call, partyId = bob })).ExpectJsonAsync(201))
            .GetProperty("id").GetString()!;

        var wrong = await (await f.BobClient.SendRawAsync(HttpMethod.Delete, Party(conference, host), """{"keepConferenceAlive":"yes"}""")).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("keepConferenceAlive", wrong.GetProperty("parameterName").GetString());
        await (await f.BobClient.PostJsonAsync(Party(conference, host, "transfer"), new { extensionNumber = "101" })).ExpectErrorAsync(409, "TAS-102");
        await (await f.BobClient.PostJsonAsync(Party(conference, host, "hold"), new { })).ExpectJsonAsync(200);
        await (await f.BobClient.PostJsonAsync(Party(conference, host, "unhold"), new { })).ExpectJsonAsync(200);

        await (await f.BobClient.SendRawAsync(HttpMethod.Delete, Party(conference, host), """{"keepConferenceAlive":true}""")).ExpectEmptyAsync(204);

        var parties = (await f.AliceClient.GetJsonAsync($"{Sim.Sessions}/{conference}")).GetProperty("parties");
        Assert.Equal(["Disconnected", "Answered"], parties.EnumerateArray().Select(p => p.GetProperty("status").GetProperty("code").GetString()));
        await (await f.AliceClient.SendRawAsync(HttpMethod.Delete, $"{Sim.Sessions}/{conference}", null)).ExpectEmptyAsync(204);
        await (await f.AliceClient.GetAsync($"{Sim.Sessions}/{conference}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal($"p{joined[(joined.LastIndexOf('-') + 1)..]} Disconnected", (await f.TraceAsync(conference))[^1]);
    }
}
