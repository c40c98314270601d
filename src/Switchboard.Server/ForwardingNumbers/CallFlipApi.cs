using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.ForwardingNumbers;

/// <summary>
/// v2 call flip numbers and forwarding targets (seed 002), for accounts with the new call handling.
/// The same rows as v1 forwarding-number, seen from the other side.
/// </summary>
public static class CallFlipApi
{
    public sealed record CallFlipNumberRequest(string? Id, string? PhoneNumber, string? Type, string? Label, string? FlipNumber);

    public sealed record CallFlipNumberListRequest(IReadOnlyList<CallFlipNumberRequest?>? Records);

    public sealed record TargetRequest(string? Type, PhoneDestination? Destination, TargetDevice? Device);

    public sealed record RemoveTargetsRequest(IReadOnlyList<TargetRequest?>? Records);

    public sealed record BulkItemError(string ErrorCode, string Message);

    public sealed record RemoveTargetResult(bool BulkItemSuccessful, ForwardingTarget BulkItem, IReadOnlyList<BulkItemError>? BulkItemErrors = null);

    public sealed record RemoveTargetsResponse(IReadOnlyList<RemoveTargetResult> Records);

    public sealed record ExtensionUsingDevice(IReadOnlyList<ReferencedExtension> ReferencedExtensions, PagingInfo Paging);

    public static void MapCallFlip(this IEndpointRouteBuilder app)
    {
        var extension = app.MapGroup("/restapi/v2/accounts/{accountId}/extensions/{extensionId}");
        extension.MapGet("/call-flip-numbers", ReadFlipNumbers)
            .Rc("readCallFlipSettings", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        extension.MapPut("/call-flip-numbers", ReplaceFlipNumbers)
            .Rc("updateCallFlipSettings", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);

        var targets = extension.MapGroup("/comm-handling/voice/forwarding-targets");
        targets.MapGet("", ReadTargets)
            .Rc("readForwardingTargets", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        targets.MapDelete("", RemoveTargets)
            .Rc("deleteForwardingTargets", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        targets.MapGet("/devices/{deviceId}/extensions", ExtensionsUsingDevice)
            .Rc("listExtensionsUsingForwardingDeviceTarget", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
    }

    private static async Task<(ForwardingContext? Context, ApiError? Error)> LoadUpgradedAsync(
        SwitchboardDb db, long accountId, long extensionId, CancellationToken ct)
    {
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is not null && !context.Account.NewCallHandling) return (null, Errors.OldCallHandlingOnly());
        return (context, error);
    }

    private static CallFlipNumberList FlipList(ForwardingBook book) =>
        new([.. book.Entries.Where(e => e.FlipNumber is not null).Select(ForwardingViews.Flip)]);

    private static async Task<Results<Ok<CallFlipNumberList>, ApiError>> ReadFlipNumbers(
        long accountId, long extensionId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        return context is null ? error! : TypedResults.Ok(FlipList(context.Book));
    }

    private static async Task<Results<Ok<CallFlipNumberList>, ApiError>> ReplaceFlipNumbers(
        long accountId, long extensionId, CallFlipNumberListRequest? body, SwitchboardDb db, IdAllocator ids, CancellationToken ct)
    {
        if (body?.Records is not { } records) return Errors.RequiredParameter("records");
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;

        var changes = new List<NumberChange>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is not { } r) return Errors.InvalidParameter($"records[{i}]");
            changes.Add(new NumberChange(r.Id, r.PhoneNumber, r.Type, r.Label, r.FlipNumber, null, $"records[{i}]."));
        }
        var fresh = new Queue<long>(await ids.ReserveAsync(records.Count, ct));
        if (context.Book.ReplaceFlipList(changes, fresh.Dequeue, accountId, extensionId) is { } replaceError) return replaceError;
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.Ok(FlipList(context.Book));
    }

    /// <summary>Outside numbers calls may be forwarded to, and the extension's own devices (unless excludeOwnTargets=true).</summary>
    private static async Task<Results<Ok<RecordsPage<ForwardingTarget>>, ApiError>> ReadTargets(
        long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        var exclude = request.Query["excludeOwnTargets"].ToString();
        if (exclude is not ("" or "true" or "false")) return Errors.InvalidParameter("excludeOwnTargets", exclude);
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;

        var targets = context.Book.Entries.Where(e => e.DeviceId is null && e.Forwarding).Select(e => ForwardingViews.NumberTarget(e.PhoneNumber)).ToList();
        if (exclude != "true")
        {
            var devices = await db.Devices.AsNoTracking().Include(d => d.PhoneNumber).Where(d => d.ExtensionId == extensionId).OrderBy(d => d.Id).ToListAsync(ct);
            targets.AddRange(devices.Select(ForwardingViews.DeviceTarget));
        }
        return TypedResults.Ok(page.Records(targets));
    }

    /// <summary>
    /// Takes outside numbers out of forwarding, one result per record (the platform's bulk form). A
    /// malformed record fails the whole request; a number that is not a target fails its own item.
    /// </summary>
    private static async Task<Results<Ok<RemoveTargetsResponse>, ApiError>> RemoveTargets(
        long accountId, long extensionId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RemoveTargetsRequest? body, SwitchboardDb db, CancellationToken ct)
    {
        if (body?.Records is not { Count: > 0 } records) return Errors.RequiredParameter("records");
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;

        var items = new List<ForwardingTarget>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var item = r?.Type switch
            {
                "PhoneNumberRingTarget" when r.Destination?.PhoneNumber is { Length: > 0 } number => ForwardingViews.NumberTarget(number),
                "DeviceRingTarget" when r.Device?.Id is { Length: > 0 } id => new ForwardingTarget("DeviceRingTarget", Device: new TargetDevice(id)),
                _ => null,
            };
            if (item is null) return Errors.InvalidParameter($"records[{i}]");
            items.Add(item);
        }

        var results = new List<RemoveTargetResult>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var problem = context.Book.RemoveForwardingTarget(item.Destination?.PhoneNumber, item.Device?.Id, $"records[{i}]");
            results.Add(problem is null
                ? new RemoveTargetResult(true, item)
                : new RemoveTargetResult(false, item, [new BulkItemError(problem.Code, problem.Message)]));
        }
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.Ok(new RemoveTargetsResponse(results));
    }

    /// <summary>The extensions whose calls ring a device: for now its owner, whose own calls ring it.</summary>
    private static async Task<Results<Ok<ExtensionUsingDevice>, ApiError>> ExtensionsUsingDevice(
        long accountId, long extensionId, string deviceId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (!long.TryParse(deviceId, out var id)) return Errors.NotFound("deviceId");
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.AccountId == accountId, ct);
        if (device is null) return Errors.NotFound("deviceId");
        List<ReferencedExtension> users = device.ExtensionId is { } owner ? [new ReferencedExtension(owner.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [];
        var result = page.Records(users);
        return TypedResults.Ok(new ExtensionUsingDevice(result.Records, result.Paging));
    }
}
