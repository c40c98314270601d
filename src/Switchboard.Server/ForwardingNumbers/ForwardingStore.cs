using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Extensions;
using Switchboard.Http;

namespace Switchboard.ForwardingNumbers;

/// <summary>An extension's forwarding numbers, loaded for a request, with what the rules need to know.</summary>
public sealed record ForwardingContext(Account Account, ForwardingBook Book);

public static class ForwardingStore
{
    /// <summary>Loads the book of a user extension; other extension types have no forwarding numbers.</summary>
    public static async Task<(ForwardingContext? Context, ApiError? Error)> LoadAsync(
        SwitchboardDb db, long accountId, long extensionId, CancellationToken ct)
    {
        var owner = await db.Extensions.AsNoTracking().Include(e => e.Account)
            .FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (owner is null) return (null, Errors.NotFound("extensionId"));
        if (!ExtensionViews.IsUser(owner.Type)) return (null, Errors.NotAvailableForExtensionType());
        var entries = await db.ForwardingNumbers.Where(f => f.ExtensionId == extensionId).ToListAsync(ct);
        var direct = await DirectNumbersAsync(db, accountId, ct);
        return (new ForwardingContext(owner.Account!, new ForwardingBook(entries, direct, owner.Account!.Country)), null);
    }

    public static async Task<IReadOnlySet<string>> DirectNumbersAsync(SwitchboardDb db, long accountId, CancellationToken ct) =>
        (await db.PhoneNumbers.Where(p => p.AccountId == accountId && p.UsageType == PhoneNumberUsage.DirectNumber)
            .Select(p => p.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Saves what the book changed: the tracked rows it edited, and the rows it added or removed.</summary>
    public static async Task SaveAsync(SwitchboardDb db, ForwardingBook book, CancellationToken ct)
    {
        db.ForwardingNumbers.AddRange(book.Added);
        db.ForwardingNumbers.RemoveRange(book.Removed);
        await db.SaveChangesAsync(ct);
    }
}
