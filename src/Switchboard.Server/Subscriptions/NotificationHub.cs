using System.Buffers;
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

/// <summary>ExtensionListEventBody / ExtensionInfoEventBody (hints only on updates).</summary>
public sealed record ExtensionEventBody(string ExtensionId, string EventType, IReadOnlyList<string>? Hints, string OwnerId);

/// <summary>The body of a renewal reminder: how long the subscription has left.</summary>
public sealed record RenewalReminderBody(string SubscriptionId, DateTime ExpirationTime, int ExpiresIn);

public enum ExtensionChange { Create, Update, Delete }

/// <summary>
/// Turns what happens into notifications: the engine's call events, presence and extension changes made
/// through the API, and renewal reminders. For each, it sends one envelope per matching subscription, to
/// its WebSocket session at once, or to the webhook outbox. Producers only queue (the engine's handler
/// runs on the call's writer and must not block); one reader keeps the order.
/// </summary>
public sealed class NotificationHub(
    ICallEngine engine, Database database, Subscribers subscribers, WsGateway gateway, WebhookDispatcher dispatcher, TimeProvider time, ILogger<NotificationHub> log)
    : BackgroundService
{
    /// <summary>How often renewal reminders are considered; a reminder interval is at least this coarse.</summary>
    public static readonly TimeSpan ReminderCheck = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Options = JsonOptions();

    private abstract record Work(long AccountId);
    private sealed record CallEvent(TelephonyEvent Event) : Work(Event.Party.AccountId ?? Event.AccountId);
    private sealed record PresenceEvent(long AccountId, long ExtensionId) : Work(AccountId);
    private sealed record ExtensionEvent(long AccountId, long ExtensionId, ExtensionChange Change, IReadOnlyList<string>? Hints) : Work(AccountId);
    private sealed record Reminders() : Work(0);

    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new() { SingleReader = true });
    // The last telephony status sent per extension, and each extension's presence sequence.
    private readonly ConcurrentDictionary<long, string> _telephonyStatus = new();
    private readonly ConcurrentDictionary<long, long> _presenceSequence = new();
    // When each subscription was last reminded to renew (reader only).
    private readonly Dictionary<string, DateTime> _reminded = [];
    private IDisposable? _subscription;

    public override Task StartAsync(CancellationToken ct)
    {
        // Events of accounts nobody subscribed to are dropped here, without touching the database.
        _subscription = engine.Subscribe(e =>
        {
            if (subscribers.MayWant(e.Party.AccountId ?? e.AccountId)) _work.Writer.TryWrite(new CallEvent(e));
        });
        return base.StartAsync(ct);
    }

    public override Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return base.StopAsync(ct);
    }

    /// <summary>The user's presence settings changed (PUT presence, the dnd state).</summary>
    public void PresenceChanged(long accountId, long extensionId)
    {
        if (subscribers.MayWant(accountId)) _work.Writer.TryWrite(new PresenceEvent(accountId, extensionId));
    }

    /// <summary>An extension was created, changed (with what, as the spec's hints) or deleted.</summary>
    public void ExtensionChanged(long accountId, long extensionId, ExtensionChange change, IReadOnlyList<string>? hints = null)
    {
        if (subscribers.MayWant(accountId)) _work.Writer.TryWrite(new ExtensionEvent(accountId, extensionId, change, hints));
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var reminders = time.CreateTimer(_ => _work.Writer.TryWrite(new Reminders()), null, ReminderCheck, ReminderCheck);
        await foreach (var work in _work.Reader.ReadAllAsync(ct))
        {
            try
            {
                var outbox = new List<PendingNotification>();
                var now = time.GetUtcNow().UtcDateTime;
                if (work is Reminders) await RemindAsync(now, outbox, ct);
                else if ((await subscribers.OfAccountAsync(work.AccountId, ct)).Where(s => s.ExpiresAt > now).ToList() is { Count: > 0 } live)
                {
                    switch (work)
                    {
                        case CallEvent call: await CallAsync(call.Event, live, now, outbox, ct); break;
                        case PresenceEvent presence: await PresenceAsync(presence.AccountId, presence.ExtensionId, null, live, now, outbox, ct); break;
                        case ExtensionEvent extension: Extension(extension, live, now, outbox); break;
                    }
                }
                if (outbox.Count == 0) continue;
                await using var db = database.CreateContext();
                db.PendingNotifications.AddRange(outbox);
                await db.SaveChangesAsync(ct);
                dispatcher.Wake();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Notifications for {Work} were not sent", work);
            }
        }
    }

    private async Task CallAsync(TelephonyEvent e, List<Subscriber> live, DateTime now, List<PendingNotification> outbox, CancellationToken ct)
    {
        byte[]? body = null; // the same for every subscriber: serialized once
        foreach (var s in live)
        {
            if (s.Filters.FirstOrDefault(f => f.Matches(e)) is { } filter)
                Send(s, filter.Text, body ??= JsonSerializer.SerializeToUtf8Bytes(TelephonyEvents.Body(e), Options), now, outbox);
        }
        if (e.Party.ExtensionId is { } extension && TelephonyStatusChanged(extension) is { } status)
            await PresenceAsync(e.Party.AccountId ?? e.AccountId, extension, status, live, now, outbox, ct);
    }

    /// <summary>The extension's presence to those watching it; <paramref name="status"/> is the telephony status that just changed, if any.</summary>
    private async Task PresenceAsync(long account, long extension, string? status, List<Subscriber> live, DateTime now, List<PendingNotification> outbox, CancellationToken ct)
    {
        var watching = live
            .Select(s => (Subscriber: s, Filter: s.Filters.FirstOrDefault(f =>
                f.Kind == FilterKind.AccountPresence || (f.Kind == FilterKind.ExtensionPresence && f.ExtensionId == extension))))
            .Where(w => w.Filter is not null).ToList();
        if (watching.Count == 0 || await ReadPresenceAsync(extension, ct) is not { } presence) return;
        if (status is not null) presence = presence with { TelephonyStatus = status };
        var sequence = _presenceSequence.AddOrUpdate(extension, 1, (_, n) => n + 1);
        foreach (var (s, filter) in watching)
            Send(s, PresenceEvents.ExtensionPath(account, extension) + filter!.Query, PresenceEvents.Body(presence, sequence, filter, s.ExtensionId), now, outbox);
    }

    private void Extension(ExtensionEvent e, List<Subscriber> live, DateTime now, List<PendingNotification> outbox)
    {
        foreach (var s in live)
        {
            var owner = s.ExtensionId.ToString(CultureInfo.InvariantCulture);
            var id = e.ExtensionId.ToString(CultureInfo.InvariantCulture);
            if (s.Filters.FirstOrDefault(f => f.Kind == FilterKind.ExtensionList && f.AccountId == e.AccountId) is { } list)
                Send(s, list.Path, new ExtensionEventBody(id, e.Change.ToString(), null, owner), now, outbox);
            // Info subscribers hear of changes and deletion only: their extension existed before.
            if (e.Change != ExtensionChange.Create
                && s.Filters.FirstOrDefault(f => f.Kind == FilterKind.ExtensionInfo && f.ExtensionId == e.ExtensionId) is { } info)
                Send(s, info.Path, new ExtensionEventBody(id, e.Change.ToString(), e.Change == ExtensionChange.Update ? e.Hints : null, owner), now, outbox);
        }
    }

    /// <summary>
    /// Each subscription with a reminder filter whose expiry is within its threshold hears of it once per interval,
    /// until it is renewed (which moves the expiry out of the threshold) or expires.
    /// </summary>
    private async Task RemindAsync(DateTime now, List<PendingNotification> outbox, CancellationToken ct)
    {
        foreach (var s in await subscribers.AllAsync(ct))
        {
            if (s.Filters.FirstOrDefault(f => f.Kind == FilterKind.RenewalReminder) is not { } reminder) continue;
            var threshold = TimeSpan.FromSeconds(reminder.Number("threshold")!.Value);
            var interval = TimeSpan.FromSeconds(reminder.Number("interval")!.Value);
            if (now >= s.ExpiresAt || now < s.ExpiresAt - threshold)
            {
                _reminded.Remove(s.Id);
                continue;
            }
            if (_reminded.TryGetValue(s.Id, out var last) && now - last < interval) continue;
            _reminded[s.Id] = now;
            Send(s, $"/restapi/v1.0/subscription/{s.Id}", new RenewalReminderBody(s.Id, s.ExpiresAt, (int)(s.ExpiresAt - now).TotalSeconds), now, outbox);
        }
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

    private async Task<PresenceInfo?> ReadPresenceAsync(long id, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var extension = await db.Extensions.AsNoTracking().Include(x => x.Account).FirstOrDefaultAsync(x => x.Id == id, ct);
        return extension is null ? null : await PresenceApi.DescribeAsync(db, engine, extension, detailed: true, sip: true, new Links(""), ct);
    }

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions();
        Json.Configure(options);
        return options;
    }

    private void Send(Subscriber s, string path, object body, DateTime now, List<PendingNotification> outbox) =>
        Send(s, path, JsonSerializer.SerializeToUtf8Bytes(body, Options), now, outbox);

    /// <summary>A WebSocket subscriber gets the envelope now; a webhook's goes to the outbox, written before any attempt.</summary>
    private void Send(Subscriber s, string path, byte[] body, DateTime now, List<PendingNotification> outbox)
    {
        var envelope = Envelope(s, path, body, now);
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

    // The envelope's timestamp, formatted once for all the subscribers of an event (the reader is one thread).
    private DateTime _stampedAt;
    private string _stamp = "";

    private string Timestamp(DateTime now)
    {
        if (now != _stampedAt) (_stampedAt, _stamp) = (now, Json.Timestamp(now));
        return _stamp;
    }

    /// <summary>The notification envelope (PLATFORM.md 2.7), the same for every transport, around a body already in JSON.</summary>
    private byte[] Envelope(Subscriber s, string path, byte[] body, DateTime now)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("uuid", Uuids.NewGuid());
            json.WriteString("event", path);
            json.WriteString("timestamp", Timestamp(now));
            json.WriteString("subscriptionId", s.Id);
            json.WriteString("ownerId", s.ExtensionId.ToString(CultureInfo.InvariantCulture));
            json.WritePropertyName("body");
            json.WriteRawValue(body, skipInputValidation: true);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
