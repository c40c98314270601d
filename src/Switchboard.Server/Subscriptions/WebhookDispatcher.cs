using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Subscriptions;

/// <summary>
/// Posts the outbox to the webhook receivers. One pass delivers, per subscription in outbox order,
/// every notification that is due, and stops at the first failure so the order is kept. A failed
/// notification is retried with back-off; a subscription failing for 10 minutes is blacklisted, and
/// reactivated by the reconciliation every 15 minutes once its address answers the handshake again.
/// Waiting is a timer of the injected TimeProvider, so a test moves the clock instead of waiting.
/// </summary>
public sealed class WebhookDispatcher(Database database, WebhookClient client, Subscribers subscribers, TimeProvider time, ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    /// <summary>PLATFORM.md 2.4 (RingCentral staff): a URL failing for 10 minutes gets the subscription blacklisted...</summary>
    public static readonly TimeSpan BlacklistAfter = TimeSpan.FromMinutes(10);
    /// <summary>...and a reconciliation every 15 minutes reactivates it if the URL has become valid.</summary>
    public static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(15);
    private const int Batch = 500;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>The wait before the n-th retry: 5 s doubling up to 5 minutes (the platform does not publish its schedule).</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>New notifications are in the outbox: run a pass now.</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* a pass is already due */ }
    }

    protected override Task ExecuteAsync(CancellationToken ct) => Task.WhenAll(DeliverLoopAsync(ct), ReconcileLoopAsync(ct));

    private async Task ReconcileLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ReconcileEvery, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await ReconcileAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Webhook reconciliation failed");
            }
        }
    }

    /// <summary>Blacklisted subscriptions whose receiver answers the Validation-Token handshake again become Active.</summary>
    public async Task ReconcileAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        var blacklisted = await db.Subscriptions
            .Where(s => s.Status == SubscriptionStatus.Blacklisted && s.ExpiresAt > now && s.Address != null).ToListAsync(ct);
        var reactivated = 0;
        foreach (var s in blacklisted)
        {
            if (await client.HandshakeAsync(s.Address!, ct) is not null) continue;
            (s.Status, s.BlacklistedAt, s.BlacklistReason, s.FailingSince) = (SubscriptionStatus.Active, null, null, null);
            reactivated++;
            log.LogInformation("Subscription {Id} reactivated: its address answers again", s.Id);
        }
        if (reactivated == 0) return;
        await db.SaveChangesAsync(ct);
        subscribers.Invalidate();
    }

    private async Task DeliverLoopAsync(CancellationToken ct)
    {
        using var timer = time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Wake(); // deliver what was pending before a restart
        while (!ct.IsCancellationRequested)
        {
            await _wake.WaitAsync(ct);
            DateTime? next;
            try
            {
                next = await RunOnceAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Webhook delivery pass failed");
                next = time.GetUtcNow().UtcDateTime + Backoff(1);
            }
            var wait = next is { } due ? due - time.GetUtcNow().UtcDateTime : Timeout.InfiniteTimeSpan;
            timer.Change(next is null ? Timeout.InfiniteTimeSpan : wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One pass; returns when the next one is due (null: nothing pending).</summary>
    public async Task<DateTime?> RunOnceAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var pending = await db.PendingNotifications.OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
        var ids = pending.Select(n => n.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Subscriptions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var queue in pending.GroupBy(n => n.SubscriptionId))
        {
            if (!subscriptions.TryGetValue(queue.Key, out var subscription)) continue;
            await DeliverAsync(db, subscription, [.. queue], ct);
        }
        if (pending.Count == Batch) return time.GetUtcNow().UtcDateTime;
        return await db.PendingNotifications.MinAsync(n => (DateTime?)n.NextAttemptAt, ct);
    }

    private async Task DeliverAsync(SwitchboardDb db, Subscription subscription, List<PendingNotification> queue, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (subscription.Status != SubscriptionStatus.Active || subscription.ExpiresAt <= now || subscription.Address is null)
        {
            db.PendingNotifications.RemoveRange(queue);
            await db.SaveChangesAsync(ct);
            return;
        }
        foreach (var notification in queue)
        {
            if (notification.NextAttemptAt > now) return;
            var failure = await client.DeliverAsync(subscription.Address, subscription.VerificationToken, notification.Envelope, ct);
            now = time.GetUtcNow().UtcDateTime;
            if (failure is null)
            {
                db.PendingNotifications.Remove(notification);
                subscription.FailingSince = null;
                await db.SaveChangesAsync(ct);
                continue;
            }
            notification.Attempts++;
            subscription.FailingSince ??= now;
            if (now - subscription.FailingSince >= BlacklistAfter)
            {
                subscription.Status = SubscriptionStatus.Blacklisted;
                subscription.BlacklistedAt = now;
                subscription.BlacklistReason = failure;
                // What was delivered is gone already; the rest will never be.
                db.PendingNotifications.RemoveRange(queue.SkipWhile(n => n != notification));
                log.LogWarning("Subscription {Id} blacklisted: {Reason}", subscription.Id, failure);
            }
            else notification.NextAttemptAt = now + Backoff(notification.Attempts);
            await db.SaveChangesAsync(ct);
            if (subscription.Status == SubscriptionStatus.Blacklisted) subscribers.Invalidate();
            return;
        }
    }
}
