using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.OAuth;
using Switchboard.Subscriptions;

namespace Switchboard.Extensions;

public static class ExtensionApi
{
    public static void MapExtensions(this IEndpointRouteBuilder app)
    {
        var list = app.MapGroup("/restapi/v1.0/account/{accountId}/extension");
        list.MapGet("", ListExtensions)
            .Rc("listExtensions", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadExtensions", UserAccess.AnyUser);
        list.MapPost("", CreateExtension)
            .Rc("createExtension", ThrottlingGroup.Medium, AppPermissions.EditAccounts, "AddRemoveUsers", UserAccess.Admin);

        var one = list.MapGroup("/{extensionId}");
        one.MapGet("", ReadExtension)
            .Rc("readExtension", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadExtensions", UserAccess.AnyUser);
        one.MapPut("", UpdateExtension)
            .Rc("updateExtension", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserInfo", UserAccess.OwnOrAdmin);
        one.MapDelete("", DeleteExtension)
            .Rc("deleteExtension", ThrottlingGroup.Medium, AppPermissions.EditAccounts, "AddRemoveUsers", UserAccess.Admin);
        one.MapGet("/features", ExtensionFeatures.List)
            .Rc("readExtensionFeatures", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadExtensions", UserAccess.OwnOrAdmin);
    }

    private static async Task<Results<Ok<PagedList<ExtensionInfo>>, ApiError>> ListExtensions(
        long accountId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (QueryValues.Enums<ExtensionStatus>(request, "status", out var statuses) is { } badStatus) return badStatus;
        if (QueryValues.Enums<ExtensionType>(request, "type", out var types) is { } badType) return badType;

        var query = db.Extensions.AsNoTracking().Where(e => e.AccountId == accountId);
        var number = request.Query["extensionNumber"].ToString();
        if (number.Length > 0) query = query.Where(e => e.ExtensionNumber == number);
        var emails = request.Query["email"].Select(m => m!.ToLowerInvariant()).ToList();
        if (emails.Count > 0) query = query.Where(e => e.Email != null && emails.Contains(e.Email.ToLower()));
        if (statuses is not null) query = query.Where(e => statuses.Contains(e.Status));
        if (types is not null) query = query.Where(e => types.Contains(e.Type));
        query = query.OrderBy(e => e.ExtensionNumber.Length).ThenBy(e => e.ExtensionNumber);

        var company = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.CompanyName).FirstAsync(ct);
        var links = Links.For(request);
        return TypedResults.Ok(await page.ToListAsync(
            query,
            e => caller.CanSeePrivate(e.Id) ? ExtensionViews.ListRecord(e, company, links) : ExtensionViews.Public(e, company, links),
            request, links, ct));
    }

    private static async Task<Results<Ok<ExtensionInfo>, ApiError>> ReadExtension(
        long accountId, long extensionId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var found = await db.Extensions.AsNoTracking().Include(e => e.Account)
            .FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (found is null) return Errors.NotFound("extensionId");
        var links = Links.For(request);
        return TypedResults.Ok(caller.CanSeePrivate(extensionId)
            ? ExtensionViews.Full(found, found.Account!, links)
            : ExtensionViews.Public(found, found.Account!.CompanyName, links));
    }

    private static async Task<Results<Ok<ExtensionInfo>, ApiError>> CreateExtension(
        long accountId, ExtensionRequest? body, SwitchboardDb db, IdAllocator ids, TimeProvider clock, NotificationHub hub, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, ct);
        if (ExtensionRules.ParseType(body.Type, out var type) is { } badType) return badType;
        if (ExtensionRules.ParseStatus(body.Status, out var status) is { } badStatus) return badStatus;

        var extension = new Extension { ExtensionNumber = "", Name = "", Type = type, Status = status, AccountId = accountId };
        var error = await ApplyAsync(extension, body, isNew: true, db, ct);
        if (error is not null) return error;
        if (extension.ExtensionNumber.Length == 0) extension.ExtensionNumber = await NextFreeNumberAsync(db, accountId, ct);

        extension.Id = await ids.NextAsync(ct);
        extension.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Extensions.Add(extension);
        if (!await SaveAsync(db, ct)) return Errors.Duplicate("extensionNumber", extension.ExtensionNumber);
        hub.ExtensionChanged(accountId, extension.Id, ExtensionChange.Create);
        return TypedResults.Ok(ExtensionViews.Full(extension, account, Links.For(request)));
    }

    private static async Task<Results<Ok<ExtensionInfo>, ApiError>> UpdateExtension(
        long accountId, long extensionId, ExtensionRequest? body, Caller caller, SwitchboardDb db, TokenService tokens,
        NotificationHub hub, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var extension = await db.Extensions.Include(e => e.Account)
            .FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (extension is null) return Errors.NotFound("extensionId");

        if (!caller.IsAdmin)
        {
            // A user edits their own contact details and password; the rest is the administrator's.
            var adminOnly = body.Status is not null ? "status" : body.ExtensionNumber is not null ? "extensionNumber"
                : body.Type is not null ? "type" : body.Hidden is not null ? "hidden" : null;
            if (adminOnly is not null) return Errors.AdminRequired(adminOnly);
        }
        if (body.Type is not null && body.Type != extension.Type.ToString()) return Errors.InvalidParameter("type", body.Type);
        var error = ExtensionRules.ParseStatus(body.Status, out var status);
        if (error is not null) return error;
        if (body.Status is not null && status != ExtensionStatus.Enabled && extension.Id == accountId)
            return Errors.InvalidParameter("status", body.Status); // the system extension stays enabled

        var wasEnabled = extension.Status == ExtensionStatus.Enabled;
        if (body.Status is not null) extension.Status = status;
        error = await ApplyAsync(extension, body, isNew: false, db, ct);
        if (error is not null) return error;
        if (!await SaveAsync(db, ct)) return Errors.Duplicate("extensionNumber", extension.ExtensionNumber);
        if (wasEnabled && extension.Status is ExtensionStatus.Disabled or ExtensionStatus.Frozen)
            await tokens.RevokeExtensionAsync(extension.Id, ct);
        hub.ExtensionChanged(accountId, extension.Id, ExtensionChange.Update, ["ExtensionInfo"]);
        return TypedResults.Ok(ExtensionViews.Full(extension, extension.Account!, Links.For(request)));
    }

    private static async Task<Results<NoContent, ApiError>> DeleteExtension(
        long accountId, long extensionId, SwitchboardDb db, TokenService tokens, NotificationHub hub, HttpRequest request, CancellationToken ct)
    {
        if (QueryValues.Boolean(request, "savePhoneNumbers", true, out var saveNumbers) is { } badNumbers) return badNumbers;
        if (QueryValues.Boolean(request, "savePhoneLines", false, out var saveLines) is { } badLines) return badLines;
        var extension = await db.Extensions.FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (extension is null) return Errors.NotFound("extensionId");
        if (extension.Id == accountId) return Errors.InvalidParameter("extensionId", extensionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var number in await db.PhoneNumbers.Where(p => p.ExtensionId == extensionId).ToListAsync(ct))
        {
            if (!saveNumbers) db.PhoneNumbers.Remove(number);
            else (number.ExtensionId, number.UsageType) = (null, PhoneNumberUsage.CompanyNumber);
        }
        foreach (var device in await db.Devices.Where(d => d.ExtensionId == extensionId).ToListAsync(ct))
        {
            if (!saveLines) db.Devices.Remove(device);
            else device.ExtensionId = null;
        }
        db.Extensions.Remove(extension);
        await db.SaveChangesAsync(ct);
        tokens.Forget(extensionId: extensionId);
        hub.ExtensionChanged(accountId, extensionId, ExtensionChange.Delete);
        return TypedResults.NoContent();
    }

    /// <summary>Validates the body against the extension and copies it over; nothing is saved.</summary>
    private static async Task<ApiError?> ApplyAsync(Extension extension, ExtensionRequest body, bool isNew, SwitchboardDb db, CancellationToken ct)
    {
        var contact = body.Contact;
        var isUser = ExtensionViews.IsUser(extension.Type);
        if (isNew && isUser)
        {
            if (string.IsNullOrWhiteSpace(contact?.FirstName)) return Errors.RequiredParameter("contact.firstName");
            if (string.IsNullOrWhiteSpace(contact.Email)) return Errors.RequiredParameter("contact.email");
        }
        if (isNew && !isUser && string.IsNullOrWhiteSpace(body.Name ?? contact?.FirstName)) return Errors.RequiredParameter("name");

        if (body.ExtensionNumber is { } number && number != extension.ExtensionNumber)
        {
            if (ExtensionRules.CheckNumber(number) is { } bad) return bad;
            if (await db.Extensions.AnyAsync(e => e.AccountId == extension.AccountId && e.ExtensionNumber == number, ct))
                return Errors.Duplicate("extensionNumber", number);
            extension.ExtensionNumber = number;
        }
        if (contact?.Email is { } email && !string.Equals(email, extension.Email, StringComparison.OrdinalIgnoreCase))
        {
            if (ExtensionRules.CheckEmail(email) is { } bad) return bad;
            var lower = email.ToLowerInvariant();
            if (await db.Extensions.AnyAsync(e => e.Email != null && e.Email.ToLower() == lower, ct)) return Errors.Duplicate("contact.email", email);
            extension.Email = email;
        }
        if (body.Password is { } password)
        {
            if (ExtensionRules.CheckPassword(password) is { } bad) return bad;
            extension.PasswordHash = Secrets.HashPassword(password);
        }
        if (ExtensionRules.CheckTimeZone(body.RegionalSettings) is { } badZone) return badZone;
        if (body.RegionalSettings?.Timezone?.Id is { } zone) extension.TimeZone = zone;

        if (isUser)
        {
            extension.FirstName = contact?.FirstName ?? extension.FirstName;
            extension.LastName = contact?.LastName ?? extension.LastName;
            extension.Name = $"{extension.FirstName} {extension.LastName}".Trim();
        }
        else if ((body.Name ?? contact?.FirstName) is { } name)
        {
            extension.Name = name;
        }
        extension.JobTitle = contact?.JobTitle ?? extension.JobTitle;
        extension.BusinessPhone = contact?.BusinessPhone ?? extension.BusinessPhone;
        extension.MobilePhone = contact?.MobilePhone ?? extension.MobilePhone;
        extension.Hidden = body.Hidden ?? extension.Hidden;
        return null;
    }

    private static async Task<string> NextFreeNumberAsync(SwitchboardDb db, long accountId, CancellationToken ct)
    {
        var used = (await db.Extensions.Where(e => e.AccountId == accountId).Select(e => e.ExtensionNumber).ToListAsync(ct)).ToHashSet();
        var next = 101;
        while (used.Contains(next.ToString(System.Globalization.CultureInfo.InvariantCulture))) next++;
        return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>False when a concurrent request took the same extension number first.</summary>
    private static async Task<bool> SaveAsync(SwitchboardDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
