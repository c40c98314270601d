using Switchboard.Tests.Support;

namespace Switchboard.Tests.Simulator;

/// <summary>
/// Whole calls through HTTP, in simulated time: the rules configured through the API route the call,
/// the simulator plays the phones, and the session, the events and presence show what happened.
/// </summary>
public sealed class CallScenarioTests : IDisposable
{
    private const long Alice = 11111111, Dave = 22222222;
    private const string AliceNumber = "+12125550101", DaveNumber = "+13125550201", Caller = "+16505550000";
    private const string Rules = "/restapi/v1.0/account/~/extension/~/answering-rule";
    // Tuesday 13:00 in New York (account A) and 10:00 in Los Angeles (account B): business hours in both.
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<List<string>> OutsideNumbersAsync(HttpClient alice, params string[] more)
    {
        foreach (var number in more)
            await (await alice.PostJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number", new { phoneNumber = number, label = "Other" })).ExpectJsonAsync(200);
        var records = (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number")).GetProperty("records").EnumerateArray();
        return [.. records.Where(r => r.GetProperty("type").GetString() != "PhoneLine").Select(r => r.GetProperty("id").GetString()!)];
    }

    private static object Forwarding(string mode, IReadOnlyList<string> ids, int ringCount) => new
    {
        callHandlingAction = "ForwardCalls",
        forwarding = new
        {
            notifyMySoftPhones = false, ringingMode = mode,
            rules = ids.Select((id, i) => new { index = i + 1, ringCount, forwardingNumbers = new[] { new { id } } }).ToArray(),
        },
    };

    [Fact]
    public async Task RingInOrder_ThreeForwardingNumbersNobodyAnswers_EndsInVoicemail()
    {
        var sim = await Sim.AliceAsync(_host);
        var ids = await OutsideNumbersAsync(sim.Client, "+13475550102", "+13475550103");
        Assert.Equal(3, ids.Count);
        await (await sim.Client.PutJsonAsync($"{Rules}/business-hours-rule", Forwarding("Sequentially", ids, 2))).ExpectJsonAsync(200);
        foreach (var number in new[] { "+13475550101", "+13475550102", "+13475550103" }) await sim.BehaveAsync(number, "NeverAnswer");
        await sim.AdvanceToAsync(TuesdayMorning);

        var plan = await sim.PlanAsync(Caller, AliceNumber);
        Assert.Equal("work-hours", plan.GetProperty("rule").GetString());
        var steps = plan.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("type").GetString() != "PlayPrompt").ToList();
        Assert.Equal(["Ring", "Ring", "Ring", "Terminate"], steps.Select(s => s.GetProperty("type").GetString()));
        Assert.Equal(["+13475550101", "+13475550102", "+13475550103"], steps.Take(3).Select(s => s.GetProperty("legs")[0].GetProperty("phoneNumber").GetString()));
        Assert.Equal("VoiceMail", steps[3].GetProperty("end").GetString());

        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        Assert.Equal("Proceeding", await sim.StatusOfAsync(id, Alice));
        await sim.AdvanceAsync(29);
        Assert.Equal("Proceeding", await sim.StatusOfAsync(id, Alice));
        await sim.AdvanceAsync(1);
        Assert.Equal("VoiceMail", await sim.StatusOfAsync(id, Alice));
        var party = await sim.PartyOfAsync(id, Alice);
        Assert.Equal(["Setup", "Proceeding", "VoiceMail"], (await sim.EventCodesAsync(id, party)).Distinct());
    }

    [Fact]
    public async Task RingAllTogether_OneNumberAnswers_CallIsConnectedAndPresenceShowsIt()
    {
        var sim = await Sim.AliceAsync(_host);
        var ids = await OutsideNumbersAsync(sim.Client, "+13475550102");
        await (await sim.Client.PutJsonAsync($"{Rules}/business-hours-rule", Forwarding("Simultaneously", ids, 4))).ExpectJsonAsync(200);
        await sim.BehaveAsync("+13475550101", "NeverAnswer");
        await sim.BehaveAsync("+13475550102", "AnswerAfter", 7);
        await sim.AdvanceToAsync(TuesdayMorning);

        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        var ringing = await sim.Client.GetJsonAsync("/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true");
        Assert.Equal("Ringing", ringing.GetProperty("telephonyStatus").GetString());
        Assert.Equal(id, ringing.GetProperty("activeCalls")[0].GetProperty("telephonySessionId").GetString());

        await sim.AdvanceAsync(7);
        Assert.Equal("Answered", await sim.StatusOfAsync(id, Alice));
        var connected = await sim.Client.GetJsonAsync("/restapi/v1.0/account/~/extension/~/presence");
        Assert.Equal(("CallConnected", "Busy"), (connected.GetProperty("telephonyStatus").GetString(), connected.GetProperty("presenceStatus").GetString()));

        var caller = (await sim.SessionAsync(id)).GetProperty("parties")[0].GetProperty("id").GetString()!;
        await sim.ActAsync(id, caller, "hangup");
        await (await sim.Client.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        var after = await sim.Client.GetJsonAsync("/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true");
        Assert.Equal("NoCall", after.GetProperty("telephonyStatus").GetString());
        Assert.Empty(after.GetProperty("activeCalls").EnumerateArray());
    }

    [Fact]
    public async Task DeskPhoneAnswers_ThenHangsUp_EveryPartyEndsDisconnected()
    {
        var sim = await Sim.AliceAsync(_host);
        await sim.AdvanceToAsync(TuesdayMorning);
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        var party = await sim.PartyOfAsync(id, Alice);

        var answered = await sim.ActAsync(id, party, "answer", new { deviceId = "1001" });
        var alice = answered.GetProperty("parties").EnumerateArray().Last(p => p.GetProperty("id").GetString() == party);
        Assert.Equal("Answered", alice.GetProperty("status").GetProperty("code").GetString());
        await sim.ActAsync(id, party, "hangup");

        var events = (await sim.Client.GetJsonAsync($"{Sim.Base}/events")).GetProperty("records").EnumerateArray()
            .Where(r => r.GetProperty("body").GetProperty("telephonySessionId").GetString() == id).ToList();
        var sequences = events.Select(e => e.GetProperty("body").GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.All(events.GroupBy(e => e.GetProperty("body").GetProperty("parties")[0].GetProperty("id").GetString()),
            g => Assert.Equal("Disconnected", g.Last().GetProperty("body").GetProperty("parties")[0].GetProperty("status").GetProperty("code").GetString()));
        // The caller's party is on the account path; Alice's on her extension's.
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "/restapi/v1.0/account/11111111/telephony/sessions");
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "/restapi/v1.0/account/11111111/extension/11111111/telephony/sessions");
    }

    [Fact]
    public async Task ForwardAllCalls_OnUpgradedAccount_SendsTheCallToVoicemailAtOnce()
    {
        var sim = await Sim.DaveAsync(_host);
        await (await sim.Client.SendRawAsync(HttpMethod.Patch, "/restapi/v2/accounts/~/extensions/~/comm-handling/states/forward-all-calls", """{"enabled":true}""")).ExpectJsonAsync(200);
        await sim.AdvanceToAsync(TuesdayMorning);
        Assert.Equal("forward-all-calls", (await sim.PlanAsync(Caller, DaveNumber)).GetProperty("rule").GetString());
        var id = (await sim.CallAsync(Caller, DaveNumber)).GetProperty("id").GetString()!;
        Assert.Equal("VoiceMail", await sim.StatusOfAsync(id, Dave));
    }

    [Fact]
    public async Task DoNotDisturb_SetThroughPresence_SendsTheCallToVoicemail()
    {
        var sim = await Sim.AliceAsync(_host);
        var presence = await (await sim.Client.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { dndStatus = "DoNotAcceptAnyCalls" })).ExpectJsonAsync(200);
        Assert.Equal(("DoNotAcceptAnyCalls", "Busy"), (presence.GetProperty("dndStatus").GetString(), presence.GetProperty("presenceStatus").GetString()));
        await sim.AdvanceToAsync(TuesdayMorning);
        Assert.Equal("dnd", (await sim.PlanAsync(Caller, AliceNumber)).GetProperty("rule").GetString());
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        Assert.Equal("VoiceMail", await sim.StatusOfAsync(id, Alice));

        await (await sim.Client.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { dndStatus = "TakeAllCalls" })).ExpectJsonAsync(200);
        Assert.Equal("work-hours", (await sim.PlanAsync(Caller, AliceNumber)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task AfterHours_Evening_UsesTheAfterHoursRule()
    {
        var sim = await Sim.AliceAsync(_host);
        await (await sim.Client.PutJsonAsync($"{Rules}/after-hours-rule", new { callHandlingAction = "TakeMessagesOnly" })).ExpectJsonAsync(200);
        await sim.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)); // Tuesday 20:00 in New York
        var plan = await sim.PlanAsync(Caller, AliceNumber);
        Assert.Equal("after-hours", plan.GetProperty("rule").GetString());
        Assert.Contains(plan.GetProperty("why").EnumerateArray(), w => w.GetString()!.Contains("business hours", StringComparison.Ordinal));
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        Assert.Equal("VoiceMail", await sim.StatusOfAsync(id, Alice));
    }

    [Fact]
    public async Task CustomRule_ByCallerId_AppliesToThatCallerOnly()
    {
        var sim = await Sim.AliceAsync(_host);
        var rule = await (await sim.Client.PostJsonAsync(Rules, new
        {
            type = "Custom", name = "Mum", enabled = true,
            callers = new[] { new { callerId = "+16505550123" } },
            callHandlingAction = "TakeMessagesOnly",
        })).ExpectJsonAsync(200);
        await sim.AdvanceToAsync(TuesdayMorning);

        Assert.Equal($"interaction:{rule.GetProperty("id").GetString()}", (await sim.PlanAsync("+16505550123", AliceNumber)).GetProperty("rule").GetString());
        Assert.Equal("work-hours", (await sim.PlanAsync(Caller, AliceNumber)).GetProperty("rule").GetString());
        var id = (await sim.CallAsync("+16505550123", AliceNumber)).GetProperty("id").GetString()!;
        Assert.Equal("VoiceMail", await sim.StatusOfAsync(id, Alice));
    }
}
