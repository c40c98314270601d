using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallHandling;

/// <summary>
/// Seed 002's mapping tables, row by row: a rule written through v1 on an old account reads the same
/// through v2 after the upgrade; and a rule read through either version writes back unchanged.
/// </summary>
public sealed class MappingTests : IDisposable
{
    private const string Business = "/restapi/v1.0/account/~/extension/~/answering-rule/business-hours-rule";
    private const string WorkHours = "/restapi/v2/accounts/~/extensions/~/comm-handling/voice/state-rules/work-hours";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> UpgradeAsync(HttpClient admin) =>
        await (await admin.PostAsync("/switchboard/v1/account/11111111/call-handling-upgrade", null)).ExpectJsonAsync(200);

    private static JsonElement Action(JsonElement rule, string type) =>
        rule.GetProperty("dispatching").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == type);

    public static TheoryData<string, string, string> Rows => new()
    {
        // Ringing actions: ring in order / all together, then what happens if no one answers.
        { """{"callHandlingAction":"ForwardCalls","forwarding":{"ringingMode":"Sequentially"},"voicemail":{"enabled":true}}""", "RingInOrder", "VoiceMailTerminatingTarget" },
        { """{"callHandlingAction":"ForwardCalls","forwarding":{"ringingMode":"Simultaneously"},"voicemail":{"enabled":true}}""", "RingAtOnce", "VoiceMailTerminatingTarget" },
        { """{"callHandlingAction":"ForwardCalls","voicemail":{"enabled":false},"missedCall":{"actionType":"ConnectToExtension","extension":{"id":11111102}}}""", "RingInOrder", "ExtensionTerminatingTarget" },
        { """{"callHandlingAction":"ForwardCalls","voicemail":{"enabled":false},"missedCall":{"actionType":"ConnectToExternalNumber","externalNumber":{"phoneNumber":"+16505550199"}}}""", "RingInOrder", "PhoneNumberTerminatingTarget" },
        { """{"callHandlingAction":"ForwardCalls","voicemail":{"enabled":false},"missedCall":{"actionType":"PlayGreetingAndDisconnect"}}""", "RingInOrder", "PlayAnnouncementTerminatingTarget" },
        // Terminating actions.
        { """{"callHandlingAction":"TakeMessagesOnly"}""", "Terminate", "VoiceMailTerminatingTarget" },
        { """{"callHandlingAction":"TransferToExtension","transfer":{"extension":{"id":"11111102"}}}""", "Terminate", "ExtensionTerminatingTarget" },
        { """{"callHandlingAction":"UnconditionalForwarding","unconditionalForwarding":{"phoneNumber":"+16505550199"}}""", "Terminate", "PhoneNumberTerminatingTarget" },
        { """{"callHandlingAction":"PlayAnnouncementOnly"}""", "Terminate", "PlayAnnouncementTerminatingTarget" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task WriteV1_Upgrade_ReadV2(string v1Body, string dispatchingType, string terminatingTarget)
    {
        var alice = await _host.ClientAsync();
        await (await alice.SendRawAsync(HttpMethod.Put, Business, v1Body)).ExpectJsonAsync(200);
        await alice.GetJsonAsync(WorkHours, 403);
        await UpgradeAsync(alice);

        var rule = await alice.GetJsonAsync(WorkHours);
        Assert.Equal(dispatchingType, rule.GetProperty("dispatching").GetProperty("type").GetString());
        var terminating = Action(rule, "TerminatingAction");
        Assert.Equal(terminatingTarget, terminating.GetProperty("terminatingTargetType").GetString());
        Assert.Equal(terminatingTarget, terminating.GetProperty("targets")[0].GetProperty("type").GetString());
        await (await alice.SendRawAsync(HttpMethod.Put, Business, v1Body)).ExpectErrorAsync(403, "CMN-109");
    }

    [Theory]
    [InlineData("Introductory", "66048", "PlayWelcomePromptAction")]
    [InlineData("ConnectingMessage", "68867", "PlayConnectingMessageAction")]
    [InlineData("ConnectingAudio", "66311", "PlayConnectingPromptAction")]
    public async Task WriteV1Greeting_Upgrade_ReadV2Action(string type, string presetId, string actionType)
    {
        var alice = await _host.ClientAsync();
        var body = new { greetings = new[] { new { type, preset = new { id = presetId } } } };
        await (await alice.PutJsonAsync(Business, body)).ExpectJsonAsync(200);
        await UpgradeAsync(alice);
        var action = Action(await alice.GetJsonAsync(WorkHours), actionType);
        Assert.True(action.GetProperty("enabled").GetBoolean());
        Assert.Equal("Preset", action.GetProperty("greeting").GetProperty("effectiveGreetingType").GetString());
        Assert.Equal(presetId, action.GetProperty("greeting").GetProperty("preset").GetProperty("id").GetString());
    }

    [Fact]
    public async Task WriteV1Forwarding_Upgrade_RingGroupsWithDurations()
    {
        var alice = await _host.ClientAsync();
        var numbers = (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number")).GetProperty("records").EnumerateArray()
            .Select(n => n.GetProperty("id").GetString()!).ToArray();
        var body = new
        {
            forwarding = new { ringingMode = "Sequentially", notifyMySoftPhones = true, softPhonesAlwaysRing = false, softPhonesRingCount = 2,
                rules = numbers.Select((id, i) => new { index = i + 1, ringCount = i + 3, forwardingNumbers = new[] { new { id } } }).ToArray() },
        };
        await (await alice.PutJsonAsync(Business, body)).ExpectJsonAsync(200);
        await UpgradeAsync(alice);
        var rings = (await alice.GetJsonAsync(WorkHours)).GetProperty("dispatching").GetProperty("actions").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == "RingGroupAction").ToList();
        Assert.Equal([10, 15, 20, 25], rings.Select(r => r.GetProperty("duration").GetInt32()));
        Assert.Equal(["AllDesktopRingTarget", "AllMobileRingTarget"], rings[0].GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(["DeviceRingTarget", "DeviceRingTarget", "PhoneNumberRingTarget"], rings.Skip(1).Select(r => r.GetProperty("targets")[0].GetProperty("type").GetString()));
    }

    [Fact]
    public async Task CreateV1CustomRule_Upgrade_ReadAsInteractionRule()
    {
        var alice = await _host.ClientAsync();
        var created = await (await alice.PostJsonAsync("/restapi/v1.0/account/~/extension/~/answering-rule", new
        {
            type = "Custom", name = "VIP", callers = new[] { new { callerId = "+16505550100", name = "Boss" } },
            schedule = new { weeklyRanges = new { monday = new[] { new { from = "09:00", to = "12:00" } } } },
            callHandlingAction = "TakeMessagesOnly",
        })).ExpectJsonAsync(200);
        var id = created.GetProperty("id").GetString();
        await UpgradeAsync(alice);

        var rule = await alice.GetJsonAsync($"/restapi/v2/accounts/~/extensions/~/comm-handling/voice/interaction-rules/{id}");
        Assert.Equal("VIP", rule.GetProperty("displayName").GetString());
        var conditions = rule.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal("+16505550100", conditions[0].GetProperty("from")[0].GetProperty("phoneNumber").GetString());
        var monday = conditions[1].GetProperty("schedule").GetProperty("triggers")[0].GetProperty("ranges").GetProperty("monday")[0];
        Assert.Equal(("09:00:00", "12:00:00"), (monday.GetProperty("startTime").GetString(), monday.GetProperty("endTime").GetString()));
        Assert.Equal("Terminate", rule.GetProperty("dispatching").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReadV2_WriteBackUnchanged_ChangesNothing()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var before = await dave.GetJsonAsync(WorkHours);
        var patched = await (await dave.SendRawAsync(HttpMethod.Patch, WorkHours, $$"""{"dispatching":{{before.GetProperty("dispatching").GetRawText()}}}""")).ExpectJsonAsync(200);
        Assert.Equal(before.GetRawText(), patched.GetRawText());
    }

    [Fact]
    public async Task ReadV1_WriteBackUnchanged_ChangesNothingInV2()
    {
        var alice = await _host.ClientAsync();
        var v1 = await alice.GetJsonAsync(Business);
        await (await alice.SendRawAsync(HttpMethod.Put, Business, v1.GetRawText())).ExpectJsonAsync(200);
        Assert.Equal(v1.GetRawText(), (await alice.GetJsonAsync(Business)).GetRawText());
    }

    [Fact]
    public async Task Upgrade_ByNonAdmin_Refused()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await (await bob.PostAsync("/switchboard/v1/account/11111111/call-handling-upgrade", null)).ExpectErrorAsync(403, "CMN-408");
        var alice = await _host.ClientAsync();
        var feature = await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/features?featureId=NewCallHandlingAndForwarding");
        Assert.Equal("false", feature.GetProperty("records")[0].GetProperty("params")[0].GetProperty("value").GetString());
        await UpgradeAsync(alice);
        feature = await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/features?featureId=NewCallHandlingAndForwarding");
        Assert.Equal("true", feature.GetProperty("records")[0].GetProperty("params")[0].GetProperty("value").GetString());
    }
}
