using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Simulator;

/// <summary>The simulator API as a test drives it, as an administrator of account A (Alice) or B (Dave).</summary>
internal sealed class Sim(HttpClient client)
{
    public const string Base = "/switchboard/v1/account/~/simulator";
    public const string Sessions = "/restapi/v1.0/account/~/telephony/sessions";

    public HttpClient Client { get; } = client;

    public static async Task<Sim> AliceAsync(SwitchboardHost host) => new(await host.ClientAsync());

    public static async Task<Sim> DaveAsync(SwitchboardHost host) => new(await host.ClientAsync("RC_OTHER_ACCOUNT_JWT"));

    public async Task<JsonElement> CallAsync(string from, string to) =>
        await (await Client.PostJsonAsync($"{Base}/calls", new { from, to })).ExpectJsonAsync(201);

    public async Task<JsonElement> SessionAsync(string id) => await Client.GetJsonAsync($"{Sessions}/{id}");

    /// <summary>The status code of the session's party owned by the extension.</summary>
    public async Task<string?> StatusOfAsync(string sessionId, long extensionId) =>
        (await SessionAsync(sessionId)).GetProperty("parties").EnumerateArray()
            .LastOrDefault(p => p.TryGetProperty("extensionId", out var e) && e.GetString() == extensionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            is { ValueKind: JsonValueKind.Object } party ? party.GetProperty("status").GetProperty("code").GetString() : null;

    public async Task<string> PartyOfAsync(string sessionId, long extensionId) =>
        (await SessionAsync(sessionId)).GetProperty("parties").EnumerateArray()
            .Last(p => p.TryGetProperty("extensionId", out var e) && e.GetString() == extensionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .GetProperty("id").GetString()!;

    public async Task<JsonElement> ActAsync(string sessionId, string partyId, string action, object? body = null) =>
        await (await Client.PostJsonAsync($"{Base}/sessions/{sessionId}/parties/{partyId}/{action}", body ?? new { })).ExpectJsonAsync(200);

    public async Task AdvanceAsync(double seconds) =>
        await (await Client.PostJsonAsync("/switchboard/v1/simulator/clock/advance", new { seconds })).ExpectJsonAsync(200);

    /// <summary>Moves the simulated clock forward to an instant (a weekday morning, an evening).</summary>
    public async Task AdvanceToAsync(DateTimeOffset instant) =>
        await (await Client.PostJsonAsync("/switchboard/v1/simulator/clock/advance", new { to = instant.UtcDateTime })).ExpectJsonAsync(200);

    public async Task BehaveAsync(string number, string kind, double afterSeconds = 0) =>
        await (await Client.PutJsonAsync($"{Base}/numbers/{Uri.EscapeDataString(number)}/behaviour", new { kind, afterSeconds })).ExpectJsonAsync(200);

    public async Task<JsonElement> PlanAsync(string from, string to) =>
        await (await Client.PostJsonAsync($"{Base}/plan", new { from, to })).ExpectJsonAsync(200);

    /// <summary>The status codes of one party's events, in sequence order.</summary>
    public async Task<List<string>> EventCodesAsync(string sessionId, string partyId) =>
        [.. (await Client.GetJsonAsync($"{Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body"))
            .Where(b => b.GetProperty("telephonySessionId").GetString() == sessionId && b.GetProperty("parties")[0].GetProperty("id").GetString() == partyId)
            .OrderBy(b => b.GetProperty("sequence").GetInt64())
            .Select(b => b.GetProperty("parties")[0].GetProperty("status").GetProperty("code").GetString()!)];
}
