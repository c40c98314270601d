using System.Text;
using Switchboard.Http;

namespace Switchboard.Subscriptions;

/// <summary>
/// The two requests Switchboard makes to a webhook receiver: the Validation-Token handshake at create
/// and the delivery of a notification. The HttpClient comes from DI so a host can route it elsewhere.
/// </summary>
public sealed class WebhookClient(IHttpClientFactory factory, IConfiguration config)
{
    public const string Name = "webhooks";
    public const string UserAgent = "RingCentral-Webhook/8.3";
    /// <summary>PLATFORM.md 2.4: the receiver must answer within 3000 ms.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(3000);
    private const int MaxHandshakeResponse = 1024;

    public static bool IsValidAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Any address by default (loopback included: this is a local platform). <c>Switchboard:WebhookAllowList</c>, for
    /// production use, lists what is allowed, separated by commas or spaces: host names (<c>hooks.example.com</c>) or
    /// address prefixes (<c>https://hooks.example.com/rc/</c>).
    /// </summary>
    public bool IsAllowed(string address)
    {
        var list = config["Switchboard:WebhookAllowList"];
        if (string.IsNullOrWhiteSpace(list)) return true;
        var host = new Uri(address).Host;
        foreach (var entry in list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var allowed = entry.Contains("://", StringComparison.Ordinal)
                ? address.StartsWith(entry, StringComparison.OrdinalIgnoreCase)
                : host.Equals(entry, StringComparison.OrdinalIgnoreCase);
            if (allowed) return true;
        }
        return false;
    }

    /// <summary>Null when the receiver echoed the token in time; otherwise the platform's error.</summary>
    public async Task<ApiError?> HandshakeAsync(string address, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, address);
        request.Headers.TryAddWithoutValidation("Validation-Token", token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        try
        {
            using var response = await factory.CreateClient(Name).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var echoed = response.Headers.TryGetValues("Validation-Token", out var values) && values.Contains(token);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var headerBytes = response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + h.Value.Sum(v => v.Length + 4));
            return (int)response.StatusCode == 200 && echoed && body.Length + headerBytes <= MaxHandshakeResponse
                ? null
                : Errors.InvalidWebhookResponse(address);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Unreachable or too slow: the platform names the address.
            return Errors.Invalid("deliveryMode.address", address, "The WebHook server did not answer the validation request.");
        }
    }

    /// <summary>Posts one envelope; null when the receiver took it (2xx), otherwise why not (kept as the blacklist reason).</summary>
    public async Task<string?> DeliverAsync(string address, string? verificationToken, string envelope, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(envelope, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (!string.IsNullOrEmpty(verificationToken)) request.Headers.TryAddWithoutValidation("Verification-Token", verificationToken);
        try
        {
            using var response = await factory.CreateClient(Name).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null
                : $"Webhook responses with code: [{(int)response.StatusCode}], reason: [{response.ReasonPhrase}]";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"I/O operation is failed. Details: [{(e is TaskCanceledException ? "Read timed out" : e.Message)}]";
        }
    }
}
