using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.WebSockets;

/// <summary>A host and the sockets a test opened on it, closed before the host stops.</summary>
public abstract class GatewayTests : IAsyncLifetime
{
    internal const string TokenPath = "/restapi/oauth/wstoken";
    internal const string Subscriptions = "/restapi/v1.0/subscription";
    internal const string MySessions = "/restapi/v1.0/account/~/extension/~/telephony/sessions";
    internal const string AliceSessionsEvent = "/restapi/v1.0/account/11111111/extension/11111111/telephony/sessions";
    internal const string AliceNumber = "+12125550101", Caller = "+16505550000";

    private readonly List<WsClient> _sockets = [];

    internal SwitchboardHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var socket in _sockets) await socket.DisposeAsync();
        Host.Dispose();
    }

    internal static object WebSocketSubscription(params string[] filters) =>
        new { eventFilters = filters, deliveryMode = new { transportType = "WebSocket" } };

    /// <summary>POST /restapi/oauth/wstoken as the clients send it: Bearer, no body.</summary>
    internal static async Task<(string Uri, string Token)> TokenAsync(HttpClient client)
    {
        var info = await (await client.PostAsync(TokenPath, null)).ExpectJsonAsync(200);
        return (info.GetProperty("uri").GetString()!, info.GetProperty("ws_access_token").GetString()!);
    }

    internal async Task<WsClient> ConnectAsync(string uri, string token, string? wsc = null)
    {
        var socket = await WsClient.ConnectAsync(Host, uri, token, wsc);
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>A new wstoken, a socket on it, and its first frame, which must be ConnectionDetails.</summary>
    internal async Task<(WsClient Socket, WsMessage Details)> OpenAsync(HttpClient client, string? wsc = null)
    {
        var (uri, token) = await TokenAsync(client);
        var socket = await ConnectAsync(uri, token, wsc);
        var details = await socket.NextAsync(what: "ConnectionDetails");
        Assert.True(details.Type == "ConnectionDetails", $"The first frame is {details}");
        return (socket, details);
    }

    /// <summary>Subscribes over the socket and returns the subscription's id.</summary>
    internal static async Task<string> SubscribeAsync(WsClient socket, params string[] filters)
    {
        var reply = await socket.RequestAsync("POST", Subscriptions, WebSocketSubscription(filters));
        Assert.True(reply.Status == 200, $"Subscribing answered {reply}");
        return reply.Json.GetProperty("id").GetString()!;
    }

    /// <summary>A call from outside to Alice that nobody answers: it rings, then goes to voicemail.</summary>
    internal static async Task<string> UnansweredCallAsync(Sim sim)
    {
        var id = (await sim.CallAsync(Caller, AliceNumber)).GetProperty("id").GetString()!;
        await sim.AdvanceAsync(120);
        return id;
    }

    /// <summary>The sequences of a call's events, as the simulator's log has them, of the parties that match.</summary>
    internal static async Task<List<long>> SequencesAsync(Sim sim, string sessionId, Func<JsonElement, bool>? party = null) =>
        [.. (await sim.Client.GetJsonAsync($"{Sim.Base}/events?count=1000")).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("body"))
            .Where(b => b.GetProperty("telephonySessionId").GetString() == sessionId && (party is null || party(b.GetProperty("parties")[0])))
            .Select(b => b.GetProperty("sequence").GetInt64())
            .Order()];

    internal static Task<List<long>> AliceSequencesAsync(Sim sim, string sessionId) =>
        SequencesAsync(sim, sessionId, party => party.TryGetProperty("extensionId", out var e) && e.GetString() == "11111111");

    internal static List<long> Sequences(IEnumerable<WsMessage> notifications) =>
        [.. notifications.Select(n => n.Json.GetProperty("body").GetProperty("sequence").GetInt64())];

    internal static async Task<string[]> SubscriptionIdsAsync(HttpClient client) =>
        (await client.GetJsonAsync(Subscriptions)).GetProperty("records").Strings("id");

    /// <summary>The error code of an error body, checking it has what the clients read (CLIENTS.md 4.4).</summary>
    internal static string ErrorCode(WsMessage reply)
    {
        var body = reply.Json;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()), $"No message in {reply}");
        Assert.False(string.IsNullOrEmpty(body.GetProperty("errorCode").GetString()), $"No errorCode in {reply}");
        return body.GetProperty("errors")[0].GetProperty("errorCode").GetString()!;
    }
}
