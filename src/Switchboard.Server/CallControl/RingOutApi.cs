using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// RingOut: the platform rings the user's own phone (a number, or one of their forwarding numbers),
/// then the number called. The id is the session's numeric sessionId; the engine keeps the status of
/// recently ended RingOuts, so polling after the call still answers how it ended.
/// </summary>
public static class RingOutApi
{
    public sealed record RingOutFrom(string? PhoneNumber, string? ForwardingNumberId);
    public sealed record RingOutTo(string? PhoneNumber);
    // callerId, playPrompt and country are accepted and ignored: no audio, and the caller id is the user's own.
    public sealed record RingOutRequest(RingOutFrom? From, RingOutTo? To);
    public sealed record RingOutStatusInfo(string CallStatus, string CallerStatus, string CalleeStatus);
    public sealed record GetRingOutStatusResponse(string Id, string Uri, RingOutStatusInfo Status);

    public static void MapRingOut(this IEndpointRouteBuilder app)
    {
        var ringOut = app.MapGroup("/restapi/v1.0/account/{accountId}/extension/{extensionId}/ring-out");
        ringOut.MapPost("", Create).Rc("createRingOutCall", ThrottlingGroup.Heavy, AppPermissions.RingOut, null, UserAccess.OwnOrAdmin);
        ringOut.MapGet("/{ringoutId}", Read).Rc("readRingOutCallStatus", ThrottlingGroup.Light, AppPermissions.RingOut, null, UserAccess.OwnOrAdmin);
        ringOut.MapDelete("/{ringoutId}", Cancel).Rc("deleteRingOutCall", ThrottlingGroup.Heavy, AppPermissions.RingOut, null, UserAccess.OwnOrAdmin);
    }

    private static async Task<Results<Ok<GetRingOutStatusResponse>, ApiError>> Create(
        long accountId, long extensionId, RingOutRequest? body, SwitchboardDb db, ICallEngine engine, HttpRequest request, CancellationToken ct)
    {
        var extension = await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == extensionId && e.AccountId == accountId, ct);
        if (extension is null) return Errors.NotFound("extensionId");
        if (extension.Type != ExtensionType.User) return Errors.NotAvailableForExtensionType();
        if (extension.Status != ExtensionStatus.Enabled) return Errors.Invalid("extensionId", Id(extensionId), "The extension is not enabled.");

        var (from, fromDevice, fromError) = await FromAsync(body?.From, accountId, extensionId, db, ct);
        if (fromError is not null) return fromError;
        var (to, toError) = await ToAsync(body?.To, accountId, db, ct);
        if (toError is not null) return toError;

        var result = await engine.PlaceRingOutAsync(accountId, extensionId, from!, to!, fromDevice, ct);
        return result.Value is { } ringOut ? TypedResults.Ok(View(ringOut, request)) : CallErrors.Of(result, "from.phoneNumber");
    }

    private static Results<Ok<GetRingOutStatusResponse>, ApiError> Read(long accountId, long extensionId, string ringoutId, ICallEngine engine, HttpRequest request) =>
        Owned(engine.FindRingOut(ringoutId), accountId, extensionId) is { } ringOut ? TypedResults.Ok(View(ringOut, request)) : Errors.NotFound("ringoutId");

    /// <summary>Every party is disconnected; cancelling a RingOut that already ended changes nothing.</summary>
    private static async Task<Results<NoContent, ApiError>> Cancel(long accountId, long extensionId, string ringoutId, ICallEngine engine, CancellationToken ct)
    {
        if (Owned(engine.FindRingOut(ringoutId), accountId, extensionId) is null) return Errors.NotFound("ringoutId");
        var result = await engine.CancelRingOutAsync(ringoutId, ct);
        return result.Value is null ? CallErrors.Of(result, "ringoutId") : TypedResults.NoContent();
    }

    /// <summary>A RingOut is found only under the extension that made it: another user's is as unknown as a missing one.</summary>
    private static RingOutView? Owned(RingOutView? ringOut, long accountId, long extensionId) =>
        ringOut is not null && ringOut.AccountId == accountId && ringOut.ExtensionId == extensionId ? ringOut : null;

    /// <summary>The phone rung first: a number, or one of the extension's forwarding numbers (a device's line rings the device).</summary>
    private static async Task<(string? Number, long? DeviceId, ApiError? Error)> FromAsync(RingOutFrom? from, long accountId, long extensionId, SwitchboardDb db, CancellationToken ct)
    {
        if (from?.ForwardingNumberId is { } rawId)
        {
            var entry = long.TryParse(rawId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.ForwardingNumbers.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.AccountId == accountId && f.ExtensionId == extensionId, ct)
                : null;
            return entry is null ? (null, null, Errors.UnknownReference("from.forwardingNumberId", rawId)) : (entry.PhoneNumber, entry.DeviceId, null);
        }
        if (string.IsNullOrWhiteSpace(from?.PhoneNumber)) return (null, null, Errors.RequiredParameter("from.phoneNumber"));
        if (E164.Normalize(from.PhoneNumber) is not { } number) return (null, null, Errors.InvalidParameter("from.phoneNumber", from.PhoneNumber));
        if (await db.PhoneNumbers.AnyAsync(p => p.Number == number && p.AccountId == accountId, ct))
            return (null, null, Errors.Invalid("from.phoneNumber", from.PhoneNumber,
                "It is a number of the account; RingOut rings an outside phone first (or a device's line, by from.forwardingNumberId)."));
        return (number, null, null);
    }

    /// <summary>The number called: E.164, or an extension number of the account as dialled inside it.</summary>
    private static async Task<(string? Number, ApiError? Error)> ToAsync(RingOutTo? to, long accountId, SwitchboardDb db, CancellationToken ct)
    {
        var raw = to?.PhoneNumber;
        if (string.IsNullOrWhiteSpace(raw)) return (null, Errors.RequiredParameter("to.phoneNumber"));
        if (E164.Dialled(raw) is not { } number) return (null, Errors.InvalidParameter("to.phoneNumber", raw));
        if (number.StartsWith('+') || await db.Extensions.AnyAsync(e => e.AccountId == accountId && e.ExtensionNumber == number, ct)) return (number, null);
        return (null, Errors.UnknownReference("to.phoneNumber", raw));
    }

    private static GetRingOutStatusResponse View(RingOutView ringOut, HttpRequest request) => new(
        ringOut.Id,
        $"{Links.For(request).Extension(ringOut.AccountId, ringOut.ExtensionId)}/ring-out/{ringOut.Id}",
        new RingOutStatusInfo(Status(ringOut.Status.Call), Status(ringOut.Status.Caller), Status(ringOut.Status.Callee)));

    // The engine's names are the spec's CallingStatusInfo values.
    private static string Status(CallingStatus status) => status.ToString();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
