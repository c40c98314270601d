using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Switchboard.CallHandling;
using Switchboard.CallHandling.V1;
using Switchboard.Data;
using Switchboard.Extensions;
using Switchboard.Telephony.Routing;
using RoutingDnd = Switchboard.Telephony.Routing.DndStatus;

namespace Switchboard.CallControl;

/// <summary>
/// The engine's view of the stored accounts. A call reads its account from a snapshot kept while
/// nothing that routes calls is written (<see cref="RoutingChanges"/>): a rule or presence change
/// applies to the next call, and calls in between cost no query. A snapshot is also read again after
/// a second, for writes this process does not see (<c>switchboard upgrade-call-handling</c> run beside it).
/// </summary>
/// <param name="maxAge">How long a snapshot is kept without a write; a second unless a test says otherwise.</param>
public sealed class AccountDirectory(Database database, TimeSpan? maxAge = null) : IRoutingDirectory
{
    private sealed record Cached(long Version, long LoadedAt, AccountSnapshot? Snapshot);

    private readonly long _maxAgeMs = (long)(maxAge ?? TimeSpan.FromSeconds(1)).TotalMilliseconds;

    private const int MaxNumbers = 10_000;
    private readonly ConcurrentDictionary<long, Cached> _accounts = new();
    // Which account has a number (null: none); cleared with the snapshots.
    private readonly ConcurrentDictionary<string, (long Version, long LoadedAt, long? AccountId)> _numbers = new(StringComparer.Ordinal);

    public async ValueTask<AccountSnapshot?> FindByNumberAsync(string phoneNumber, CancellationToken ct = default)
    {
        var version = database.RoutingChanges.Version;
        var now = Environment.TickCount64;
        if (_numbers.TryGetValue(phoneNumber, out var known) && known.Version == version && now - known.LoadedAt < _maxAgeMs)
            return known.AccountId is { } cachedId ? await FindAccountAsync(cachedId, ct) : null;
        long? accountId;
        await using (var db = database.CreateContext())
            accountId = await db.PhoneNumbers.Where(p => p.Number == phoneNumber).Select(p => (long?)p.AccountId).FirstOrDefaultAsync(ct);
        if (_numbers.Count >= MaxNumbers) _numbers.Clear(); // numbers nobody has, dialled by a script, stay bounded
        _numbers[phoneNumber] = (version, now, accountId);
        return accountId is { } id ? await FindAccountAsync(id, ct) : null;
    }

    public async ValueTask<AccountSnapshot?> FindAccountAsync(long accountId, CancellationToken ct = default)
    {
        // The version is read before the account: a write racing the read moves it, and the snapshot is not used again.
        var version = database.RoutingChanges.Version;
        var now = Environment.TickCount64;
        if (_accounts.TryGetValue(accountId, out var cached) && cached.Version == version && now - cached.LoadedAt < _maxAgeMs) return cached.Snapshot;
        AccountSnapshot? snapshot;
        await using (var db = database.CreateContext())
            snapshot = await LoadAsync(db, accountId, ct);
        _accounts[accountId] = new Cached(version, now, snapshot);
        return snapshot;
    }

    private static async Task<AccountSnapshot?> LoadAsync(SwitchboardDb db, long accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return null;
        var extensions = await db.Extensions.AsNoTracking().Where(e => e.AccountId == accountId).ToListAsync(ct);
        var numbers = await db.PhoneNumbers.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct);
        var devices = (await db.Devices.AsNoTracking().Where(d => d.AccountId == accountId).ToListAsync(ct)).ToLookup(d => d.ExtensionId);
        var forwarding = (await db.ForwardingNumbers.AsNoTracking().Where(f => f.AccountId == accountId).ToListAsync(ct)).ToLookup(f => f.ExtensionId);
        var documents = await db.CallHandling.AsNoTracking().Where(c => c.AccountId == accountId).ToDictionaryAsync(c => c.ExtensionId, c => c.Document, ct);
        var ids = extensions.Select(e => e.Id).ToList();
        var members = (await db.DepartmentMembers.AsNoTracking().Where(m => ids.Contains(m.DepartmentId)).OrderBy(m => m.Position).ToListAsync(ct))
            .ToLookup(m => m.DepartmentId, m => m.ExtensionId);

        ExtensionSnapshot Snapshot(Extension e)
        {
            var book = forwarding[e.Id].ToList();
            var document = documents.TryGetValue(e.Id, out var json)
                ? CallHandlingStore.Deserialize(json)
                : Defaults.Document(e.Id, book.Where(f => f.DeviceId is not null).Select(f => f.Id));
            return new ExtensionSnapshot(
                e.Id, e.AccountId, e.ExtensionNumber, e.Name, KindOf(e.Type), e.Status == ExtensionStatus.Enabled,
                e.TimeZone ?? account.TimeZone, DndOf(account, e, document), document,
                [.. devices[e.Id].Select(d => new DeviceSnapshot(d.Id, d.Name, DeviceKindOf(d.Type), d.Status == DeviceStatus.Online))],
                book.ToDictionary(f => f.Id, f => new ForwardingSnapshot(f.Id, f.PhoneNumber, f.Label, f.DeviceId, f.FlipNumber)),
                [.. members[e.Id]],
                numbers.FirstOrDefault(n => n.ExtensionId == e.Id && n.UsageType == PhoneNumberUsage.DirectNumber)?.Number);
        }

        return new AccountSnapshot(
            account.Id, account.TimeZone, BusinessHoursApi.CompanyHours(account),
            numbers.ToDictionary(n => n.Number, n => new NumberSnapshot(n.Number, LineOf(n.UsageType), n.ExtensionId), StringComparer.Ordinal),
            extensions.ToDictionary(e => e.Id, Snapshot));
    }

    /// <summary>
    /// On an account with the new call handling, a user's do-not-disturb is the dnd state
    /// (dndStatusPersonal); otherwise it is the presence dndStatus.
    /// </summary>
    private static RoutingDnd DndOf(Account account, Extension extension, CallHandlingDocument document)
    {
        if (account.NewCallHandling && ExtensionViews.IsUser(extension.Type))
            return document.States.TryGetValue(StateId.Dnd, out var dnd) && dnd.Enabled ? RoutingDnd.DoNotAcceptAnyCalls : RoutingDnd.TakeAllCalls;
        return extension.DndStatus switch
        {
            Data.DndStatus.TakeAllCalls => RoutingDnd.TakeAllCalls,
            Data.DndStatus.DoNotAcceptDepartmentCalls => RoutingDnd.DoNotAcceptDepartmentCalls,
            Data.DndStatus.TakeDepartmentCallsOnly => RoutingDnd.TakeDepartmentCallsOnly,
            Data.DndStatus.DoNotAcceptAnyCalls => RoutingDnd.DoNotAcceptAnyCalls,
        };
    }

    private static ExtensionKind KindOf(ExtensionType type) => type switch
    {
        _ when ExtensionViews.IsUser(type) => ExtensionKind.User,
        ExtensionType.Department => ExtensionKind.Department,
        ExtensionType.IvrMenu => ExtensionKind.IvrMenu,
        ExtensionType.Announcement => ExtensionKind.AnnouncementOnly,
        ExtensionType.Voicemail => ExtensionKind.TakeMessagesOnly,
        ExtensionType.ParkLocation => ExtensionKind.ParkLocation,
        ExtensionType.SharedLinesGroup => ExtensionKind.SharedLinesGroup,
        _ => ExtensionKind.Other,
    };

    private static LineKind LineOf(PhoneNumberUsage usage) => usage switch
    {
        PhoneNumberUsage.MainCompanyNumber => LineKind.MainCompanyNumber,
        PhoneNumberUsage.CompanyNumber or PhoneNumberUsage.AdditionalCompanyNumber => LineKind.CompanyNumber,
        PhoneNumberUsage.DirectNumber => LineKind.DirectNumber,
        PhoneNumberUsage.CompanyFaxNumber => LineKind.CompanyFaxNumber,
        _ => LineKind.Other,
    };

    private static DeviceKind DeviceKindOf(DeviceType type) => type switch
    {
        DeviceType.HardPhone => DeviceKind.HardPhone,
        DeviceType.SoftPhone or DeviceType.WebPhone or DeviceType.WebRTC => DeviceKind.SoftPhone,
        _ => DeviceKind.OtherPhone,
    };
}
