using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallHandling;

/// <summary>v2 comm-handling (seed 002) on an upgraded account.</summary>
public sealed class CommHandlingApiTests : IDisposable
{
    private const string Base = "/restapi/v2/accounts/~/extensions/~/comm-handling";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string[] Ids(JsonElement list) => [.. list.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListStates_FiveStates_AfterHoursGoneWhenWorkHoursAre24x7()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        Assert.Equal(["forward-all-calls", "dnd", "agent", "work-hours", "after-hours"], Ids(await dave.GetJsonAsync($"{Base}/states")));
        Assert.Equal(["forward-all-calls", "dnd", "agent", "work-hours", "after-hours"], Ids(await dave.GetJsonAsync($"{Base}/voice/state-rules")));

        var allDay = """{"conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Daily","startTime":"00:00:00","endTime":"23:59:59"}]}}]}""";
        var state = await (await dave.SendRawAsync(HttpMethod.Patch, $"{Base}/states/work-hours", allDay)).ExpectJsonAsync(200);
        Assert.Equal(0, state.GetProperty("conditions").GetArrayLength());
        Assert.Equal(["forward-all-calls", "dnd", "agent", "work-hours"], Ids(await dave.GetJsonAsync($"{Base}/voice/state-rules")));
        await (await dave.GetAsync($"{Base}/voice/state-rules/after-hours")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task UpdateState_WorkHoursSchedule_SeenByV1BusinessHoursAndAfterHoursComplement()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var body = """{"conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Weekly","ranges":{"monday":[{"startTime":"08:00:00","endTime":"16:30:00"}]}}]}}]}""";
        await (await dave.SendRawAsync(HttpMethod.Patch, $"{Base}/states/work-hours", body)).ExpectJsonAsync(200);
        var hours = await dave.GetJsonAsync("/restapi/v1.0/account/~/extension/~/business-hours");
        var monday = hours.GetProperty("schedule").GetProperty("weeklyRanges").GetProperty("monday")[0];
        Assert.Equal(("08:00", "16:30"), (monday.GetProperty("from").GetString(), monday.GetProperty("to").GetString()));
        var after = await dave.GetJsonAsync($"{Base}/states/after-hours");
        var ranges = after.GetProperty("conditions")[0].GetProperty("schedule").GetProperty("triggers")[0].GetProperty("ranges");
        Assert.Equal(["00:00:00-08:00:00", "16:30:00-24:00:00"], ranges.GetProperty("monday").EnumerateArray().Select(r => $"{r.GetProperty("startTime").GetString()}-{r.GetProperty("endTime").GetString()}"));
        Assert.Single(ranges.GetProperty("tuesday").EnumerateArray());
    }

    [Fact]
    public async Task UpdateState_Dnd_EnabledSaved()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var state = await (await dave.SendRawAsync(HttpMethod.Patch, $"{Base}/states/dnd", """{"enabled":true}""")).ExpectJsonAsync(200);
        Assert.True(state.GetProperty("enabled").GetBoolean());
        Assert.True((await dave.GetJsonAsync($"{Base}/states/dnd")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task UpdateStateRule_ForwardAllCallsToNumber_NewNumberBecomesForwardingTarget()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var body = """
            {"dispatching":{"type":"RingAtOnce","actions":[
              {"type":"RingGroupAction","enabled":true,"duration":25,"targets":[{"type":"PhoneNumberRingTarget","name":"Cabin","destination":{"phoneNumber":"+17185550177"}},{"type":"DeviceRingTarget","device":{"id":"5001"}}]},
              {"type":"TerminatingAction","targets":[{"type":"ExtensionTerminatingTarget","extension":{"id":"22222102"}}]}]}}
            """;
        var rule = await (await dave.SendRawAsync(HttpMethod.Patch, $"{Base}/voice/state-rules/forward-all-calls", body)).ExpectJsonAsync(200);
        var ring = rule.GetProperty("dispatching").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "RingGroupAction");
        Assert.Equal(["PhoneNumberRingTarget", "DeviceRingTarget"], ring.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        var targets = await dave.GetJsonAsync($"{Base}/voice/forwarding-targets?excludeOwnTargets=true");
        Assert.Contains(targets.GetProperty("records").EnumerateArray(), t => t.GetProperty("destination").GetProperty("phoneNumber").GetString() == "+17185550177");
    }

    [Fact]
    public async Task InteractionRules_CreateReadPatchListDelete()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var body = """
            {"displayName":"Holidays","enabled":true,
             "conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Range","ranges":[{"startDateTime":"2026-12-24T00:00:00","endDateTime":"2026-12-27T00:00:00"}]}]}}],
             "dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"PlayAnnouncementTerminatingTarget"}]}]}}
            """;
        var created = await (await dave.SendRawAsync(HttpMethod.Post, $"{Base}/voice/interaction-rules", body)).ExpectJsonAsync(201);
        var id = created.GetProperty("id").GetString();
        Assert.Equal(created.GetRawText(), (await dave.GetJsonAsync($"{Base}/voice/interaction-rules/{id}")).GetRawText());

        var patched = await (await dave.SendRawAsync(HttpMethod.Patch, $"{Base}/voice/interaction-rules/{id}", """{"enabled":false,"conditions":[{"type":"State","state":{"id":"after-hours"}}]}""")).ExpectJsonAsync(200);
        Assert.False(patched.GetProperty("enabled").GetBoolean());
        Assert.Equal("after-hours", patched.GetProperty("conditions")[0].GetProperty("state").GetProperty("id").GetString());
        Assert.Equal([id!], Ids(await dave.GetJsonAsync($"{Base}/voice/interaction-rules?enabled=false&hasReference=true")));
        Assert.Empty(Ids(await dave.GetJsonAsync($"{Base}/voice/interaction-rules?enabled=true")));

        await (await dave.SendRawAsync(HttpMethod.Delete, $"{Base}/voice/interaction-rules/{id}", "{}")).ExpectEmptyAsync(204);
        await (await dave.GetAsync($"{Base}/voice/interaction-rules/{id}")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task CommHandling_OldAccount_Refused_AndV1RefusedOnUpgraded()
    {
        var alice = await _host.ClientAsync();
        await (await alice.GetAsync($"{Base}/states")).ExpectErrorAsync(403, "CMN-109");
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        await (await dave.GetAsync("/restapi/v1.0/account/~/extension/~/answering-rule")).ExpectErrorAsync(403, "CMN-109");
    }

    [Fact]
    public async Task CommHandling_OtherUsersRules_NeedAdmin()
    {
        var erin = await _host.ClientAsync("ERIN_JWT");
        await (await erin.GetAsync("/restapi/v2/accounts/~/extensions/22222101/comm-handling/states")).ExpectErrorAsync(403, "CMN-419");
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        await dave.GetJsonAsync("/restapi/v2/accounts/~/extensions/22222102/comm-handling/states");
        await (await dave.GetAsync("/restapi/v2/accounts/11111111/extensions/11111101/comm-handling/states")).ExpectErrorAsync(404, "CMN-102");
    }
}
