using System.Globalization;
using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// A host on Tuesday morning (business hours) with Alice (administrator) driving the simulator and
/// Bob (a user) holding his own token; calls come from an outside number. Alice's mobile never
/// answers, so only devices and the API answer.
/// </summary>
internal sealed class CallFixture(SwitchboardHost host, Sim alice, HttpClient bob)
{
    public const long Alice = 11111111, Bob = 11111102;
    public const string AliceNumber = "+12125550101", BobNumber = "+12125550102", SupportNumber = "+12125550120", Caller = "+16505550000";
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);

    public SwitchboardHost Host { get; } = host;
    public Sim Admin { get; } = alice;
    public HttpClient AliceClient => Admin.Client;
    public HttpClient BobClient { get; } = bob;

    public static async Task<CallFixture> StartAsync(SwitchboardHost host)
    {
        var alice = await Sim.AliceAsync(host);
        await alice.AdvanceToAsync(TuesdayMorning);
        await alice.BehaveAsync("+13475550101", "NeverAnswer");
        return new CallFixture(host, alice, await host.ClientAsync("RC_USER2_JWT"));
    }

    /// <summary>An outside caller rings a number; returns the session id and the party of the extension it rings.</summary>
    public async Task<(string Session, string Party)> CallAsync(string number, long extension)
    {
        var id = (await Admin.CallAsync(Caller, number)).GetProperty("id").GetString()!;
        return (id, await Admin.PartyOfAsync(id, extension));
    }

    public static string Party(string session, string party, string action = "") =>
        $"{Sim.Sessions}/{session}/parties/{party}{(action.Length == 0 ? "" : "/" + action)}";

    public static string CallerOf(string session) => $"p-{session[2..]}-1";

    /// <summary>The session's events in the simulator's log, in sequence order, as "p2 Hold" (with " muted", " standAlone" when set).</summary>
    public async Task<string[]> TraceAsync(string session) =>
        [.. (await AliceClient.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body"))
            .Where(b => b.GetProperty("telephonySessionId").GetString() == session)
            .OrderBy(b => b.GetProperty("sequence").GetInt64())
            .Select(b => Short(b.GetProperty("parties")[0]))];

    private static string Short(JsonElement party)
    {
        var id = party.GetProperty("id").GetString()!;
        var status = party.GetProperty("status");
        var reason = status.TryGetProperty("reason", out var r) ? " " + r.GetString() : "";
        return $"p{id[(id.LastIndexOf('-') + 1)..]} {status.GetProperty("code").GetString()}{reason}"
            + (party.GetProperty("muted").GetBoolean() ? " muted" : "") + (party.GetProperty("standAlone").GetBoolean() ? " standAlone" : "");
    }

    public async Task<string?> TelephonyStatusAsync(HttpClient client) =>
        (await client.GetJsonAsync("/restapi/v1.0/account/~/extension/~/presence")).GetProperty("telephonyStatus").GetString();

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
