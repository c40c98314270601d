using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// The active-calls lists (Call Log records of the calls in progress) on the engine's live calls: what
/// a record says, the filters and paging, and who may read which list. The host checks every body
/// against the spec's CallLogResponse.
/// </summary>
public sealed class ActiveCallsApiTests : IDisposable
{
    private const long Account = 11111111;
    private const string Mine = "/restapi/v1.0/account/~/extension/~/active-calls";
    private const string Company = "/restapi/v1.0/account/~/active-calls";
    private const string Base = "http://localhost/restapi/v1.0/account/11111111";

    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ListActiveCalls_InboundCallRingingThenAnswered_ListedUntilItEnds()
    {
        var f = await StartAsync(_host);
        var empty = await f.BobClient.GetJsonAsync(Mine);
        Assert.Empty(Sessions(empty));
        Assert.Equal((1, 100, 0, 1), Paging(empty));
        Assert.Equal($"{Base}/extension/{Id(Bob)}/active-calls?page=1&perPage=100", empty.GetProperty("uri").GetString());
        Assert.Empty(Sessions(await f.AliceClient.GetJsonAsync(Company)));

        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        await f.Admin.AdvanceAsync(7);
        var ringing = Assert.Single(Records(await f.BobClient.GetJsonAsync(Mine)));
        Assert.Equal(
            (bob, $"{Base}/extension/{Id(Bob)}/call-log/{bob}", id, bob, "Voice", "Inbound", "Phone Call", "In Progress", "PSTN"),
            (Text(ringing, "id"), Text(ringing, "uri"), Text(ringing, "telephonySessionId"), Text(ringing, "partyId"), Text(ringing, "type"),
             Text(ringing, "direction"), Text(ringing, "action"), Text(ringing, "result"), Text(ringing, "transport")));
        Assert.Matches("^[0-9]+$", Text(ringing, "sessionId"));
        Assert.Equal(("2026-11-24T18:00:00.000Z", 7), (Text(ringing, "startTime"), ringing.GetProperty("duration").GetInt64()));
        Assert.Equal("""{"phoneNumber":"+16505550000"}""", ringing.GetProperty("from").GetRawText());
        Assert.Equal($$"""{"phoneNumber":"{{BobNumber}}","extensionId":"{{Id(Bob)}}","name":"Bob User"}""", ringing.GetProperty("to").GetRawText());
        Assert.False(ringing.TryGetProperty("extension", out _)); // the user's own list

        // The company sees the call from the caller's side, reaching Bob.
        var call = Assert.Single(Records(await f.AliceClient.GetJsonAsync(Company)));
        Assert.Equal(
            (CallerOf(id), $"{Base}/call-log/{CallerOf(id)}", id, "Inbound", "Phone Call", "In Progress", "PSTN", Caller, BobNumber),
            (Text(call, "partyId"), Text(call, "uri"), Text(call, "telephonySessionId"), Text(call, "direction"), Text(call, "action"),
             Text(call, "result"), Text(call, "transport"), Text(call.GetProperty("from"), "phoneNumber"), Text(call.GetProperty("to"), "phoneNumber")));
        Assert.Equal($$"""{"id":{{Id(Bob)}},"uri":"{{Base}}/extension/{{Id(Bob)}}"}""", call.GetProperty("extension").GetRawText());

        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        await f.Admin.AdvanceAsync(60);
        var answered = Assert.Single(Records(await f.AliceClient.GetJsonAsync($"/restapi/v1.0/account/~/extension/{Id(Bob)}/active-calls")));
        Assert.Equal((bob, "In Progress", 67L), (Text(answered, "partyId"), Text(answered, "result"), answered.GetProperty("duration").GetInt64()));
        Assert.Empty(Sessions(await f.AliceClient.GetJsonAsync(Mine))); // Alice is not in Bob's call

        await f.Admin.ActAsync(id, bob, "hangup");
        Assert.Empty(Sessions(await f.BobClient.GetJsonAsync(Mine)));
        Assert.Empty(Sessions(await f.AliceClient.GetJsonAsync(Company)));
    }

    [Fact]
    public async Task ListActiveCalls_FiltersAndPaging_NewestFirst()
    {
        var f = await StartAsync(_host);
        var (inbound, _) = await f.CallAsync(AliceNumber, Alice);
        await f.Admin.AdvanceAsync(1);
        var outside = await DeviceCallAsync(f, "+16505550111");
        var internalCall = await DeviceCallAsync(f, "102"); // placed in the same second: the later one first
        string[] all = [internalCall, outside, inbound];

        var mine = Records(await f.AliceClient.GetJsonAsync(Mine));
        Assert.Equal(all, mine.Select(r => Text(r, "telephonySessionId")));
        Assert.Equal(["Outbound", "Outbound", "Inbound"], mine.Select(r => Text(r, "direction")));
        Assert.Equal(["VoIP", "PSTN", "PSTN"], mine.Select(r => Text(r, "transport")));
        Assert.Equal(["VoIP Call", "VoIP Call", "Phone Call"], mine.Select(r => Text(r, "action")));
        Assert.Equal([0L, 0L, 1L], mine.Select(r => r.GetProperty("duration").GetInt64()));
        Assert.Equal($$"""{"extensionNumber":"102","extensionId":"{{Id(Bob)}}","name":"Bob User"}""", mine[0].GetProperty("to").GetRawText());
        Assert.Equal(("1001", $"{Base}/device/1001"), (Text(mine[0].GetProperty("from").GetProperty("device"), "id"), Text(mine[0].GetProperty("from").GetProperty("device"), "uri")));

        (string Query, string[] Expected)[] cases =
        [
            ("direction=Inbound", [inbound]),
            ("direction=Outbound&direction=Inbound", all),
            ("transport=VoIP", [internalCall]),
            ("transport=PSTN&direction=Outbound", [outside]),
            ("type=Voice", all),
            ("type=Fax", []),
            ("conferenceType=AudioConferencing", []),
            ("conferenceType=Meetings&type=Voice", []),
            ("view=Detailed", all),
            ("view=Simple&perPage=max", all),
        ];
        foreach (var (query, expected) in cases)
        {
            var listed = Sessions(await f.AliceClient.GetJsonAsync($"{Mine}?{query}"));
            Assert.Equal($"{query}: {string.Join(' ', expected)}", $"{query}: {string.Join(' ', listed)}");
        }

        var first = await f.AliceClient.GetJsonAsync($"{Mine}?perPage=2");
        Assert.Equal([internalCall, outside], Sessions(first));
        Assert.Equal((1, 2, 3, 2), Paging(first));
        Assert.False(first.GetProperty("navigation").TryGetProperty("previousPage", out _));
        var second = await f.AliceClient.GetJsonAsync(first.GetProperty("navigation").GetProperty("nextPage").GetProperty("uri").GetString()!);
        Assert.Equal([inbound], Sessions(second));
        Assert.Equal((2, 2, 3, 2), Paging(second));
        Assert.Equal(1000, (await f.AliceClient.GetJsonAsync($"{Mine}?perPage=max")).GetProperty("paging").GetProperty("perPage").GetInt32());
        Assert.Empty(Sessions(await f.AliceClient.GetJsonAsync($"{Mine}?page=3&perPage=2")));
        // The filters stay in the navigation links.
        var outbound = await f.AliceClient.GetJsonAsync($"{Mine}?direction=Outbound&perPage=1");
        var next = outbound.GetProperty("navigation").GetProperty("nextPage").GetProperty("uri").GetString()!;
        Assert.Equal([internalCall], Sessions(outbound));
        Assert.Equal([outside], Sessions(await f.AliceClient.GetJsonAsync(next)));

        // Bob takes part in the internal call only; the company has one record per call.
        var bobs = Assert.Single(Records(await f.BobClient.GetJsonAsync(Mine)));
        Assert.Equal((internalCall, "Inbound", "VoIP", Id(Alice)), (Text(bobs, "telephonySessionId"), Text(bobs, "direction"), Text(bobs, "transport"), Text(bobs.GetProperty("from"), "extensionId")));
        Assert.Equal(all, Sessions(await f.AliceClient.GetJsonAsync(Company)));
        Assert.Equal([inbound], Sessions(await f.AliceClient.GetJsonAsync($"{Company}?direction=Inbound")));
        Assert.Equal([internalCall], Sessions(await f.AliceClient.GetJsonAsync($"{Company}?transport=VoIP")));
        Assert.Equal([outside], Sessions(await f.AliceClient.GetJsonAsync($"{Company}?page=2&perPage=1")));

        // A RingOut is the user's outbound call, from their own phone to the number called.
        var ringOut = (await (await f.AliceClient.PostJsonAsync("/restapi/v1.0/account/~/extension/~/ring-out",
            new { from = new { phoneNumber = "+13475550101" }, to = new { phoneNumber = "+16505550222" } })).ExpectJsonAsync(200)).GetProperty("id").GetString();
        var newest = Records(await f.AliceClient.GetJsonAsync($"{Mine}?perPage=1"))[0];
        Assert.Equal((ringOut, "Outbound", "RingOut Web", "+13475550101", "+16505550222"),
            (Text(newest, "sessionId"), Text(newest, "direction"), Text(newest, "action"), Text(newest.GetProperty("from"), "phoneNumber"), Text(newest.GetProperty("to"), "phoneNumber")));
    }

    [Fact]
    public async Task ListActiveCalls_Conference_IsAnAudioConferenceCallIntoTheBridge()
    {
        var f = await StartAsync(_host);
        var (call, bob) = await f.CallAsync(BobNumber, Bob);
        await (await f.BobClient.PostJsonAsync(Party(call, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        var (other, _) = await f.CallAsync(AliceNumber, Alice);
        // Bob starts a conference, dials in from his softphone and brings in the caller he talks to.
        var started = (await (await f.BobClient.PostJsonAsync("/restapi/v1.0/account/~/telephony/conference", new { })).ExpectJsonAsync(201)).GetProperty("session");
        var conference = Text(started, "id");
        await (await f.AliceClient.PostJsonAsync($"{Sim.Base}/device-calls", new { extensionId = Id(Bob), deviceId = "1003", to = Text(started, "voiceCallToken") })).ExpectJsonAsync(201);
        await (await f.BobClient.PostJsonAsync($"{Sim.Sessions}/{conference}/parties/bring-in", new { sessionId = call, partyId = bob })).ExpectJsonAsync(201);

        var host = Assert.Single(Records(await f.BobClient.GetJsonAsync(Mine))); // the call he brought in is gone
        Assert.Equal((conference, "Outbound", "Conference Call", "VoIP", BobNumber),
            (Text(host, "telephonySessionId"), Text(host, "direction"), Text(host, "action"), Text(host, "transport"), Text(host.GetProperty("from"), "phoneNumber")));
        Assert.Equal("""{"name":"Conference"}""", host.GetProperty("to").GetRawText());
        Assert.Equal([conference], Sessions(await f.BobClient.GetJsonAsync($"{Mine}?conferenceType=AudioConferencing")));
        Assert.Empty(Sessions(await f.BobClient.GetJsonAsync($"{Mine}?conferenceType=Meetings")));

        Assert.Equal([conference, other], Sessions(await f.AliceClient.GetJsonAsync(Company)));
        var company = Assert.Single(Records(await f.AliceClient.GetJsonAsync($"{Company}?conferenceType=AudioConferencing&conferenceType=Meetings")));
        Assert.Equal((conference, Bob), (Text(company, "telephonySessionId"), company.GetProperty("extension").GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ListActiveCalls_OtherUsersAndAccounts_ForbiddenOrNeverShown()
    {
        var f = await StartAsync(_host);
        var (id, _) = await f.CallAsync(AliceNumber, Alice);

        var other = await (await f.BobClient.GetAsync($"/restapi/v1.0/account/~/extension/{Id(Alice)}/active-calls")).ExpectErrorAsync(403, "CMN-419");
        Assert.Equal("ReadCallLog", Text(other, "permissionName"));
        await (await f.BobClient.GetAsync(Company)).ExpectErrorAsync(403, "CMN-408");
        var readOnly = await _host.ClientAsync("RC_USER_JWT", "read-only-app", "read-only-secret");
        Assert.Equal("ReadCallLog", Text(await (await readOnly.GetAsync(Mine)).ExpectErrorAsync(403, "CMN-401"), "permissionName"));
        var unknown = await (await f.AliceClient.GetAsync("/restapi/v1.0/account/~/extension/11119999/active-calls")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("extensionId", Text(unknown, "parameterName"));

        // Dave administers another account: his lists hold his calls only, Acme's are out of his reach.
        var dave = await Sim.DaveAsync(_host);
        var his = (await dave.CallAsync(Caller, "+13125550201")).GetProperty("id").GetString()!;
        Assert.Equal([his], Sessions(await dave.Client.GetJsonAsync(Company)));
        Assert.Equal([his], Sessions(await dave.Client.GetJsonAsync(Mine)));
        Assert.Equal([id], Sessions(await f.AliceClient.GetJsonAsync(Company)));
        Assert.Equal([id], Sessions(await f.AliceClient.GetJsonAsync(Mine)));
        await (await dave.Client.GetAsync($"/restapi/v1.0/account/{Id(Account)}/active-calls")).ExpectErrorAsync(404, "CMN-102");
        await (await dave.Client.GetAsync($"/restapi/v1.0/account/~/extension/{Id(Alice)}/active-calls")).ExpectErrorAsync(404, "CMN-102");
    }

    // One host for all the cases: each costs seconds on a small machine.
    [Fact]
    public async Task ListActiveCalls_BadQuery_400NamingTheParameterAndChangesNothing()
    {
        var f = await StartAsync(_host);
        var (id, _) = await f.CallAsync(AliceNumber, Alice);
        var before = await f.TraceAsync(id);

        (string Query, string Parameter)[] cases =
        [
            ("direction=Sideways", "direction"),
            ("direction=", "direction"),
            ("direction=Inbound&direction=inbound", "direction"),
            ("direction=Inbound,Outbound", "direction"), // the spec's arrays repeat the parameter
            ("view=Full", "view"),
            ("view=simple", "view"),
            ("type=Video", "type"),
            ("transport=ISDN", "transport"),
            ("transport=pstn", "transport"),
            ("conferenceType=Webinar", "conferenceType"),
            ("perPage=0", "perPage"),
            ("perPage=-5", "perPage"),
            ("perPage=MAX", "perPage"),
            ("perPage=ten", "perPage"),
            ("page=0", "page"),
            ("page=two", "page"),
        ];
        foreach (var path in new[] { Mine, Company })
        foreach (var (query, parameter) in cases)
        {
            var error = await (await f.AliceClient.GetAsync($"{path}?{query}")).ExpectErrorAsync(400, "CMN-101");
            Assert.True(parameter == Text(error, "parameterName"), $"{path}?{query}");
        }
        Assert.Equal(before, await f.TraceAsync(id));
        Assert.Equal([id], Sessions(await f.AliceClient.GetJsonAsync(Mine)));
    }

    /// <summary>Alice dials from her desk phone: an outside number or an extension number.</summary>
    private static async Task<string> DeviceCallAsync(CallFixture f, string to) =>
        (await (await f.AliceClient.PostJsonAsync($"{Sim.Base}/device-calls", new { extensionId = Id(Alice), deviceId = "1001", to }))
            .ExpectJsonAsync(201)).GetProperty("id").GetString()!;

    private static JsonElement[] Records(JsonElement list) => [.. list.GetProperty("records").EnumerateArray()];

    private static string[] Sessions(JsonElement list) => [.. Records(list).Select(r => Text(r, "telephonySessionId"))];

    private static (int Page, int PerPage, int TotalElements, int TotalPages) Paging(JsonElement list)
    {
        var p = list.GetProperty("paging");
        return (p.GetProperty("page").GetInt32(), p.GetProperty("perPage").GetInt32(), p.GetProperty("totalElements").GetInt32(), p.GetProperty("totalPages").GetInt32());
    }

    private static string Text(JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
