using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallHandling;

/// <summary>v1 answering rules (seed 001) on an account with the old call handling.</summary>
public sealed class AnsweringRuleApiTests : IDisposable
{
    private const string Rules = "/restapi/v1.0/account/~/extension/~/answering-rule";
    private const string Business = Rules + "/business-hours-rule";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<List<JsonElement>> ForwardingNumbersAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number")).GetProperty("records").EnumerateArray()];

    [Fact]
    public async Task ListAnsweringRules_Defaults_BusinessAndAfterHours()
    {
        var alice = await _host.ClientAsync();
        var list = await alice.GetJsonAsync(Rules);
        Assert.Equal(["business-hours-rule", "after-hours-rule"], list.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var rule = await alice.GetJsonAsync(Business);
        Assert.Equal("BusinessHours", rule.GetProperty("type").GetString());
        Assert.Equal("BusinessHours", rule.GetProperty("schedule").GetProperty("ref").GetString());
        Assert.Equal("ForwardCalls", rule.GetProperty("callHandlingAction").GetString());
        Assert.Equal("Sequentially", rule.GetProperty("forwarding").GetProperty("ringingMode").GetString());
        Assert.True(rule.GetProperty("voicemail").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task UpdateBusinessHoursRule_Seed001Forwarding_ShowsNumbersInOrder()
    {
        var alice = await _host.ClientAsync();
        var numbers = await ForwardingNumbersAsync(alice);
        var ids = numbers.Select(n => n.GetProperty("id").GetString()!).ToArray();
        var body = new
        {
            callHandlingAction = "ForwardCalls",
            forwarding = new
            {
                notifyMySoftPhones = true, notifyAdminSoftPhones = false, softPhonesRingCount = 1, ringingMode = "Sequentially",
                rules = ids.Select((id, i) => new { index = i + 1, ringCount = 4 * (i + 1), forwardingNumbers = new[] { new { id } } }).ToArray(),
            },
            screening = "Never",
        };
        // "Never" is in seed 001's example but not in the spec's enum: refused, and nothing changed.
        var refused = await (await alice.PutJsonAsync(Business, body)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("screening", refused.GetProperty("parameterName").GetString());
        var updated = await (await alice.PutJsonAsync(Business, body with { screening = "Off" })).ExpectJsonAsync(200);
        var rules = updated.GetProperty("forwarding").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(ids, rules.Select(r => r.GetProperty("forwardingNumbers")[0].GetProperty("id").GetString()));
        Assert.Equal([4, 8, 12], rules.Select(r => r.GetProperty("ringCount").GetInt32()));
        Assert.Equal(updated.GetRawText(), (await alice.GetJsonAsync(Business)).GetRawText());

        // Seed 001: changing a forwarding number's phone number changes it in every rule.
        var mobile = numbers.First(n => n.GetProperty("type").GetString() != "PhoneLine").GetProperty("id").GetString();
        await (await alice.PutJsonAsync($"/restapi/v1.0/account/~/extension/~/forwarding-number/{mobile}", new { phoneNumber = "+16505551212" })).ExpectJsonAsync(200);
        var after = await alice.GetJsonAsync(Business);
        Assert.Contains(after.GetProperty("forwarding").GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("forwardingNumbers")[0].GetProperty("phoneNumber").GetString() == "+16505551212");
    }
}
