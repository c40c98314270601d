using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Presence;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Subscriptions;

/// <summary>The notification envelope (PLATFORM.md 2.7), the same for every transport.</summary>
public sealed record Envelope(string Uuid, string Event, DateTime Timestamp, string SubscriptionId, string OwnerId, object Body);

/// <summary>
/// Turns the engine's events into notifications: subscribes once at start-up, and for each event writes
/// one envelope per matching subscription to the outbox, then wakes the dispatcher. The engine's
/// handler only queues (it runs on the call's writer and must not block); one reader keeps the order.
/// </summary>
public sealed class NotificationHub(ICallEngine engine, Database database, WebhookDispatcher dispatcher, TimeProvider time, ILogger<NotificationHub> log)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Options = JsonOptions();
    private readonly Channel<TelephonyEvent> _events = Channel.CreateUnbounded<TelephonyEvent>(new() { SingleReader = true });
    // The last telephony status sent per extension, and each extension's presence sequence.
    private readonly ConcurrentDictionary<long, string> _telephonyStatus = new();
    private readonly ConcurrentDictionary<long, long> _presenceSequence = new();
    private IDisposable? _subscription;
    // The accounts with a live subscription; null when a subscription changed and the set must be reloaded.
    // Lets the engine's handler drop the events nobody subscribed to without touching the database.
    private volatile HashSet<long>? _subscribed;

    public override Task StartAsync(CancellationToken ct)
    {
        _subscription = engine.Subscribe(e =>
        {
            if (_subscribed is { } accounts && !accounts.Contains(e.Party.AccountId ?? e.AccountId)) return;
            _events.Writer.TryWrite(e);
        });
        return base.StartAsync(ct);
    }

    /// <summary>A subscription was created, changed or deleted: the next event reloads who is subscribed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _subscribed = null;
    }

    private int _version;

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
                if (await WriteAsync(e, ct) > 0) dispatcher.Wake();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Notifications for event {Sequence} of {Session} were not written", e.Sequence, e.TelephonySessionId);
            }
        }
    }

    private async Task<int> WriteAsync(TelephonyEvent e, CancellationToken ct)
    {
        var account = e.Party.AccountId ?? e.AccountId;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        if (_subscribed is null)
        {
            var version = Volatile.Read(ref _version);
            HashSet<long> accounts = [.. await db.Subscriptions.Where(s => s.Status == SubscriptionStatus.Active).Select(s => s.AccountId).Distinct().ToListAsync(ct)];
            // A change committed while this was read may be missing from it: then the next event reloads.
            _subscribed = accounts;
            if (Volatile.Read(ref _version) != version) _subscribed = null;
        }
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.AccountId == account && s.Status == SubscriptionStatus.Active && s.ExpiresAt > now).ToListAsync(ct);
        if (subscriptions.Count == 0) return 0;

        var telephonyBody = TelephonyEvents.Body(e);
        var presence = await PresenceChangeAsync(db, e, ct);
        foreach (var s in subscriptions)
        {
            var filters = SubscriptionViews.Filters(s).Select(f => EventFilter.Parse(f, s.AccountId, s.ExtensionId)).OfType<EventFilter>().ToList();
            if (filters.FirstOrDefault(f => f.Matches(e)) is { } telephony)
                Add(db, s, telephony.Path, telephonyBody, now);
            if (presence is { } p && filters.FirstOrDefault(f => f.Kind == FilterKind.AccountPresence || (f.Kind == FilterKind.ExtensionPresence && f.ExtensionId == p.Info.Extension.Id)) is { } presenceFilter)
                Add(db, s, PresenceEvents.ExtensionPath(account, p.Info.Extension.Id), PresenceEvents.Body(p.Info, p.Sequence, presenceFilter, s.ExtensionId), now);
        }
        return await db.SaveChangesAsync(ct);
    }

    /// <summary>The party's extension presence, when this event changed its telephony status.</summary>
    private async Task<(PresenceInfo Info, long Sequence)?> PresenceChangeAsync(SwitchboardDb db, TelephonyEvent e, CancellationToken ct)
    {
        if (e.Party.ExtensionId is not { } id) return null;
        // Read when the event is handled, so a later change of the same call may already show.
        var status = PresenceViews.TelephonyStatus(engine.ActiveCalls(id));
        if (_telephonyStatus.GetValueOrDefault(id, "NoCall") == status) return null;
        _telephonyStatus[id] = status;
        var extension = await db.Extensions.AsNoTracking().Include(x => x.Account).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (extension is null) return null;
        var info = await PresenceApi.DescribeAsync(db, engine, extension, detailed: true, sip: true, new Links(""), ct);
        return (info with { TelephonyStatus = status }, _presenceSequence.AddOrUpdate(id, 1, (_, n) => n + 1));
    }

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions();
        Json.Configure(options);
        return options;
    }

    private static void Add(SwitchboardDb db, Subscription s, string path, object body, DateTime now)
    {
        var envelope = new Envelope(Guid.NewGuid().ToString(), path, now, s.Id, s.ExtensionId.ToString(CultureInfo.InvariantCulture), body);
        db.PendingNotifications.Add(new PendingNotification
        {
            SubscriptionId = s.Id,
            Envelope = JsonSerializer.Serialize(envelope, Options),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
