using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Hosting;

/// <summary>
/// <c>switchboard sim ...</c>: the simulator API of a running server, from the command line. It signs
/// in as the .env file's RC_USER_JWT (an administrator in the demo) with its app, as the SDK samples do.
/// </summary>
public static class SimulatorCli
{
    public const string Usage = """
        switchboard sim call FROM TO                  an outside number FROM calls TO, a number of the account
        switchboard sim dial EXTENSION_ID TO [DEVICE_ID]
                                                      a device of the extension calls an extension number or an outside number,
                                                      or joins a conference by its voiceCallToken (conf_...)
        switchboard sim answer SESSION PARTY [DEVICE_ID]
        switchboard sim decline SESSION PARTY
        switchboard sim hangup SESSION PARTY
        switchboard sim digits SESSION PARTY DIGITS
        switchboard sim calls                         live calls of the account
        switchboard sim events [COUNT]                the latest telephony events
        switchboard sim plan FROM TO [AT]             how a call would be routed, and why (AT: an ISO instant)
        switchboard sim behaviour NUMBER|device:ID [KIND [SECONDS]]
                                                      read or set how an outside number or a device reacts when it rings
                                                      (KIND: AnswerAfter, NeverAnswer, Busy, Reject, Default)
        switchboard sim clock [real | scaled FACTOR | manual]
        switchboard sim advance SECONDS               move a manual clock forward
          --env-file FILE   the .env to read (default: ./.env); RC_SERVER_URL says where the server is
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var envPath = "./.env";
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--env-file" && i + 1 < args.Length) envPath = args[++i];
            else words.Add(args[i]);
        }
        (HttpMethod, string, JsonObject?)? request;
        try { request = Request(words); }
        catch (FormatException) { request = null; } // a number that is not one
        if (request is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (!File.Exists(envPath))
        {
            Console.Error.WriteLine($"{envPath} not found: start the server once (it writes .env), or pass --env-file.");
            return 2;
        }
        var env = File.ReadAllLines(envPath).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        string Var(string name) => env.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{envPath} has no {name}.");

        using var http = new HttpClient { BaseAddress = new Uri(Var("RC_SERVER_URL")) };
        var login = new HttpRequestMessage(HttpMethod.Post, "/restapi/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = Var("RC_USER_JWT"),
            }),
        };
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Var("RC_APP_CLIENT_ID")}:{Var("RC_APP_CLIENT_SECRET")}")));
        login.Headers.Authorization = basic;
        var token = await http.SendAsync(login);
        if (!token.IsSuccessStatusCode) return await PrintAsync(token);
        var accessToken = JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        var (method, path, body) = request.Value;
        var message = new HttpRequestMessage(method, path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var exit = await PrintAsync(await http.SendAsync(message));

        // One command, one session: left open, it would count against the user's five sessions per app and
        // end the oldest, which may be the developer's own app signed in with the same .env.
        var revoke = new HttpRequestMessage(HttpMethod.Post, "/restapi/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = accessToken }),
        };
        revoke.Headers.Authorization = basic;
        await http.SendAsync(revoke);
        return exit;
    }

    private static async Task<int> PrintAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { text = JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }); }
        catch (JsonException) { }
        (response.IsSuccessStatusCode ? Console.Out : Console.Error).WriteLine(text.Length > 0 ? text : $"{(int)response.StatusCode}");
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    /// <summary>The HTTP request a command line stands for, or null when it is not one.</summary>
    internal static (HttpMethod Method, string Path, JsonObject? Body)? Request(IReadOnlyList<string> w)
    {
        const string sim = "/switchboard/v1/account/~/simulator";
        string Party(string action) => $"{sim}/sessions/{Uri.EscapeDataString(w[1])}/parties/{Uri.EscapeDataString(w[2])}/{action}";
        return (w.Count > 0 ? w[0] : "", w.Count) switch
        {
            ("call", 3) => (HttpMethod.Post, $"{sim}/calls", new JsonObject { ["from"] = w[1], ["to"] = w[2] }),
            ("dial", 3 or 4) => (HttpMethod.Post, $"{sim}/device-calls", new JsonObject { ["extensionId"] = w[1], ["to"] = w[2], ["deviceId"] = w.Count == 4 ? w[3] : null }),
            ("answer", 3 or 4) => (HttpMethod.Post, Party("answer"), new JsonObject { ["deviceId"] = w.Count == 4 ? w[3] : null }),
            ("decline", 3) => (HttpMethod.Post, Party("decline"), null),
            ("hangup", 3) => (HttpMethod.Post, Party("hangup"), null),
            ("digits", 4) => (HttpMethod.Post, Party("digits"), new JsonObject { ["digits"] = w[3] }),
            ("calls", 1) => (HttpMethod.Get, $"{sim}/sessions", null),
            ("events", 1 or 2) => (HttpMethod.Get, $"{sim}/events" + (w.Count == 2 ? $"?count={Uri.EscapeDataString(w[1])}" : ""), null),
            ("plan", 3 or 4) => (HttpMethod.Post, $"{sim}/plan", new JsonObject { ["from"] = w[1], ["to"] = w[2], ["at"] = w.Count == 4 ? w[3] : null }),
            ("behaviour", 2) => (HttpMethod.Get, BehaviourPath(sim, w[1]), null),
            ("behaviour", 3 or 4) => (HttpMethod.Put, BehaviourPath(sim, w[1]), new JsonObject { ["kind"] = w[2], ["afterSeconds"] = w.Count == 4 ? double.Parse(w[3], System.Globalization.CultureInfo.InvariantCulture) : null }),
            ("clock", 1) => (HttpMethod.Get, "/switchboard/v1/simulator/clock", null),
            ("clock", 2 or 3) => (HttpMethod.Put, "/switchboard/v1/simulator/clock", new JsonObject { ["mode"] = ClockMode(w[1]), ["factor"] = w.Count == 3 ? double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture) : null }),
            ("advance", 2) => (HttpMethod.Post, "/switchboard/v1/simulator/clock/advance", new JsonObject { ["seconds"] = double.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture) }),
            _ => null,
        };
    }

    private static string ClockMode(string word) => word switch
    {
        "real" => "RealTime",
        "scaled" => "Scaled",
        "manual" => "Manual",
        _ => word,
    };

    private static string BehaviourPath(string sim, string target) => target.StartsWith("device:", StringComparison.Ordinal)
        ? $"{sim}/devices/{Uri.EscapeDataString(target[7..])}/behaviour"
        : $"{sim}/numbers/{Uri.EscapeDataString(target)}/behaviour";
}
