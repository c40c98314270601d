using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Subscriptions;

/// <summary>A live subscription as the notification hub matches events against it: its filters parsed once.</summary>
public sealed record Subscriber(string Id, long AccountId, long ExtensionId, bool WebSocket, DateTime ExpiresAt, IReadOnlyList<EventFilter> Filters);

/// <summary>
/// Every active subscription, by account, read from the database once and again only after a change, so
/// matching an event costs no query. Whoever changes a subscription calls <see cref="Invalidate"/>.
/// </summary>
public sealed class Subscribers(Database database)
{
    private static readonly IReadOnlyList<Subscriber> None = [];
    private readonly Lock _gate = new();
    private volatile Dictionary<long, Subscriber[]>? _byAccount;
    private int _version;

    /// <summary>A subscription was created, changed or deleted: the next lookup reloads.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _byAccount = null;
        }
    }

    /// <summary>Whether anyone may be subscribed to the account's events (true while the cache is being reloaded).</summary>
    public bool MayWant(long accountId) => _byAccount is not { } cache || cache.ContainsKey(accountId);

    public async ValueTask<IReadOnlyList<Subscriber>> OfAccountAsync(long accountId, CancellationToken ct)
    {
        var cache = _byAccount ?? await LoadAsync(ct);
        return cache.TryGetValue(accountId, out var subscribers) ? subscribers : None;
    }

    public async ValueTask<IEnumerable<Subscriber>> AllAsync(CancellationToken ct) =>
        (_byAccount ?? await LoadAsync(ct)).Values.SelectMany(s => s);

    private async Task<Dictionary<long, Subscriber[]>> LoadAsync(CancellationToken ct)
    {
        int version;
        lock (_gate) version = _version;
        await using var db = database.CreateContext();
        var rows = await db.Subscriptions.AsNoTracking().Where(s => s.Status == SubscriptionStatus.Active).ToListAsync(ct);
        var cache = rows
            .Select(s => new Subscriber(s.Id, s.AccountId, s.ExtensionId, s.TransportType == SubscriptionViews.WebSocket, s.ExpiresAt,
                [.. SubscriptionViews.Filters(s).Select(f => EventFilter.Parse(f, s.AccountId, s.ExtensionId)).OfType<EventFilter>()]))
            .GroupBy(s => s.AccountId)
            .ToDictionary(g => g.Key, g => g.ToArray());
        // A change committed while this was read may be missing from it: then keep it for this event only.
        lock (_gate)
        {
            if (_version == version) _byAccount = cache;
        }
        return cache;
    }
}
