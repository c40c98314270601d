using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchboard.Tests.Subscriptions;

/// <summary>One notification as the receiver got it.</summary>
internal sealed record Delivery(string? UserAgent, string? VerificationToken, string? ContentType, JsonElement Envelope)
{
    public JsonElement Body => Envelope.GetProperty("body");
    public string Event => Envelope.GetProperty("event").GetString()!;
}

/// <summary>
/// A real webhook receiver on 127.0.0.1 (an ephemeral port): answers the Validation-Token handshake
/// (or not), takes notifications (or fails them) and lets a test wait for them without sleeping.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _failures;

    private Receiver(WebApplication app) => _app = app;

    public string Url => _app.Urls.First() + "/hook";

    /// <summary>Whether the handshake echoes the token.</summary>
    public bool Echo { get; set; } = true;

    /// <summary>How many of the next notifications to refuse with 500 (-1: all).</summary>
    public int FailNext { get; set; }

    /// <summary>Notifications accepted, in arrival order.</summary>
    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public int Failures => Volatile.Read(ref _failures);

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request, HttpResponse response)
    {
        if (request.Headers.TryGetValue("Validation-Token", out var token))
        {
            if (Echo) response.Headers["Validation-Token"] = token;
            return Results.Ok();
        }
        var envelope = await JsonDocument.ParseAsync(request.Body);
        if (FailNext != 0)
        {
            if (FailNext > 0) FailNext--;
            Interlocked.Increment(ref _failures);
            _arrived.Release();
            return Results.StatusCode(500);
        }
        _deliveries.Enqueue(new Delivery(request.Headers.UserAgent, request.Headers["Verification-Token"], request.ContentType, envelope.RootElement.Clone()));
        _arrived.Release();
        return Results.Ok();
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> notifications were accepted.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(int count, Action? nudge = null)
    {
        for (var round = 0; _deliveries.Count < count; round++)
        {
            if (round > 200) throw new TimeoutException($"{_deliveries.Count} of {count} notifications arrived");
            nudge?.Invoke();
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(nudge is null ? 10_000 : 100));
        }
        return Deliveries;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> notifications were refused.</summary>
    public async Task WaitForFailuresAsync(int count, Action? nudge = null)
    {
        for (var round = 0; Failures < count; round++)
        {
            if (round > 200) throw new TimeoutException($"{Failures} of {count} failures happened");
            nudge?.Invoke();
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(nudge is null ? 10_000 : 100));
        }
    }

    /// <summary>Waits (bounded) for the next request of any kind; false when none came.</summary>
    public Task<bool> NextAsync(TimeSpan limit) => _arrived.WaitAsync(limit);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
