using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.CallHandling;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Subscriptions;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Presence;

/// <summary>User presence: the status a user sets, stored, and the telephony status, live from the engine.</summary>
public static class PresenceApi
{
    public static void MapPresence(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/restapi/v1.0/account/{accountId}");
        account.MapGet("/extension/{extensionId}/presence", Read)
            .Rc("readUserPresenceStatus", ThrottlingGroup.Light, AppPermissions.ReadPresence, "ReadPresenceStatus", UserAccess.AnyUser);
        account.MapPut("/extension/{extensionId}/presence", Update)
            .Rc("updateUserPresenceStatus", ThrottlingGroup.Medium, AppPermissions.EditPresence, "EditPresenceStatus", UserAccess.OwnOrAdmin);
        account.MapGet("/presence", ReadAccount)
            .Rc("readAccountPresence", ThrottlingGroup.Heavy, AppPermissions.ReadPresence, "ReadPresenceStatus", UserAccess.AnyUser);
    }

    public sealed record PresenceRequest(
        string? UserStatus, string? DndStatus, string? DndStatusPersonal, string? Message,
        bool? AllowSeeMyPresence, bool? RingOnMonitoredCall, bool? PickUpCallsOnHold);

    private static async Task<Results<Ok<PresenceInfo>, ApiError>> Read(
        long accountId, long extensionId, SwitchboardDb db, ICallEngine engine, HttpRequest request, CancellationToken ct)
    {
        if (Flags(request, out var detailed, out var sip) is { } error) return error;
        var extension = await db.Extensions.AsNoTracking().Include(e => e.Account).FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (extension is null) return Errors.NotFound("extensionId");
        return TypedResults.Ok(await DescribeAsync(db, engine, extension, detailed, sip, Links.For(request), ct));
    }

    private static async Task<Results<Ok<PresenceInfo>, ApiError>> Update(
        long accountId, long extensionId, PresenceRequest? body, SwitchboardDb db, ICallEngine engine, NotificationHub hub, HttpRequest request, CancellationToken ct)
    {
        var extension = await db.Extensions.Include(e => e.Account).FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (extension is null) return Errors.NotFound("extensionId");
        body ??= new PresenceRequest(null, null, null, null, null, null, null);
        var upgradedUser = extension.Account!.NewCallHandling && Extensions.ExtensionViews.IsUser(extension.Type);

        if (Parse<UserStatus>(body.UserStatus, "userStatus", out var user) is { } userError) return userError;
        if (Parse<Data.DndStatus>(body.DndStatus, "dndStatus", out var dnd) is { } dndError) return dndError;
        if (Parse<Data.DndStatus>(body.DndStatusPersonal, "dndStatusPersonal", out var personal) is { } personalError) return personalError;
        if (personal is Data.DndStatus.DoNotAcceptDepartmentCalls or Data.DndStatus.TakeDepartmentCallsOnly)
            return Errors.InvalidParameter("dndStatusPersonal", body.DndStatusPersonal);
        if (body.Message is { Length: > 75 }) return Errors.Invalid("message", body.Message, "The message is longer than 75 characters.");
        if (dnd is not null && upgradedUser) return Errors.Invalid("dndStatus", body.DndStatus, "Users of accounts with the new call handling set dndStatusPersonal.");
        if (personal is not null && !upgradedUser) return Errors.Invalid("dndStatusPersonal", body.DndStatusPersonal, "Only users of accounts with the new call handling have dndStatusPersonal.");
        if (dnd is Data.DndStatus.DoNotAcceptDepartmentCalls or Data.DndStatus.TakeDepartmentCallsOnly
            && !await db.DepartmentMembers.AnyAsync(m => m.ExtensionId == extensionId, ct))
            return Errors.Invalid("dndStatus", body.DndStatus, "Department call statuses apply to department members only.");
        if (dnd is not null && !Extensions.ExtensionViews.IsUser(extension.Type))
            return Errors.Invalid("dndStatus", body.DndStatus, "Do not disturb cannot be set for this extension type.");

        if (user is { } u) extension.UserStatus = u;
        if (dnd is { } d) extension.DndStatus = d;
        if (body.Message is not null) extension.PresenceMessage = body.Message.Length == 0 ? null : body.Message;
        if (body.AllowSeeMyPresence is { } see) extension.AllowSeeMyPresence = see;
        if (body.RingOnMonitoredCall is { } ring) extension.RingOnMonitoredCall = ring;
        if (body.PickUpCallsOnHold is { } pick) extension.PickUpCallsOnHold = pick;
        if (personal is { } p)
        {
            // dndStatusPersonal is the dnd state of the user's call handling (seed 002).
            var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
            if (context is null) return error!;
            context.Document.States[StateId.Dnd].Enabled = p == Data.DndStatus.DoNotAcceptAnyCalls;
            await CallHandlingStore.SaveAsync(db, context, ct);
        }
        await db.SaveChangesAsync(ct);
        hub.PresenceChanged(accountId, extensionId);
        return TypedResults.Ok(await DescribeAsync(db, engine, extension, detailed: false, sip: false, Links.For(request), ct));
    }

    private static async Task<Results<Ok<PagedList<PresenceInfo>>, ApiError>> ReadAccount(
        long accountId, SwitchboardDb db, ICallEngine engine, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        if (Flags(request, out var detailed, out var sip) is { } error) return error;
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Errors.NotFound("accountId");
        var extensions = await db.Extensions.AsNoTracking().Where(e => e.AccountId == accountId).OrderBy(e => e.Id).ToListAsync(ct);
        var dnd = account.NewCallHandling ? await DndStatesAsync(db, accountId, ct) : [];
        var links = Links.For(request);
        var all = extensions.Select(e => PresenceViews.Describe(e, account.NewCallHandling, dnd.Contains(e.Id), engine.ActiveCalls(e.Id), detailed, sip, links)).ToList();
        return TypedResults.Ok(page.Slice(all, request, links));
    }

    internal static async Task<PresenceInfo> DescribeAsync(SwitchboardDb db, ICallEngine engine, Extension e, bool detailed, bool sip, Links links, CancellationToken ct)
    {
        var dnd = false;
        if (e.Account!.NewCallHandling && await db.CallHandling.AsNoTracking().Where(c => c.ExtensionId == e.Id).Select(c => c.Document).FirstOrDefaultAsync(ct) is { } json)
            dnd = CallHandlingStore.Deserialize(json).States.TryGetValue(StateId.Dnd, out var state) && state.Enabled;
        return PresenceViews.Describe(e, e.Account.NewCallHandling, dnd, engine.ActiveCalls(e.Id), detailed, sip, links);
    }

    /// <summary>The users of an upgraded account whose dnd state is on.</summary>
    private static async Task<HashSet<long>> DndStatesAsync(SwitchboardDb db, long accountId, CancellationToken ct)
    {
        var documents = await db.CallHandling.AsNoTracking().Where(c => c.AccountId == accountId).Select(c => new { c.ExtensionId, c.Document }).ToListAsync(ct);
        return [.. documents.Where(d => CallHandlingStore.Deserialize(d.Document).States.TryGetValue(StateId.Dnd, out var s) && s.Enabled).Select(d => d.ExtensionId)];
    }

    private static ApiError? Flags(HttpRequest request, out bool detailed, out bool sip)
    {
        sip = false;
        return QueryValues.Boolean(request, "detailedTelephonyState", false, out detailed)
            ?? QueryValues.Boolean(request, "sipData", false, out sip);
    }

    private static ApiError? Parse<T>(string? value, string name, out T? parsed) where T : struct, Enum
    {
        parsed = null;
        if (value is null) return null;
        if (!WireEnum.TryParse<T>(value, out var v)) return Errors.InvalidParameter(name, value);
        parsed = v;
        return null;
    }
}
