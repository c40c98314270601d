using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Switchboard.NotifyBench;

/// <summary>The few REST calls the bench makes: log in with a JWT, get a WebSocket token, place and hang up calls.</summary>
internal sealed class Api(HttpClient http, string baseUrl)
{
    private readonly string _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BenchSeed.ClientId}:{BenchSeed.ClientSecret}"));

    /// <summary>A new OAuth session of the user: its access token.</summary>
    public async Task<string> LogInAsync(string jwt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/restapi/oauth/token")
        {
            Content = new FormUrlEncodedContent([
                new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                new("assertion", jwt),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
        using var json = await SendAsync(request);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Where to connect, with the token in the query.</summary>
    public async Task<Uri> WsAddressAsync(string accessToken)
    {
        using var request = Bearer(HttpMethod.Post, "/restapi/oauth/wstoken", accessToken);
        using var json = await SendAsync(request);
        var uri = json.RootElement.GetProperty("uri").GetString()!;
        var token = json.RootElement.GetProperty("ws_access_token").GetString()!;
        return new Uri($"{uri}?access_token={Uri.EscapeDataString(token)}");
    }

    /// <summary>An inbound call from outside to the number: the telephony session id and the caller's party id.</summary>
    public async Task<(string SessionId, string CallerParty)> PlaceCallAsync(string accessToken, string to)
    {
        using var request = Bearer(HttpMethod.Post, "/switchboard/v1/account/~/simulator/calls", accessToken);
        request.Content = JsonContent.Create(new { from = BenchSeed.Caller, to });
        using var json = await SendAsync(request);
        var id = json.RootElement.GetProperty("id").GetString()!;
        // The caller is the party without an extension; hanging it up ends the call.
        var parties = json.RootElement.GetProperty("parties").EnumerateArray().ToList();
        var caller = parties.FirstOrDefault(p => !p.TryGetProperty("extensionId", out _), parties[0]);
        return (id, caller.GetProperty("id").GetString()!);
    }

    /// <summary>Hangs the party up; false when the call had already ended.</summary>
    public async Task<bool> HangUpAsync(string accessToken, string sessionId, string partyId)
    {
        using var request = Bearer(HttpMethod.Post, $"/switchboard/v1/account/~/simulator/sessions/{sessionId}/parties/{partyId}/hangup", accessToken);
        using var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode) return true;
        if ((int)response.StatusCode is 404 or 409) return false;
        throw new HttpRequestException($"{request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The telephony session of each of the engine's recent events in the account (at most 1,000).</summary>
    public async Task<List<string>> RecentEventSessionsAsync(string accessToken)
    {
        using var request = Bearer(HttpMethod.Get, "/switchboard/v1/account/~/simulator/events?count=1000", accessToken);
        using var json = await SendAsync(request);
        return [.. json.RootElement.GetProperty("records").EnumerateArray().Select(e => e.GetProperty("body").GetProperty("telephonySessionId").GetString()!)];
    }

    /// <summary>
    /// How far the engine's clock (which stamps eventTime) is behind this machine's wall clock, in ms: the
    /// median over a few reads, each against the middle of its round trip (the clock is read to the ms, truncated).
    /// </summary>
    public async Task<double> EngineClockLagAsync(string accessToken)
    {
        var lags = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            using var request = Bearer(HttpMethod.Get, "/switchboard/v1/simulator/clock", accessToken);
            var before = DateTime.UtcNow;
            using var json = await SendAsync(request);
            var after = DateTime.UtcNow;
            var engine = json.RootElement.GetProperty("now").GetDateTime().ToUniversalTime();
            lags.Add((before + (after - before) / 2 - engine).TotalMilliseconds - 0.5);
        }
        lags.Sort();
        return lags[lags.Count / 2];
    }

    private HttpRequestMessage Bearer(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, baseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{request.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }
}
