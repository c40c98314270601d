using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.CallControl;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Simulator;

/// <summary>
/// Switchboard's own API (not RingCentral's) to drive the call engine: place calls from outside
/// numbers and devices, act as the phones that ring, script how outside numbers and devices behave,
/// and ask how a call would be routed. An administrator of the account uses it for that account.
/// </summary>
public static class SimulatorApi
{
    public sealed record PlaceCallRequest(string? From, string? To);
    public sealed record DeviceCallRequest(string? ExtensionId, string? DeviceId, string? To);
    public sealed record AnswerRequest(string? DeviceId);
    public sealed record DigitsRequest(string? Digits);
    public sealed record BehaviourRequest(string? Kind, double? AfterSeconds);
    public sealed record PlanRequest(string? From, string? To, string? FromExtensionId, DateTime? At);

    public static void MapSimulator(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/switchboard/v1/account/{accountId}/simulator").WithTags("Simulator");
        Op(sim.MapPost("/calls", PlaceInbound), "simulatorPlaceInboundCall");
        Op(sim.MapPost("/device-calls", PlaceFromDevice), "simulatorPlaceDeviceCall");
        Op(sim.MapGet("/sessions", ListSessions), "simulatorListSessions");
        Op(sim.MapPost("/sessions/{telephonySessionId}/parties/{partyId}/answer", Answer), "simulatorAnswer");
        Op(sim.MapPost("/sessions/{telephonySessionId}/parties/{partyId}/decline", Decline), "simulatorDecline");
        Op(sim.MapPost("/sessions/{telephonySessionId}/parties/{partyId}/hangup", HangUp), "simulatorHangUp");
        Op(sim.MapPost("/sessions/{telephonySessionId}/parties/{partyId}/digits", Digits), "simulatorSendDigits");
        Op(sim.MapGet("/events", RecentEvents), "simulatorRecentEvents");
        Op(sim.MapGet("/numbers/{phoneNumber}/behaviour", ReadNumberBehaviour), "simulatorReadNumberBehaviour");
        Op(sim.MapPut("/numbers/{phoneNumber}/behaviour", SetNumberBehaviour), "simulatorSetNumberBehaviour");
        Op(sim.MapGet("/devices/{deviceId}/behaviour", ReadDeviceBehaviour), "simulatorReadDeviceBehaviour");
        Op(sim.MapPut("/devices/{deviceId}/behaviour", SetDeviceBehaviour), "simulatorSetDeviceBehaviour");
        Op(sim.MapPost("/plan", Plan), "simulatorRoutingPlan");
    }

    private static void Op(RouteHandlerBuilder route, string name) =>
        route.Rc(name, ThrottlingGroup.NoThrottling, AppPermissions.CallControl, null, UserAccess.Admin);

    private static async Task<Results<Created<CallSessionObject>, ApiError>> PlaceInbound(
        long accountId, PlaceCallRequest? body, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        var from = E164.Normalize(body?.From);
        if (from is null) return body?.From is null ? Errors.RequiredParameter("from") : Errors.InvalidParameter("from", body.From);
        var to = E164.Normalize(body?.To);
        if (to is null) return body?.To is null ? Errors.RequiredParameter("to") : Errors.InvalidParameter("to", body.To);
        // The number called must be one of this account's: an administrator drives their own account only.
        if (!await db.PhoneNumbers.AnyAsync(p => p.Number == to && p.AccountId == accountId, ct)) return Errors.UnknownReference("to", to);
        var result = await engine.PlaceInboundAsync(from, to, ct);
        return result.Value is { } session ? Created(accountId, session) : CallErrors.Of(result);
    }

    private static async Task<Results<Created<CallSessionObject>, ApiError>> PlaceFromDevice(
        long accountId, DeviceCallRequest? body, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        if (!long.TryParse(body?.ExtensionId, NumberStyles.None, CultureInfo.InvariantCulture, out var extensionId))
            return body?.ExtensionId is null ? Errors.RequiredParameter("extensionId") : Errors.InvalidParameter("extensionId", body.ExtensionId);
        if (!await db.Extensions.AnyAsync(e => e.Id == extensionId && e.AccountId == accountId, ct)) return Errors.UnknownReference("extensionId", body!.ExtensionId);
        long? deviceId = null;
        if (body!.DeviceId is not null)
        {
            if (!long.TryParse(body.DeviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !await db.Devices.AnyAsync(d => d.Id == id && d.ExtensionId == extensionId, ct))
                return Errors.UnknownReference("deviceId", body.DeviceId);
            deviceId = id;
        }
        if (string.IsNullOrWhiteSpace(body.To)) return Errors.RequiredParameter("to");
        // An extension number as dialled inside the account, an outside number, or a conference's voiceCallToken.
        var to = body.To.StartsWith("conf_", StringComparison.Ordinal) ? body.To : E164.Dialled(body.To);
        if (to is null) return Errors.InvalidParameter("to", body.To);
        var result = await engine.PlaceFromDeviceAsync(accountId, extensionId, deviceId, to, OriginType.Call, ct);
        return result.Value is { } session ? Created(accountId, session) : CallErrors.Of(result);
    }

    private static Ok<SessionList> ListSessions(long accountId, ICallEngine engine) =>
        TypedResults.Ok(new SessionList([.. engine.Live(accountId).Select(SessionViews.Session)]));

    private static async Task<Results<Ok<CallSessionObject>, ApiError>> Answer(
        long accountId, string telephonySessionId, string partyId, AnswerRequest? body, ICallEngine engine, CancellationToken ct)
    {
        long? deviceId = null;
        if (body?.DeviceId is { } raw)
        {
            if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return Errors.InvalidParameter("deviceId", raw);
            deviceId = id;
        }
        return await Command(accountId, telephonySessionId, engine, () => engine.AnswerAsync(telephonySessionId, partyId, deviceId, ct), "deviceId");
    }

    private static Task<Results<Ok<CallSessionObject>, ApiError>> Decline(long accountId, string telephonySessionId, string partyId, ICallEngine engine, CancellationToken ct) =>
        Command(accountId, telephonySessionId, engine, () => engine.DeclineAsync(telephonySessionId, partyId, ct));

    private static Task<Results<Ok<CallSessionObject>, ApiError>> HangUp(long accountId, string telephonySessionId, string partyId, ICallEngine engine, CancellationToken ct) =>
        Command(accountId, telephonySessionId, engine, () => engine.HangUpAsync(telephonySessionId, partyId, ct));

    private static async Task<Results<Ok<CallSessionObject>, ApiError>> Digits(
        long accountId, string telephonySessionId, string partyId, DigitsRequest? body, ICallEngine engine, CancellationToken ct)
    {
        var digits = body?.Digits;
        if (string.IsNullOrEmpty(digits)) return Errors.RequiredParameter("digits");
        if (!digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#')) return Errors.InvalidParameter("digits", digits);
        return await Command(accountId, telephonySessionId, engine, () => engine.SendDigitsAsync(telephonySessionId, partyId, digits, ct));
    }

    private static async Task<Results<Ok<CallSessionObject>, ApiError>> Command(
        long accountId, string telephonySessionId, ICallEngine engine, Func<Task<CallResult<SessionView>>> command, string target = "partyId")
    {
        if (engine.Find(telephonySessionId) is not { } session || session.AccountId != accountId) return Errors.NotFound("telephonySessionId");
        var result = await command();
        return result.Value is { } after ? TypedResults.Ok(SessionViews.Session(after)) : CallErrors.Of(result, target);
    }

    private static Results<Ok<EventList>, ApiError> RecentEvents(long accountId, ICallEngine engine, HttpRequest request)
    {
        var raw = request.Query["count"].ToString();
        var count = 100;
        if (raw.Length > 0 && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 1000))
            return Errors.InvalidParameter("count", raw);
        var events = engine.RecentEvents(1000).Where(e => e.AccountId == accountId || e.Party.AccountId == accountId).TakeLast(count);
        return TypedResults.Ok(new EventList([.. events.Select(e => new EventRecord(Subscriptions.TelephonyEvents.EventPath(e), Subscriptions.TelephonyEvents.Body(e)))]));
    }

    private static Results<Ok<BehaviourView>, ApiError> ReadNumberBehaviour(string phoneNumber, ICallEngine engine) =>
        E164.Normalize(phoneNumber) is { } number ? TypedResults.Ok(SimulatorViews.Behaviour(engine.BehaviourOf(number))) : Errors.InvalidParameter("phoneNumber", phoneNumber);

    /// <summary>Outside numbers only: the account's own numbers are answered by the engine's routing, not by a script.</summary>
    private static async Task<Results<Ok<BehaviourView>, ApiError>> SetNumberBehaviour(
        string phoneNumber, BehaviourRequest? body, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        if (E164.Normalize(phoneNumber) is not { } number) return Errors.InvalidParameter("phoneNumber", phoneNumber);
        if (await db.PhoneNumbers.AnyAsync(p => p.Number == number, ct)) return Errors.Invalid("phoneNumber", phoneNumber, "It is a number of an account, routed by its rules.");
        var (behaviour, error) = ParseBehaviour(body);
        if (error is not null) return error;
        engine.SetBehaviour(number, behaviour);
        return TypedResults.Ok(SimulatorViews.Behaviour(engine.BehaviourOf(number)));
    }

    private static async Task<Results<Ok<BehaviourView>, ApiError>> ReadDeviceBehaviour(long accountId, string deviceId, SwitchboardDb db, ICallEngine engine, CancellationToken ct) =>
        await DeviceOf(db, accountId, deviceId, ct) is { } id ? TypedResults.Ok(SimulatorViews.Behaviour(engine.DeviceBehaviourOf(id))) : Errors.NotFound("deviceId");

    private static async Task<Results<Ok<BehaviourView>, ApiError>> SetDeviceBehaviour(
        long accountId, string deviceId, BehaviourRequest? body, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        if (await DeviceOf(db, accountId, deviceId, ct) is not { } id) return Errors.NotFound("deviceId");
        var (behaviour, error) = ParseBehaviour(body);
        if (error is not null) return error;
        engine.SetDeviceBehaviour(id, behaviour);
        return TypedResults.Ok(SimulatorViews.Behaviour(engine.DeviceBehaviourOf(id)));
    }

    private static async Task<long?> DeviceOf(SwitchboardDb db, long accountId, string deviceId, CancellationToken ct) =>
        long.TryParse(deviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await db.Devices.AnyAsync(d => d.Id == id && d.AccountId == accountId, ct) ? id : null;

    /// <summary>An empty body (or kind Default) restores the default behaviour.</summary>
    private static (Behaviour? Behaviour, ApiError? Error) ParseBehaviour(BehaviourRequest? body)
    {
        if (body?.Kind is null or "Default") return (null, null);
        if (!WireEnum.TryParse<BehaviourKind>(body.Kind, out var kind))
            return (null, Errors.InvalidParameter("kind", body.Kind));
        if (body.AfterSeconds is < 0 or > 3600) return (null, Errors.Invalid("afterSeconds", body.AfterSeconds.Value.ToString(CultureInfo.InvariantCulture), "From 0 to 3600 seconds."));
        return (new Behaviour(kind, TimeSpan.FromSeconds(body.AfterSeconds ?? 0)), null);
    }

    /// <summary>How a call would be routed now (or at a given instant), with the reason for each step; nothing is placed.</summary>
    private static async Task<Results<Ok<PlanView>, ApiError>> Plan(
        long accountId, PlanRequest? body, IRoutingDirectory directory, SimulatorClock clock, CancellationToken ct)
    {
        long? fromExtension = null;
        if (body?.FromExtensionId is { } rawExtension)
        {
            if (!long.TryParse(rawExtension, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return Errors.InvalidParameter("fromExtensionId", rawExtension);
            fromExtension = id;
        }
        if (string.IsNullOrWhiteSpace(body?.To)) return Errors.RequiredParameter("to");
        var to = fromExtension is not null ? E164.Dialled(body.To) : E164.Normalize(body.To);
        if (to is null) return Errors.InvalidParameter("to", body.To);
        var from = body.From is null ? "" : E164.Normalize(body.From) ?? body.From;
        var account = await directory.FindAccountAsync(accountId, ct);
        if (account is null) return Errors.NotFound("accountId");
        if (fromExtension is { } caller && !account.Extensions.ContainsKey(caller)) return Errors.UnknownReference("fromExtensionId", body.FromExtensionId);
        if (fromExtension is null && !account.Numbers.ContainsKey(to)) return Errors.UnknownReference("to", to);
        var at = body.At is { } instant ? new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Utc)) : clock.GetUtcNow();
        return TypedResults.Ok(SimulatorViews.Plan(Router.Route(new RoutingRequest(account, from, to, fromExtension, at))));
    }

    private static Created<CallSessionObject> Created(long accountId, SessionView session) =>
        TypedResults.Created($"/restapi/v1.0/account/{accountId}/telephony/sessions/{session.TelephonySessionId}", SessionViews.Session(session));
}
