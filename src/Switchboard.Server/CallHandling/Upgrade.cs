using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Extensions;
using Switchboard.ForwardingNumbers;
using Switchboard.Http;

namespace Switchboard.CallHandling;

/// <summary>
/// Switchboard's own admin operation (not RingCentral's): moves an account to the new call handling
/// (seed 002). The rules are one model already, so nothing is translated; what changes is which API
/// version may use them, and every extension's rules are written down as they are now, so rules that
/// were still the defaults (which follow the devices) are kept exactly as v1 showed them. One
/// transaction: the whole account is upgraded or nothing is.
/// </summary>
public static class Upgrade
{
    public sealed record UpgradeResult(string AccountId, bool NewCallHandling, int Extensions);

    public static void MapCallHandlingUpgrade(this IEndpointRouteBuilder app) =>
        app.MapPost("/switchboard/v1/account/{accountId}/call-handling-upgrade", Post).WithTags("Switchboard")
            .Rc("switchboardUpgradeCallHandling", ThrottlingGroup.Heavy, AppPermissions.EditAccounts, null, UserAccess.Admin);

    private static async Task<Results<Ok<UpgradeResult>, ApiError>> Post(long accountId, SwitchboardDb db, CancellationToken ct)
    {
        var (result, error) = await RunAsync(db, accountId, ct);
        return result is null ? error! : TypedResults.Ok(result);
    }

    public static async Task<(UpgradeResult? Result, ApiError? Error)> RunAsync(SwitchboardDb db, long accountId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return (null, Errors.NotFound("accountId"));
        var id = accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (account.NewCallHandling) return (new UpgradeResult(id, true, 0), null);

        var users = (await db.Extensions.AsNoTracking().Where(e => e.AccountId == accountId).ToListAsync(ct)).Where(e => ExtensionViews.IsUser(e.Type)).ToList();
        var stored = (await db.CallHandling.Where(c => c.AccountId == accountId).Select(c => c.ExtensionId).ToListAsync(ct)).ToHashSet();
        foreach (var user in users.Where(u => !stored.Contains(u.Id)))
        {
            var (forwarding, _) = await ForwardingStore.LoadAsync(db, accountId, user.Id, ct);
            var document = CallHandlingStore.DefaultDocument(user.Id, forwarding!.Book);
            db.CallHandling.Add(new CallHandlingRecord { ExtensionId = user.Id, AccountId = accountId, Document = CallHandlingStore.Serialize(document) });
        }
        account.NewCallHandling = true;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (new UpgradeResult(id, true, users.Count), null);
    }
}
