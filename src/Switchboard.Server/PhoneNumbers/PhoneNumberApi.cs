using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.PhoneNumbers;

/// <summary>
/// The account's and an extension's phone numbers. Administrators see every number; other users
/// see only direct numbers of other extensions, without features, whatever usageType they ask for (seed 003).
/// </summary>
public static class PhoneNumberApi
{
    public static void MapPhoneNumbers(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/restapi/v1.0/account/{accountId}");
        account.MapGet("/phone-number", ListAccountNumbers)
            .Rc("listAccountPhoneNumbers", ThrottlingGroup.Heavy, AppPermissions.ReadAccounts, "ReadCompanyPhoneNumbers", UserAccess.AnyUser);
        account.MapGet("/phone-number/{phoneNumberId}", ReadAccountNumber)
            .Rc("readAccountPhoneNumber", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadCompanyPhoneNumbers", UserAccess.AnyUser);
        account.MapGet("/extension/{extensionId}/phone-number", ListExtensionNumbers)
            .Rc("listExtensionPhoneNumbers", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserPhoneNumbers", UserAccess.AnyUser);
    }

    private static async Task<Results<Ok<PagedList<PhoneNumberInfo>>, ApiError>> ListAccountNumbers(
        long accountId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (QueryValues.Enums<PhoneNumberUsage>(request, "usageType", out var usages) is { } badUsage) return badUsage;
        if (QueryValues.Enums<PaymentType>(request, "paymentType", out var payments) is { } badPayment) return badPayment;
        if (QueryValues.Enums<PhoneNumberStatus>(request, "status", out var statuses) is { } badStatus) return badStatus;
        if (QueryValues.Enums<ExtensionStatus>(request, "extensionStatus", out var extensionStatuses) is { } badExtension) return badExtension;

        var query = db.PhoneNumbers.AsNoTracking().Include(p => p.Extension).Where(p => p.AccountId == accountId);
        if (!caller.IsAdmin) query = query.Where(p => p.UsageType == PhoneNumberUsage.DirectNumber);
        if (usages is not null) query = query.Where(p => usages.Contains(p.UsageType));
        if (payments is not null) query = query.Where(p => payments.Contains(p.PaymentType));
        if (statuses is not null) query = query.Where(p => statuses.Contains(p.Status));
        if (extensionStatuses is not null) query = query.Where(p => p.Extension != null && extensionStatuses.Contains(p.Extension.Status));

        var links = Links.For(request);
        return TypedResults.Ok(await page.ToListAsync(query.OrderBy(p => p.Id), p => PhoneNumberViews.Company(p, links), request, links, ct));
    }

    private static async Task<Results<Ok<PhoneNumberInfo>, ApiError>> ReadAccountNumber(
        long accountId, string phoneNumberId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        if (!long.TryParse(phoneNumberId, out var id)) return Errors.NotFound("phoneNumberId");
        var number = await db.PhoneNumbers.AsNoTracking().Include(p => p.Extension)
            .FirstOrDefaultAsync(p => p.Id == id && p.AccountId == accountId, ct);
        if (number is null) return Errors.NotFound("phoneNumberId");
        if (!caller.IsAdmin && number.UsageType != PhoneNumberUsage.DirectNumber)
            return Errors.UserPermissionRequired("ReadCompanyPhoneNumbers");
        return TypedResults.Ok(PhoneNumberViews.Company(number, Links.For(request)));
    }

    private static async Task<Results<Ok<PagedList<PhoneNumberInfo>>, ApiError>> ListExtensionNumbers(
        long accountId, long extensionId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (QueryValues.Enums<PhoneNumberUsage>(request, "usageType", out var usages) is { } badUsage) return badUsage;
        if (QueryValues.Enums<PhoneNumberStatus>(request, "status", out var statuses) is { } badStatus) return badStatus;

        var owner = await db.Extensions.AsNoTracking()
            .Where(e => e.Id == extensionId && e.AccountId == accountId)
            .Select(e => new { e.Type, e.Account!.Country })
            .FirstOrDefaultAsync(ct);
        if (owner is null) return Errors.NotFound("extensionId");

        var full = caller.CanSeePrivate(extensionId);
        // A user's own list also holds the company's main number, which they may use as caller ID.
        var query = db.PhoneNumbers.AsNoTracking().Include(p => p.Extension).Where(p => p.AccountId == accountId);
        query = !full
            ? query.Where(p => p.ExtensionId == extensionId && p.UsageType == PhoneNumberUsage.DirectNumber)
            : Extensions.ExtensionViews.IsUser(owner.Type)
                ? query.Where(p => p.ExtensionId == extensionId || p.UsageType == PhoneNumberUsage.MainCompanyNumber)
                : query.Where(p => p.ExtensionId == extensionId);
        if (usages is not null) query = query.Where(p => usages.Contains(p.UsageType));
        if (statuses is not null) query = query.Where(p => statuses.Contains(p.Status));

        var links = Links.For(request);
        return TypedResults.Ok(await page.ToListAsync(
            query.OrderBy(p => p.Id), p => PhoneNumberViews.User(p, owner.Country, full, links), request, links, ct));
    }
}
