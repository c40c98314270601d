using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Devices;

public static class DeviceApi
{
    public static void MapDevices(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/restapi/v1.0/account/{accountId}");
        account.MapGet("/extension/{extensionId}/device", ListExtensionDevices)
            .Rc("listExtensionDevices", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserDevices", UserAccess.OwnOrAdmin);
        account.MapGet("/device/{deviceId}", ReadDevice)
            .Rc("readDevice", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadCompanyDevices", UserAccess.AnyUser);
    }

    private static async Task<Results<Ok<PagedList<DeviceInfo>>, ApiError>> ListExtensionDevices(
        long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (QueryValues.Enums<DeviceType>(request, "type", out var types) is { } badType) return badType;
        var owner = await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (owner is null) return Errors.NotFound("extensionId");

        var query = db.Devices.AsNoTracking().Include(d => d.PhoneNumber).Where(d => d.ExtensionId == extensionId);
        if (types is not null) query = query.Where(d => types.Contains(d.Type));
        var links = Links.For(request);
        return TypedResults.Ok(await page.ToListAsync(query.OrderBy(d => d.Id), d => DeviceViews.Describe(d, owner, links), request, links, ct));
    }

    /// <summary>Administrators read any device of the account; a user reads their own.</summary>
    private static async Task<Results<Ok<DeviceInfo>, ApiError>> ReadDevice(
        long accountId, string deviceId, Caller caller, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        if (!long.TryParse(deviceId, out var id)) return Errors.NotFound("deviceId");
        var device = await db.Devices.AsNoTracking().Include(d => d.PhoneNumber)
            .FirstOrDefaultAsync(d => d.Id == id && d.AccountId == accountId, ct);
        if (device is null) return Errors.NotFound("deviceId");
        if (!caller.IsAdmin && device.ExtensionId != caller.ExtensionId)
            return Errors.UserPermissionForResourceRequired("ReadCompanyDevices");
        var owner = device.ExtensionId is { } ownerId ? await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == ownerId, ct) : null;
        return TypedResults.Ok(DeviceViews.Describe(device, owner, Links.For(request)));
    }
}
