using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Presence;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;
using Switchboard.WebSockets;

namespace Switchboard.Subscriptions;

/// <summary>The notification envelope (PLATFORM.md 2.7), the same for every transport.</summary>
public sealed record Envelope(string Uuid, string Event, DateTime Timestamp, string SubscriptionId, string OwnerId, object Body);

/// <summary>
/// Turns the engine's events into notifications: subscribes once at start-up, and for each event sends one
/// envelope per matching subscription, to its WebSocket session at once, or to the webhook outbox. The
/// engine's handler only queues (it runs on the call's writer and must not block); one reader keeps the order.
/// </summary>
public sealed class NotificationHub(
    ICallEngine engine, Database database, Subscribers subscribers, WsGateway gateway, WebhookDispatcher dispatcher, TimeProvider time, ILogger<NotificationHub> log)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Options = JsonOptions();
    private readonly Channel<TelephonyEvent> _events = Channel.CreateUnbounded<TelephonyEvent>(new() { SingleReader = true });
    // The last telephony status sent per extension, and each extension's presence sequence.
    private readonly ConcurrentDictionary<long, string> _telephonyStatus = new();
    private readonly ConcurrentDictionary<long, long> _presenceSequence = new();
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken ct)
    {
        // Events of accounts nobody subscribed to are dropped here, without touching the database.
        _subscription = engine.Subscribe(e =>
        {
            if (subscribers.MayWant(e.Party.AccountId ?? e.AccountId)) _events.Writer.TryWrite(e);
        });
        return base.StartAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return base.StopAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await foreach (var e in _events.Reader.ReadAllAsync(ct))
        {
            try
            {
                await HandleAsync(e, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Notifications for event {Sequence} of {Session} were not sent", e.Sequence, e.TelephonySessionId);
            }
        }
    }

    private async Task HandleAsync(TelephonyEvent e, CancellationToken ct)
    {
        var account = e.Party.AccountId ?? e.AccountId;
        var all = await subscribers.OfAccountAsync(account, ct);
        if (all.Count == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        var outbox = new List<PendingNotification>();

        TelephonySessionEventBody? telephonyBody = null;
        foreach (var s in all)
        {
            if (s.ExpiresAt > now && s.Filters.FirstOrDefault(f => f.Matches(e)) is { } filter)
                Send(s, filter.Path, telephonyBody ??= TelephonyEvents.Body(e), now, outbox);
        }

        if (e.Party.ExtensionId is { } extension && TelephonyStatusChanged(extension) is { } status)
        {
            var watching = all.Where(s => s.ExpiresAt > now).Select(s => (Subscriber: s, Filter: s.Filters.FirstOrDefault(f =>
                f.Kind == FilterKind.AccountPresence || (f.Kind == FilterKind.ExtensionPresence && f.ExtensionId == extension)))).Where(w => w.Filter is not null).ToList();
            if (watching.Count > 0 && await PresenceAsync(extension, status, ct) is { } presence)
            {
                var sequence = _presenceSequence.AddOrUpdate(extension, 1, (_, n) => n + 1);
                foreach (var (s, filter) in watching)
                    Send(s, PresenceEvents.ExtensionPath(account, extension), PresenceEvents.Body(presence, sequence, filter!, s.ExtensionId), now, outbox);
            }
        }

        if (outbox.Count == 0) return;
        await using var db = database.CreateContext();
        db.PendingNotifications.AddRange(outbox);
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
    }

    /// <summary>The extension's telephony status when this event changed it, otherwise null.</summary>
    private string? TelephonyStatusChanged(long extension)
    {
        // Read when the event is handled, so a later change of the same call may already show.
        var status = PresenceViews.TelephonyStatus(engine.ActiveCalls(extension));
        if (_telephonyStatus.GetValueOrDefault(extension, "NoCall") == status) return null;
        _telephonyStatus[extension] = status;
        return status;
    }

    private async Task<PresenceInfo?> PresenceAsync(long id, string status, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var extension = await db.Extensions.AsNoTracking().Include(x => x.Account).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (extension is null) return null;
        var info = await PresenceApi.DescribeAsync(db, engine, extension, detailed: true, sip: true, new Links(""), ct);
        return info with { TelephonyStatus = status };
    }

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions();
        Json.Configure(options);
        return options;
    }

    /// <summary>A WebSocket subscriber gets the envelope now; a webhook's goes to the outbox, written before any attempt.</summary>
    private void Send(Subscriber s, string path, object body, DateTime now, List<PendingNotification> outbox)
    {
        var envelope = JsonSerializer.SerializeToUtf8Bytes(
            new Envelope(Guid.NewGuid().ToString(), path, now, s.Id, s.ExtensionId.ToString(CultureInfo.InvariantCulture), body), Options);
        if (s.WebSocket)
        {
            gateway.Deliver(s.Id, envelope);
            return;
        }
        outbox.Add(new PendingNotification
        {
            SubscriptionId = s.Id,
            Envelope = Encoding.UTF8.GetString(envelope),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
