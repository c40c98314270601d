using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>Call-out: the user's device calls first (it answers its own leg), then the number or extension dialled rings.</summary>
public static class CallOutApi
{
    public sealed record CallOutFrom(string? DeviceId);
    public sealed record CallOutTo(string? PhoneNumber, string? ExtensionNumber);
    public sealed record CallOutRequest(CallOutFrom? From, CallOutTo? To);

    public static void MapCallOut(this IEndpointRouteBuilder app) =>
        app.MapPost("/restapi/v1.0/account/{accountId}/telephony/call-out", CallOut)
            .Rc("createCallOutCallSession", ThrottlingGroup.Heavy, AppPermissions.CallControl, null, UserAccess.AnyUser);

    private static async Task<Results<Created<CallSession>, ApiError>> CallOut(
        long accountId, CallOutRequest? body, Caller caller, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        var rawDevice = body?.From?.DeviceId;
        if (rawDevice is null) return Errors.RequiredParameter("from.deviceId");
        // A user calls out from their own device; another's device is as unknown as a missing one.
        if (!long.TryParse(rawDevice, NumberStyles.None, CultureInfo.InvariantCulture, out var deviceId)
            || !await db.Devices.AnyAsync(d => d.Id == deviceId && d.AccountId == accountId && d.ExtensionId == caller.ExtensionId, ct))
            return Errors.UnknownReference("from.deviceId", rawDevice);

        string to;
        if (body!.To?.ExtensionNumber is { } extension)
        {
            if (!await db.Extensions.AnyAsync(e => e.AccountId == accountId && e.ExtensionNumber == extension, ct)) return Errors.UnknownReference("to.extensionNumber", extension);
            to = extension;
        }
        else if (body.To?.PhoneNumber is { } number)
            to = E164.Dialled(number) ?? "";
        else return Errors.RequiredParameter("to.phoneNumber");
        if (to.Length == 0) return Errors.InvalidParameter("to.phoneNumber", body.To?.PhoneNumber);

        var result = await engine.PlaceFromDeviceAsync(accountId, caller.ExtensionId, deviceId, to, OriginType.Call, ct);
        if (result.Value is not { } session) return CallErrors.Of(result, "to.phoneNumber");
        return TypedResults.Created($"/restapi/v1.0/account/{accountId}/telephony/sessions/{session.TelephonySessionId}", new CallSession(SessionViews.Session(session)));
    }
}
