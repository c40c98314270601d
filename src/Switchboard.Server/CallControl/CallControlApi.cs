using System.Text.Json;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// Call Control on a live call: end it, answer, hold, mute, reject, ignore, delete a party. A session
/// is found as the reads find it (404 otherwise); a user who is not an administrator controls only
/// their own parties and sees 403 <c>CMN-402</c> for another's, which they can read but not touch. The
/// engine applies a command or refuses it (409 <c>TAS-102</c>) without changing anything.
/// </summary>
public static class CallControlApi
{
    /// <summary>AnswerTarget and IgnoreRequestBody.</summary>
    public sealed record DeviceTarget([property: JsonConverter(typeof(LenientString))] string? DeviceId);

    /// <summary>HoldCallPartyRequest: the protocol is checked and ignored (there is no SIP to choose).</summary>
    public sealed record HoldRequest(string? Proto);

    private static readonly string[] HoldProtocols = ["Auto", "RC", "BroadWorks", "DisconnectHolder", "BroadWorksOrDisconnectHolder"];

    public static void MapCallControl(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}");
        Op(session.MapDelete("", Drop), "deleteCallSession");
        var party = session.MapGroup("/parties/{partyId}");
        Op(party.MapPost("/answer", Answer), "answerCallParty");
        Op(party.MapPost("/hold", Hold), "holdCallParty");
        Op(party.MapPost("/unhold", Unhold), "unholdCallParty");
        Op(party.MapPatch("", PartyUpdate.Update), "updateCallParty");
        Op(party.MapPost("/reject", Reject), "rejectParty");
        Op(party.MapPost("/ignore", Ignore), "ignoreCallInQueue");
        Op(party.MapDelete("", Remove), "deleteCallParty");
    }

    private static void Op(RouteHandlerBuilder route, string operationId) =>
        route.Rc(operationId, ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);

    /// <summary>A user ends a call they are still in (having rung in it once is not enough); an administrator any call of the account.</summary>
    private static async Task<Results<NoContent, ApiError>> Drop(long accountId, string telephonySessionId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (session, error) = SessionApi.Visible(engine, accountId, telephonySessionId, caller);
        if (session is null) return error!;
        if (!caller.IsAdmin && !InCall(session, caller.ExtensionId))
            return Errors.AdminRequired("telephonySessionId") with { Message = "The user has left this call; only an administrator can end it." };
        return NoContent(await engine.DropCallAsync(telephonySessionId, ct), "telephonySessionId");
    }

    private static async Task<Results<Ok<CallParty>, ApiError>> Answer(
        long accountId, string telephonySessionId, string partyId, DeviceTarget? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (device, invalid) = DeviceOf(body);
        if (invalid is not null) return invalid;
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return Party(await engine.AnswerOnDeviceAsync(telephonySessionId, partyId, device, ct), partyId, "deviceId");
    }

    private static async Task<Results<Ok<CallParty>, ApiError>> Hold(
        long accountId, string telephonySessionId, string partyId, HoldRequest? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (body?.Proto is { } proto && Array.IndexOf(HoldProtocols, proto) < 0) return Errors.InvalidParameter("proto", proto);
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return Party(await engine.HoldAsync(telephonySessionId, partyId, ct), partyId);
    }

    private static async Task<Results<Ok<CallParty>, ApiError>> Unhold(
        long accountId, string telephonySessionId, string partyId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return Party(await engine.UnholdAsync(telephonySessionId, partyId, ct), partyId);
    }

    private static async Task<Results<NoContent, ApiError>> Reject(
        long accountId, string telephonySessionId, string partyId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return NoContent(await engine.RejectAsync(telephonySessionId, partyId, ct));
    }

    private static async Task<Results<NoContent, ApiError>> Ignore(
        long accountId, string telephonySessionId, string partyId, DeviceTarget? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (device, invalid) = DeviceOf(body);
        if (invalid is not null) return invalid;
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return NoContent(await engine.IgnoreAsync(telephonySessionId, partyId, device, ct), "deviceId");
    }

    /// <summary>
    /// DeletePartyRequest is optional (ringcentral-call-control sends its options, often none); its
    /// <c>keepConferenceAlive</c> matters when the host leaves a conference.
    /// </summary>
    private static async Task<Results<NoContent, ApiError>> Remove(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        bool? keepAlive = null;
        if (body is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) })
        {
            if (JsonFields.Open(body, "keepConferenceAlive", out var fields) is { } invalid) return invalid;
            if (fields.Flag("keepConferenceAlive", out keepAlive) is { } wrong) return wrong;
        }
        if (Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return NoContent(await engine.RemovePartyAsync(telephonySessionId, partyId, keepAlive ?? false, ct));
    }

    /// <summary>
    /// Null when the caller may act on the party: the session is visible to them (else 404 as for
    /// reads), the party is in it (404), and it is theirs or they administer its account (403).
    /// </summary>
    internal static ApiError? Controlled(ICallEngine engine, long accountId, string telephonySessionId, string partyId, Caller caller)
    {
        var (session, error) = SessionApi.Visible(engine, accountId, telephonySessionId, caller);
        if (session is null) return error;
        if (Find(session, partyId) is not { } party) return Errors.NotFound("partyId");
        var allowed = caller.IsAdmin ? party.AccountId == caller.AccountId : party.ExtensionId == caller.ExtensionId;
        return allowed ? null : Errors.AdminRequired("partyId") with { Message = $"Party {partyId} is not the user's own; only an administrator can control it." };
    }

    internal static Results<Ok<CallParty>, ApiError> Party(CallResult<SessionView> result, string partyId, string target = "partyId") =>
        result.Value is { } after && Find(after, partyId) is { } party ? TypedResults.Ok(SessionViews.Party(after, party)) : CallErrors.Of(result, target);

    private static Results<NoContent, ApiError> NoContent(CallResult<SessionView> result, string target = "partyId") =>
        result.Value is null ? CallErrors.Of(result, target) : TypedResults.NoContent();

    internal static (long DeviceId, ApiError? Error) DeviceOf(DeviceTarget? body)
    {
        if (body?.DeviceId is not { } raw) return (0, Errors.RequiredParameter("deviceId"));
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (id, null) : (0, Errors.InvalidParameter("deviceId", raw));
    }

    private static Telephony.Sessions.Party? Find(SessionView session, string partyId)
    {
        foreach (var p in session.Parties)
            if (p.Id == partyId) return p;
        return null;
    }

    private static bool InCall(SessionView session, long extensionId)
    {
        foreach (var p in session.Parties)
            if (p.ExtensionId == extensionId && p.Status is not (PartyStatus.Disconnected or PartyStatus.Gone)) return true;
        return false;
    }
}
