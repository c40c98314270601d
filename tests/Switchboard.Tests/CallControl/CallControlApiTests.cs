using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// Call Control through HTTP on live calls: each allowed command answers as the spec says, changes
/// the session, and shows in the telephony-session events; a refused one is 409 TAS-102 and changes nothing.
/// </summary>
public sealed class CallControlApiTests : IDisposable
{
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task UserAnswersHoldsMutesAndDrops_EventsPresenceAndSessionFollow()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        Assert.Equal("Ringing", await f.TelephonyStatusAsync(f.BobClient));

        var answered = await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        Assert.Equal((bob, "Answered", Id(Bob)), (answered.GetProperty("id").GetString(), answered.GetProperty("status").GetProperty("code").GetString(),
            answered.GetProperty("owner").GetProperty("extensionId").GetString()));

        // As ringcentral-call-control sends it: Content-Type application/json and no body.
        var held = await (await f.BobClient.SendRawAsync(HttpMethod.Post, Party(id, bob, "hold"), "")).ExpectJsonAsync(200);
        Assert.Equal("Hold", held.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal("OnHold", await f.TelephonyStatusAsync(f.BobClient));
        var session = await f.Admin.SessionAsync(id);
        Assert.Equal(["Answered", "Hold"], session.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("status").GetProperty("code").GetString()));

        var unheld = await (await f.BobClient.PostAsync(Party(id, bob, "unhold"), null)).ExpectJsonAsync(200);
        Assert.Equal("Answered", unheld.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal("CallConnected", await f.TelephonyStatusAsync(f.BobClient));

        // ringcentral-call-control sends the flag at the top level, the spec wraps it in "party": both work.
        var muted = await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob), """{"muted":true}""")).ExpectJsonAsync(200);
        Assert.True(muted.GetProperty("muted").GetBoolean());
        var standAlone = await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob), """{"party":{"standAlone":true,"muted":false}}""")).ExpectJsonAsync(200);
        Assert.Equal((false, true), (standAlone.GetProperty("muted").GetBoolean(), standAlone.GetProperty("standAlone").GetBoolean()));

        await (await f.BobClient.SendRawAsync(HttpMethod.Delete, $"{Sim.Sessions}/{id}", "")).ExpectEmptyAsync(204);
        await (await f.BobClient.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("NoCall", await f.TelephonyStatusAsync(f.BobClient));
        Assert.Equal(
            ["p1 Setup", "p2 Setup", "p2 Proceeding", "p1 Proceeding", "p2 Answered", "p1 Answered",
             "p2 Hold", "p2 Answered", "p2 Answered muted", "p2 Answered standAlone", "p2 Disconnected standAlone", "p1 Disconnected"],
            await f.TraceAsync(id));
    }

    [Fact]
    public async Task Refusals_AreConflictsAndChangeNothing()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);
        var before = await f.TraceAsync(id);

        foreach (var action in new[] { "hold", "unhold" })
            await (await f.BobClient.PostAsync(Party(id, bob, action), null)).ExpectErrorAsync(409, "TAS-102");
        await (await f.BobClient.SendRawAsync(HttpMethod.Patch, Party(id, bob), """{"muted":true}""")).ExpectErrorAsync(409, "TAS-102");
        var delete = await (await f.BobClient.DeleteAsync(Party(id, bob))).ExpectErrorAsync(409, "TAS-102");
        Assert.Contains("is Proceeding; a ringing party is rejected", delete.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The caller's party is not rung: an administrator cannot answer it either.
        await (await f.AliceClient.PostJsonAsync(Party(id, CallerOf(id), "answer"), new { deviceId = "1001" })).ExpectErrorAsync(409, "TAS-102");
        Assert.Equal(before, await f.TraceAsync(id));

        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectJsonAsync(200);
        var answered = await f.TraceAsync(id);
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "answer"), new { deviceId = "1003" })).ExpectErrorAsync(409, "TAS-102");
        await (await f.BobClient.PostAsync(Party(id, bob, "reject"), null)).ExpectErrorAsync(409, "TAS-102");
        await (await f.BobClient.PostJsonAsync(Party(id, bob, "ignore"), new { deviceId = "1003" })).ExpectErrorAsync(409, "TAS-102");
        await (await f.BobClient.PostAsync(Party(id, bob, "unhold"), null)).ExpectErrorAsync(409, "TAS-102");
        Assert.Equal(answered, await f.TraceAsync(id));
        Assert.Equal("Answered", await f.Admin.StatusOfAsync(id, Bob));
    }

    [Fact]
    public async Task Reject_CallerGoesOnToVoicemail()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);

        await (await f.BobClient.PostAsync(Party(id, bob, "reject"), null)).ExpectEmptyAsync(204);
        Assert.Equal(["p2 VoiceMail", "p1 Answered"], (await f.TraceAsync(id))[4..]);
        Assert.True((await f.Admin.SessionAsync(id)).GetProperty("parties")[1].GetProperty("status").GetProperty("code").GetString() == "VoiceMail");
    }

    [Fact]
    public async Task Ignore_OneDeviceStopsTheAppsRingOn()
    {
        var f = await StartAsync(_host);
        var (id, bob) = await f.CallAsync(BobNumber, Bob);

        await (await f.BobClient.PostJsonAsync(Party(id, bob, "ignore"), new { deviceId = "1003" })).ExpectEmptyAsync(204);
        Assert.Equal(4, (await f.TraceAsync(id)).Length);
        Assert.Equal("Proceeding", await f.Admin.StatusOfAsync(id, Bob)); // Bob's apps still ring
        var again = await (await f.BobClient.PostJsonAsync(Party(id, bob, "ignore"), new { deviceId = 1003 })).ExpectErrorAsync(409, "TAS-102");
        Assert.Contains("not ringing on device 1003", again.GetProperty("message").GetString(), StringComparison.Ordinal);
        var alicesPhone = await (await f.BobClient.PostJsonAsync(Party(id, bob, "ignore"), new { deviceId = "1001" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deviceId", alicesPhone.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task DeleteParty_AnsweredParty_EndsTheCall()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1002" })).ExpectJsonAsync(200);

        await (await f.AliceClient.DeleteAsync(Party(id, alice))).ExpectEmptyAsync(204);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], (await f.TraceAsync(id))[^2..]);
        await (await f.AliceClient.DeleteAsync(Party(id, alice))).ExpectErrorAsync(404, "CMN-102");
        await (await f.AliceClient.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task DropSession_WhileRinging_EveryoneDisconnected()
    {
        var f = await StartAsync(_host);
        var (id, _) = await f.CallAsync(AliceNumber, Alice);

        await (await f.AliceClient.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectEmptyAsync(204);
        Assert.Equal(["p2 Disconnected", "p1 Disconnected"], (await f.TraceAsync(id))[^2..]);
        Assert.Empty((await f.AliceClient.GetJsonAsync($"{Sim.Base}/sessions")).GetProperty("records").EnumerateArray());
    }
}
