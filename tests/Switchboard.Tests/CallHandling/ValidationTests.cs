using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallHandling;

/// <summary>Each bad input is a 400 naming the parameter, and the rule is left as it was.</summary>
public sealed class ValidationTests : IDisposable
{
    private const string Business = "/restapi/v1.0/account/~/extension/~/answering-rule/business-hours-rule";
    private const string Rules = "/restapi/v1.0/account/~/extension/~/answering-rule";
    private const string WorkHours = "/restapi/v2/accounts/~/extensions/~/comm-handling/voice/state-rules/work-hours";
    private const string Interaction = "/restapi/v2/accounts/~/extensions/~/comm-handling/voice/interaction-rules";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("""{"callHandlingAction":"Bounce"}""", "CMN-101", "callHandlingAction")]
    [InlineData("""{"forwarding":{"ringingMode":"Randomly"}}""", "CMN-101", "forwarding.ringingMode")]
    [InlineData("""{"forwarding":{"rules":[{"index":1,"ringCount":16,"forwardingNumbers":[]}]}}""", "CMN-101", "forwarding.rules[0].ringCount")]
    [InlineData("""{"forwarding":{"rules":[{"index":1,"ringCount":0,"forwardingNumbers":[]}]}}""", "CMN-101", "forwarding.rules[0].ringCount")]
    [InlineData("""{"forwarding":{"softPhonesRingCount":99}}""", "CMN-101", "forwarding.softPhonesRingCount")]
    [InlineData("""{"forwarding":{"rules":[{"index":1,"ringCount":2,"forwardingNumbers":[{"id":"999"}]}]}}""", "CMN-102", "forwarding.rules[0].forwardingNumbers[0].id")]
    [InlineData("""{"callHandlingAction":"TransferToExtension","transfer":{"extension":{"id":"999"}}}""", "CMN-102", "transfer.extension.id")]
    [InlineData("""{"callHandlingAction":"TransferToExtension","transfer":{"extension":{"id":"22222101"}}}""", "CMN-102", "transfer.extension.id")]
    [InlineData("""{"callHandlingAction":"UnconditionalForwarding","unconditionalForwarding":{"phoneNumber":"call me"}}""", "CMN-101", "unconditionalForwarding.phoneNumber")]
    [InlineData("""{"callHandlingAction":"TransferToExtension"}""", "CMN-101", "transfer.extension.id")]
    [InlineData("""{"greetings":[{"type":"Introductory","preset":{"id":"12345"}}]}""", "CMN-102", "greetings[0].preset.id")]
    [InlineData("""{"greetings":[{"type":"Introductory","custom":{"id":"12345"}}]}""", "CMN-102", "greetings[0].custom.id")]
    [InlineData("""{"screening":"Sometimes"}""", "CMN-101", "screening")]
    [InlineData("""{"missedCall":{"actionType":"ConnectToExtension"},"voicemail":{"enabled":false}}""", "CMN-101", "missedCall.extension.id")]
    public async Task UpdateAnsweringRule_BadField_Returns400AndChangesNothing(string body, string code, string parameter)
    {
        var alice = await _host.ClientAsync();
        var before = (await alice.GetJsonAsync(Business)).GetRawText();
        var error = await (await alice.SendRawAsync(HttpMethod.Put, Business, body)).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(before, (await alice.GetJsonAsync(Business)).GetRawText());
    }

    [Theory]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"weeklyRanges":{"monday":[{"from":"12:00","to":"09:00"}]}}}""", "schedule.weeklyRanges.monday[0].to")]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"weeklyRanges":{"monday":[{"from":"09:00","to":"12:00"},{"from":"11:00","to":"13:00"}]}}}""", "schedule.weeklyRanges.monday[1]")]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"weeklyRanges":{"friday":[{"from":"25:00","to":"26:00"}]}}}""", "schedule.weeklyRanges.friday[0].from")]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"ranges":[{"from":"2026-12-26T00:00:00","to":"2026-12-24T00:00:00"}]}}""", "schedule.ranges[0].to")]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"ranges":[{"from":"2026-12-24T00:00:00","to":"2026-12-27T00:00:00"},{"from":"2026-12-26T00:00:00","to":"2026-12-28T00:00:00"}]}}""", "schedule.ranges[1]")]
    [InlineData("""{"type":"Custom","name":"x","schedule":{"ref":"Holidays"}}""", "schedule.ref")]
    [InlineData("""{"type":"Custom","name":"x"}""", "schedule")]
    [InlineData("""{"type":"BusinessHours","name":"x"}""", "type")]
    [InlineData("""{"type":"Custom","name":"x","calledNumbers":[{"phoneNumber":"+16505550000"}]}""", "calledNumbers[0].phoneNumber")]
    public async Task CreateAnsweringRule_BadConditions_Returns400AndCreatesNothing(string body, string parameter)
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.SendRawAsync(HttpMethod.Post, Rules, body)).ExpectJsonAsync(400);
        Assert.Equal(parameter, error.GetProperty("errors")[0].GetProperty("parameterName").GetString());
        Assert.Equal(2, (await alice.GetJsonAsync(Rules)).GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"dispatching":{"type":"RingSometimes","actions":[]}}""", "dispatching.type")]
    [InlineData("""{"dispatching":{"type":"RingInOrder","actions":[{"type":"DanceAction"}]}}""", "dispatching.actions[0].type")]
    [InlineData("""{"dispatching":{"type":"RingInOrder","actions":[{"type":"RingGroupAction","duration":7,"targets":[]}]}}""", "dispatching.actions[0].duration")]
    [InlineData("""{"dispatching":{"type":"RingInOrder","actions":[{"type":"RingGroupAction","duration":80,"targets":[]}]}}""", "dispatching.actions[0].duration")]
    [InlineData("""{"dispatching":{"type":"RingInOrder","actions":[{"type":"RingGroupAction","duration":10,"targets":[{"type":"DeviceRingTarget","device":{"id":"1001"}}]}]}}""", "dispatching.actions[0].targets[0].device.id")]
    [InlineData("""{"dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"ExtensionTerminatingTarget","extension":{"id":"11111101"}}]}]}}""", "dispatching.actions[0].targets[0].extension.id")]
    [InlineData("""{"dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"VoiceMailTerminatingTarget","prompt":{"greeting":{"effectiveGreetingType":"Custom","preset":{"id":"65792"},"custom":{"id":"404"}}}}]}]}}""", "dispatching.actions[0].targets[0].prompt.greeting.custom.id")]
    [InlineData("""{"dispatching":{"type":"RingInOrder","actions":[{"type":"PlayWelcomePromptAction","enabled":true,"greeting":{"effectiveGreetingType":"Loud","preset":{"id":"66048"}}}]}}""", "dispatching.actions[0].greeting.effectiveGreetingType")]
    public async Task UpdateStateRule_BadDispatching_Returns400AndChangesNothing(string body, string parameter)
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var before = (await dave.GetJsonAsync(WorkHours)).GetRawText();
        var error = await (await dave.SendRawAsync(HttpMethod.Patch, WorkHours, body)).ExpectJsonAsync(400);
        Assert.Equal(parameter, error.GetProperty("errors")[0].GetProperty("parameterName").GetString());
        Assert.Equal(before, (await dave.GetJsonAsync(WorkHours)).GetRawText());
    }

    [Theory]
    [InlineData("""{"enabled":false}""", "enabled")]
    [InlineData("""{"conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Weekly","ranges":{"monday":[{"startTime":"18:00:00","endTime":"08:00:00"}]}}]}}]}""", "conditions[0].schedule.triggers[0].ranges.monday[0].endTime")]
    [InlineData("""{"conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Hourly"}]}}]}""", "conditions[0].schedule.triggers[0].triggerType")]
    public async Task UpdateWorkHoursState_BadInput_Returns400(string body, string parameter)
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var error = await (await dave.SendRawAsync(HttpMethod.Patch, "/restapi/v2/accounts/~/extensions/~/comm-handling/states/work-hours", body)).ExpectJsonAsync(400);
        Assert.Equal(parameter, error.GetProperty("errors")[0].GetProperty("parameterName").GetString());
    }

    [Theory]
    [InlineData("""{"displayName":"x","enabled":true,"conditions":[],"dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"VoiceMailTerminatingTarget"}]}]}}""", "conditions")]
    [InlineData("""{"displayName":"x","enabled":true,"conditions":[{"type":"Interaction","from":[{"phoneNumber":"nope","name":"x"}],"to":[]}],"dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"VoiceMailTerminatingTarget"}]}]}}""", "conditions[0].from[0].phoneNumber")]
    [InlineData("""{"displayName":"x","enabled":true,"conditions":[{"type":"State","state":{"id":"dnd"}}],"dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"VoiceMailTerminatingTarget"}]}]}}""", "conditions[0].state.id")]
    [InlineData("""{"enabled":true,"conditions":[{"type":"State","state":{"id":"work-hours"}}],"dispatching":{"type":"Terminate","actions":[]}}""", "displayName")]
    public async Task CreateInteractionRule_BadInput_Returns400(string body, string parameter)
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var error = await (await dave.SendRawAsync(HttpMethod.Post, Interaction, body)).ExpectJsonAsync(400);
        Assert.Equal(parameter, error.GetProperty("errors")[0].GetProperty("parameterName").GetString());
        Assert.Equal(0, (await dave.GetJsonAsync(Interaction)).GetProperty("records").GetArrayLength());
    }
}
