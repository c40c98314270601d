using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// Forward, transfer, park, pickup and flip through HTTP: each allowed call answers as the spec says
/// (the test host checks every body), moves the call, and shows in the telephony-session events; a
/// refused one changes nothing.
/// </summary>
public sealed class CallMoveApiTests : IDisposable
{
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string Status(JsonElement party) => party.GetProperty("status").GetProperty("code").GetString()!;

    private static string? Reason(JsonElement party) =>
        party.GetProperty("status").TryGetProperty("reason", out var r) ? r.GetString() : null;

    [Fact]
    public async Task Forward_RingingCall_GoesToTheTargetAndBadTargetsChangeNothing()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        var before = await f.TraceAsync(id);

        (string? Body, int Status, string Code, string Parameter)[] refusals =
        [
            (null, 400, "CMN-101", "phoneNumber"),
            ("""{"to":"101"}""", 400, "CMN-101", "phoneNumber"),
            ("""{"phoneNumber":"2125550101"}""", 400, "CMN-101", "phoneNumber"), // not E.164
            ("""{"phoneNumber":"+12125550101","extensionNumber":"101"}""", 400, "CMN-101", "extensionNumber"),
            ("""{"extensionNumber":"999"}""", 400, "CMN-102", "extensionNumber"),
            ("""{"voicemail":"11111300"}""", 400, "CMN-101", "voicemail"), // an IVR menu has no mailbox
            ("""{"voicemail":"11111103"}""", 400, "CMN-101", "voicemail"), // Carol is disabled
            ("""{"phoneNumber":"+12125550102*101"}""", 400, "CMN-101", "phoneNumber"), // not the main number
            ("""{"parkOrbit":"11111300"}""", 400, "CMN-101", "phoneNumber"), // not a forward target: ignored, so none is given
        ];
        foreach (var (body, status, code, parameter) in refusals)
        {
            var error = await (await f.BobClient.SendRawAsync(HttpMethod.Post, Party(id, bob, "forward"), body)).ExpectErrorAsync(status, code);
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        await (await f.BobClient.PostJsonAsync(Party(id, CallerOf(id), "forward"), new { extensionNumber = "101" })).ExpectErrorAsync(403, "CMN-402");
        Assert.Equal(before, await f.TraceAsync(id));

        // The company's main number, '*' and Alice's extension number.
        var forwarded = await (await f.BobClient.PostJsonAsync(Party(id, bob, "forward"), new { phoneNumber = "+12125550100*101" })).ExpectJsonAsync(200);
        Assert.Equal((bob, "Disconnected", "BlindTransfer"), (forwarded.GetProperty("id").GetString(), Status(forwarded), Reason(forwarded)));
        Assert.False(forwarded.TryGetProperty("extensionId", out _)); // ForwardCallPartyResponse has the owner only
        Assert.Equal(Id(Bob), forwarded.GetProperty("owner").GetProperty("extensionId").GetString());
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding"], (await f.TraceAsync(id))[4..]);
        Assert.Equal("Proceeding", await f.Admin.StatusOfAsync(id, Alice));
        Assert.Equal("NoCall", await f.TelephonyStatusAsync(f.BobClient));

        await (await f.BobClient.PostJsonAsync(Party(id, bob, "forward"), new { extensionNumber = "101" })).ExpectErrorAsync(409, "TAS-102");
        // Alice sends it on to her own voicemail.
        var alice = await f.Admin.PartyOfAsync(id, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "forward"), new { voicemail = Id(Alice) })).ExpectJsonAsync(200);
        Assert.Equal(["p3 Disconnected BlindTransfer", "p4 Setup", "p4 VoiceMail", "p1 Answered"], (await f.TraceAsync(id))[7..]);
    }

    [Fact]
    public async Task Transfer_AnsweredCall_TheCallerRingsTheTarget()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "transfer"), new { extensionNumber = "102" })).ExpectErrorAsync(409, "TAS-102"); // still ringing
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1001" })).ExpectJsonAsync(200);
        var answered = await f.TraceAsync(id);

        await (await f.AliceClient.PostJsonAsync(Party(id, CallerOf(id), "transfer"), new { extensionNumber = "102" })).ExpectErrorAsync(409, "TAS-102"); // the outside caller is no user's
        var noOrbit = await (await f.AliceClient.PostJsonAsync(Party(id, alice, "transfer"), new { parkOrbit = "11111102" })).ExpectErrorAsync(400, "CMN-102");
        Assert.Equal(("parkOrbit", "There is no park location 11111102."), (noOrbit.GetProperty("parameterName").GetString(), noOrbit.GetProperty("message").GetString()));
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "transfer"), new { extensionId = "42" })).ExpectErrorAsync(400, "CMN-102");
        Assert.Equal(answered, await f.TraceAsync(id));

        var transferred = await (await f.AliceClient.PostJsonAsync(Party(id, alice, "transfer"), new { phoneNumber = BobNumber })).ExpectJsonAsync(200);
        Assert.Equal(("Disconnected", "BlindTransfer", Id(Alice)), (Status(transferred), Reason(transferred), transferred.GetProperty("extensionId").GetString()));
        Assert.Equal("Ringing", await f.TelephonyStatusAsync(f.BobClient));
        var bob = await f.Admin.PartyOfAsync(id, Bob);
        var bobParty = await f.BobClient.GetJsonAsync(Party(id, bob));
        Assert.Equal(Caller, bobParty.GetProperty("from").GetProperty("phoneNumber").GetString());

        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Proceeding", "p3 Answered"], (await f.TraceAsync(id))[6..]);
        var session = await f.BobClient.GetJsonAsync($"{Sim.Sessions}/{id}");
        Assert.Equal(["Answered", "Disconnected", "Answered"], session.GetProperty("parties").EnumerateArray().Select(Status));
        Assert.Equal("CallConnected", await f.TelephonyStatusAsync(f.BobClient));
    }

    [Fact]
    public async Task ParkAndPickup_AnyUserPicksUpOnTheirOwnPhone()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        await (await f.AliceClient.PostAsync(Party(id, alice, "park"), null)).ExpectErrorAsync(409, "TAS-102"); // ringing
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1002" })).ExpectJsonAsync(200);

        // As ringcentral-call-control sends it: Content-Type application/json and no body.
        var response = await f.AliceClient.SendRawAsync(HttpMethod.Post, Party(id, alice, "park"), "");
        Assert.EndsWith($"/telephony/sessions/{id}/parties/{alice}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        var parked = await response.ExpectJsonAsync(201);
        Assert.Equal(("Parked", "*801"), (Status(parked), parked.GetProperty("park").GetProperty("id").GetString()));
        Assert.Equal("ParkedCall", await f.TelephonyStatusAsync(f.AliceClient));
        var parkedEvent = (await f.AliceClient.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body").GetProperty("parties")[0])
            .Single(p => p.GetProperty("id").GetString() == alice && Status(p) == "Parked");
        Assert.Equal("*801", parkedEvent.GetProperty("park").GetProperty("id").GetString());
        await (await f.AliceClient.PostAsync(Party(id, alice, "hold"), null)).ExpectErrorAsync(409, "TAS-102");

        // Bob is not in the call: he cannot read it, but he can pick the parked party up, on his own phone only.
        await (await f.BobClient.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        await (await f.BobClient.PostJsonAsync(Party(id, CallerOf(id), "pickup"), new { deviceId = "1003" })).ExpectErrorAsync(404, "CMN-102");
        var notHis = await (await f.BobClient.PostJsonAsync(Party(id, alice, "pickup"), new { deviceId = "1001" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deviceId", notHis.GetProperty("parameterName").GetString());
        await (await f.BobClient.PostJsonAsync(Party(id, alice, "pickup"), new { })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(7, (await f.TraceAsync(id)).Length);

        var picked = await (await f.BobClient.PostJsonAsync(Party(id, alice, "pickup"), new { deviceId = "1003" })).ExpectJsonAsync(201);
        Assert.Equal(("Answered", Id(Bob), "1003"), (Status(picked), picked.GetProperty("extensionId").GetString(), picked.GetProperty("to").GetProperty("deviceId").GetString()));
        Assert.Equal(["p2 Parked", "p3 Answered", "p2 Gone Pickup"], (await f.TraceAsync(id))[6..]);
        var gone = await f.BobClient.GetJsonAsync(Party(id, alice));
        Assert.Equal(("Gone", picked.GetProperty("id").GetString()), (Status(gone), gone.GetProperty("status").GetProperty("peerId").GetProperty("partyId").GetString()));
        Assert.Equal(("CallConnected", "NoCall"), (await f.TelephonyStatusAsync(f.BobClient), await f.TelephonyStatusAsync(f.AliceClient)));
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "pickup"), new { deviceId = "1001" })).ExpectErrorAsync(409, "TAS-102"); // already taken
    }

    [Fact]
    public async Task Transfer_ToParkOrbit_TheParkLocationHoldsTheCall()
    {
        var f = await StartAsync(_host);
        var location = await (await f.AliceClient.PostJsonAsync("/restapi/v1.0/account/~/extension", new { type = "ParkLocation", name = "Lobby", extensionNumber = "850" })).ExpectJsonAsync(200);
        var orbit = location.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);

        var transferred = await (await f.BobClient.PostJsonAsync(Party(id, bob, "transfer"), new { parkOrbit = orbit })).ExpectJsonAsync(200);
        Assert.Equal("BlindTransfer", Reason(transferred));
        Assert.Equal(["p2 Disconnected BlindTransfer", "p3 Setup", "p3 Parked"], (await f.TraceAsync(id))[6..]);
        var session = await f.Admin.SessionAsync(id);
        Assert.Equal("*850", session.GetProperty("parties")[2].GetProperty("park").GetProperty("id").GetString());

        // An administrator picks up on any phone of the account.
        var picked = await (await f.AliceClient.PostJsonAsync(Party(id, $"p-{id[2..]}-3", "pickup"), new { deviceId = 1003 })).ExpectJsonAsync(201);
        Assert.Equal(Id(Bob), picked.GetProperty("owner").GetProperty("extensionId").GetString());
    }

    [Fact]
    public async Task Flip_MovesTheCallToAFlipNumberAndAnswersAJsonObject()
    {
        var f = await StartAsync(_host);
        var book = (await f.AliceClient.GetJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number")).GetProperty("records").EnumerateArray().ToList();
        string Digit(Func<JsonElement, bool> which) => book.First(which).GetProperty("flipNumber").ToString();
        var softLine = Digit(r => r.TryGetProperty("device", out var d) && d.GetProperty("id").GetString() == "1002");
        var used = book.Where(r => r.TryGetProperty("flipNumber", out _)).Select(r => r.GetProperty("flipNumber").ToString()).ToHashSet();
        var unused = Enumerable.Range(1, 8).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(n => !used.Contains(n));

        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "flip"), new { callFlipId = softLine })).ExpectErrorAsync(409, "TAS-102"); // ringing
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1001" })).ExpectJsonAsync(200);
        var answered = await f.TraceAsync(id);
        (string? Body, string Code)[] bad =
        [
            (null, "CMN-101"),
            ("""{"callFlipId":"9"}""", "CMN-101"),
            ("""{"callFlipId":"#1"}""", "CMN-101"),
            ($$"""{"callFlipId":"*{{unused}}"}""", "CMN-102"),
        ];
        foreach (var (body, code) in bad)
        {
            var error = await (await f.AliceClient.SendRawAsync(HttpMethod.Post, Party(id, alice, "flip"), body)).ExpectErrorAsync(400, code);
            Assert.Equal("callFlipId", error.GetProperty("parameterName").GetString());
        }
        await (await f.BobClient.PostJsonAsync(Party(id, alice, "flip"), new { callFlipId = softLine })).ExpectErrorAsync(404, "CMN-102"); // not his call
        Assert.Equal(answered, await f.TraceAsync(id));

        var response = await f.AliceClient.PostJsonAsync(Party(id, alice, "flip"), new { callFlipId = "*" + softLine });
        Assert.Empty((await response.ExpectJsonAsync(200)).EnumerateObject());
        Assert.Equal(["p1 Hold", "p2 Disconnected CallFlip", "p3 Setup", "p3 Proceeding"], (await f.TraceAsync(id))[6..]);
        var flipped = await f.Admin.PartyOfAsync(id, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, flipped, "answer"), new { deviceId = "1002" })).ExpectJsonAsync(200);
        Assert.Equal(["p3 Answered", "p1 Answered"], (await f.TraceAsync(id))[10..]);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "flip"), new { callFlipId = softLine })).ExpectErrorAsync(409, "TAS-102"); // that party has left
    }
}
