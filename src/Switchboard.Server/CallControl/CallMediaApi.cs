using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Extensions;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// Call Control, continued: record a party (start, pause, resume), reply to a ringing call with a
/// message, supervise a call or a party (Listen) and bridge two calls of a user. Access as
/// in <see cref="CallControlApi"/>: a session is found as the reads find it (404), a user acts on their
/// own parties (403 <c>CMN-402</c> otherwise), refusals are 409 <c>TAS-102</c> and change nothing.
/// Supervision is for administrators (there are no call monitoring groups). Bodies are read field by
/// field so that an error names its field.
/// </summary>
public static class CallMediaApi
{
    /// <summary>CallRecording.</summary>
    public sealed record CallRecording(string Id, bool Active);

    /// <summary>ReplyParty.</summary>
    public sealed record ReplyParty(
        string Id, CallStatusInfo Status, bool Muted, bool StandAlone, ParkInfoView? Park, PartyInfo From, PartyInfo To, OwnerInfo? Owner, string Direction);

    /// <summary>SuperviseCallSessionResponse and PartySuperviseResponse (the same fields).</summary>
    public sealed record SuperviseResponse(
        PartyInfo From, PartyInfo To, string Direction, string Id, string? AccountId, string? ExtensionId, bool Muted, OwnerInfo? Owner, bool StandAlone, CallStatusInfo Status);

    private static readonly string[] Patterns =
        ["WillCallYouBack", "CallMeBack", "OnMyWay", "OnTheOtherLine", "WillCallYouBackLater", "CallMeBackLater", "InAMeeting", "OnTheOtherLineNoCall"];
    private static readonly string[] TimeUnits = ["Minute", "Hour", "Day"];
    private static readonly string[] Modes = ["Listen"];
    private static readonly string[] MediaSdp = ["sendOnly", "sendRecv"];

    public static void MapCallMedia(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}");
        Op(session.MapPost("/supervise", SuperviseSession), "superviseCallSession");
        var party = session.MapGroup("/parties/{partyId}");
        Op(party.MapPost("/recordings", StartRecording), "startCallRecording");
        Op(party.MapPatch("/recordings/{recordingId}", SetRecording), "pauseResumeCallRecording");
        Op(party.MapPost("/reply", Reply), "replyParty");
        Op(party.MapPost("/supervise", SuperviseParty), "superviseCallParty");
        Op(party.MapPost("/bridge", Bridge), "bridgeCallParty");
    }

    private static void Op(RouteHandlerBuilder route, string operationId) =>
        route.Rc(operationId, ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);

    /// <summary>No body is read (the spec has none; ringcentral-call-control sends none).</summary>
    private static async Task<Results<Created<CallRecording>, ApiError>> StartRecording(
        long accountId, string telephonySessionId, string partyId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        var result = await engine.StartRecordingAsync(telephonySessionId, partyId, ct);
        if (RecordingOf(result, partyId, null) is not { } recording) return CallErrors.Of(result, "partyId");
        return TypedResults.Created($"/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}/recordings/{recording.Id}", recording);
    }

    private static async Task<Results<Ok<CallRecording>, ApiError>> SetRecording(
        long accountId, string telephonySessionId, string partyId, string recordingId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (JsonFields.Open(body, "active", out var fields) is { } invalid) return invalid;
        if (fields.Flag("active", out var active) is { } wrong) return wrong;
        if (active is not { } value) return Errors.RequiredParameter("active");
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        if (engine.Find(telephonySessionId)?.Parties.FirstOrDefault(p => p.Id == partyId)?.Recordings?.Any(r => r.Id == recordingId) != true)
            return Errors.NotFound("recordingId");
        var result = await engine.SetRecordingAsync(telephonySessionId, partyId, recordingId, value, ct);
        return RecordingOf(result, partyId, recordingId) is { } recording ? TypedResults.Ok(recording) : CallErrors.Of(result, "recordingId");
    }

    /// <summary>CallPartyReply: replyWithText, or replyWithPattern (with time and timeUnit for the two patterns that take them). The text is not kept.</summary>
    private static async Task<Results<Ok<ReplyParty>, ApiError>> Reply(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (ReadReply(body) is { } invalid) return invalid;
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        var result = await engine.ReplyAsync(telephonySessionId, partyId, ct);
        if (result.Value is not { } after || after.Parties.FirstOrDefault(p => p.Id == partyId) is not { } party) return CallErrors.Of(result, "partyId");
        var view = SessionViews.Party(after, party);
        return TypedResults.Ok(new ReplyParty(view.Id, view.Status, view.Muted, view.StandAlone, view.Park, view.From, view.To, view.Owner, view.Direction));
    }

    private static async Task<Results<Created<SuperviseResponse>, ApiError>> SuperviseSession(
        long accountId, string telephonySessionId, [FromBody] JsonElement? body, Caller caller, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        var request = ReadSupervise(body, partyLevel: false);
        if (request.Error is not null) return request.Error;
        var (session, error) = SessionApi.Visible(engine, accountId, telephonySessionId, caller);
        if (session is null) return error!;
        return await SuperviseAsync(accountId, telephonySessionId, null, request, caller, db, engine, ct);
    }

    private static async Task<Results<Created<SuperviseResponse>, ApiError>> SuperviseParty(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        var request = ReadSupervise(body, partyLevel: true);
        if (request.Error is not null) return request.Error;
        var (session, error) = SessionApi.Visible(engine, accountId, telephonySessionId, caller);
        if (session is null) return error!;
        if (!session.Parties.Any(p => p.Id == partyId)) return Errors.NotFound("partyId");
        return await SuperviseAsync(accountId, telephonySessionId, partyId, request, caller, db, engine, ct);
    }

    /// <summary>
    /// Only an administrator supervises (Switchboard has no call monitoring groups). The supervisor is
    /// the owner of the device named, a user of the account; the device is a desk phone or a softphone
    /// (the spec: WebRTC and mobile apps cannot be used).
    /// </summary>
    private static async Task<Results<Created<SuperviseResponse>, ApiError>> SuperviseAsync(
        long accountId, string telephonySessionId, string? partyId, SuperviseRequest request, Caller caller, SwitchboardDb db, ICallEngine engine, CancellationToken ct)
    {
        if (!caller.IsAdmin) return Errors.AdminRequired() with { Message = "Only an administrator can supervise calls." };
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DeviceId && d.AccountId == accountId, ct);
        var owner = device?.ExtensionId is { } ownerId ? await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == ownerId && e.AccountId == accountId, ct) : null;
        if (device is null || owner is null || !ExtensionViews.IsUser(owner.Type) || owner.Status != ExtensionStatus.Enabled)
            return Errors.UnknownReference(request.DeviceField, request.RawDevice);
        if (device.Type is not (DeviceType.HardPhone or DeviceType.SoftPhone or DeviceType.OtherPhone))
            return Errors.Invalid(request.DeviceField, request.RawDevice, $"Supervision uses a desk phone or a softphone, not a {device.Type} device.");
        var agent = request.AgentId is { } agentId
            ? await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == agentId && e.AccountId == accountId, ct)
            : await db.Extensions.AsNoTracking().FirstOrDefaultAsync(e => e.ExtensionNumber == request.AgentNumber && e.AccountId == accountId, ct);
        if (agent is null) return Errors.UnknownReference(request.AgentField, request.RawAgent);
        if (agent.Id == owner.Id) return Errors.Invalid(request.DeviceField, request.RawDevice, "The agent cannot supervise their own call.");

        var supervisor = new CallEndpoint(owner.ExtensionNumber, owner.Name, owner.Id, device.Id);
        var result = await engine.SuperviseAsync(telephonySessionId, supervisor, agent.Id, partyId, ct);
        if (result.Value is not { Parties: [.., var joined] } after) return CallErrors.Of(result, request.AgentField);
        var view = SessionViews.Party(after, joined);
        return TypedResults.Created(
            $"/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{joined.Id}",
            new SuperviseResponse(view.From, view.To, view.Direction, view.Id, view.AccountId, view.ExtensionId, view.Muted, view.Owner, view.StandAlone, view.Status));
    }

    /// <summary>
    /// BridgeTargetRequest: the user's party in another call. The two parties are the same user's
    /// (an administrator's any user's); the target is checked as the path is, but as a body field
    /// (400 <c>CMN-102</c>) rather than a 404.
    /// </summary>
    private static async Task<Results<Ok<CallParty>, ApiError>> Bridge(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (targetSession, targetParty, invalid) = ReadSessionParty(body, "telephonySessionId");
        if (invalid is not null) return invalid;
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        if (targetSession == telephonySessionId) return Errors.Invalid("telephonySessionId", targetSession, "A call cannot be bridged with itself.");
        if (Reachable(engine, accountId, targetSession, targetParty, "telephonySessionId", caller) is { } unreachable) return unreachable;
        return CallControlApi.Party(await engine.BridgeAsync(telephonySessionId, partyId, targetSession, targetParty, ct), partyId);
    }

    /// <summary>A session and party named in a body: visible to the caller (400 <c>CMN-102</c> otherwise) and controlled by them (403).</summary>
    internal static ApiError? Reachable(ICallEngine engine, long accountId, string sessionId, string partyId, string sessionField, Caller caller)
    {
        var (session, _) = SessionApi.Visible(engine, accountId, sessionId, caller);
        if (session is null) return Errors.UnknownReference(sessionField, sessionId);
        if (!session.Parties.Any(p => p.Id == partyId)) return Errors.UnknownReference("partyId", partyId);
        return CallControlApi.Controlled(engine, accountId, sessionId, partyId, caller);
    }

    private static CallRecording? RecordingOf(CallResult<SessionView> result, string partyId, string? recordingId) =>
        result.Value?.Parties.FirstOrDefault(p => p.Id == partyId)?.Recordings is { Count: > 0 } recordings
        && (recordingId is null ? recordings[^1] : recordings.FirstOrDefault(r => r.Id == recordingId)) is { } r
            ? new CallRecording(r.Id, r.Active)
            : null;

    private static ApiError? ReadReply(JsonElement? body)
    {
        if (JsonFields.Open(body, "replyWithText", out var fields) is { } invalid) return invalid;
        if (fields.Text("replyWithText", out var text) is { } wrongText) return wrongText;
        if (fields.Object("replyWithPattern", out var pattern) is { } wrongPattern) return wrongPattern;
        if (text is not null && pattern is not null) return Errors.Invalid("replyWithPattern", null, "Give replyWithText or replyWithPattern, not both.");
        if (text is not null) return string.IsNullOrWhiteSpace(text) ? Errors.Invalid("replyWithText", text, "The text is not empty.") : null;
        if (pattern is not { } p)
            return Errors.RequiredParameter("replyWithText") with { Message = "Parameter [replyWithText] or [replyWithPattern] is required." };
        if (p.OneOf("pattern", Patterns, out var name) is { } wrongName) return wrongName;
        if (name is null) return Errors.RequiredParameter(p.Name("pattern"));
        if (p.Integer("time", out var time) is { } wrongTime) return wrongTime;
        if (time is <= 0) return Errors.Invalid(p.Name("time"), time.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "It is a positive number.");
        if (p.OneOf("timeUnit", TimeUnits, out var unit) is { } wrongUnit) return wrongUnit;
        // "Applicable only to WillCallYouBack, CallMeBack patterns": those two say when, the others ignore it.
        if (name is "WillCallYouBack" or "CallMeBack")
        {
            if (time is null) return Errors.RequiredParameter(p.Name("time"));
            if (unit is null) return Errors.RequiredParameter(p.Name("timeUnit"));
        }
        return null;
    }

    private sealed record SuperviseRequest(
        long DeviceId, string DeviceField, string? RawDevice, long? AgentId, string? AgentNumber, string AgentField, string? RawAgent, ApiError? Error = null)
    {
        public static SuperviseRequest Invalid(ApiError error) => new(0, "", null, null, null, "", null, error);
    }

    /// <summary>
    /// SuperviseCallSessionRequest or PartySuperviseRequest. The session's request is also read with the
    /// names of the guide and of ringcentral-call-control (<c>deviceId</c>, <c>extensionNumber</c>);
    /// <c>autoAnswer</c> and <c>mediaSDP</c> are checked and not used (the simulated device answers at once).
    /// </summary>
    private static SuperviseRequest ReadSupervise(JsonElement? body, bool partyLevel)
    {
        if (JsonFields.Open(body, "mode", out var fields) is { } invalid) return SuperviseRequest.Invalid(invalid);
        if (fields.OneOf("mode", Modes, out var mode) is { } wrongMode) return SuperviseRequest.Invalid(wrongMode);
        if (mode is null) return SuperviseRequest.Invalid(Errors.RequiredParameter("mode"));

        var deviceField = !partyLevel && !fields.Has("supervisorDeviceId") && fields.Has("deviceId") ? "deviceId" : "supervisorDeviceId";
        if (fields.Id(deviceField, out var device, out var rawDevice) is { } wrongDevice) return SuperviseRequest.Invalid(wrongDevice);
        if (device is not { } deviceId) return SuperviseRequest.Invalid(Errors.RequiredParameter("supervisorDeviceId"));

        if (fields.Flag("autoAnswer", out _) is { } wrongAnswer) return SuperviseRequest.Invalid(wrongAnswer);
        if (fields.OneOf("mediaSDP", MediaSdp, out _) is { } wrongSdp) return SuperviseRequest.Invalid(wrongSdp);

        if (fields.Id("agentExtensionId", out var agentId, out var rawAgentId) is { } wrongAgentId) return SuperviseRequest.Invalid(wrongAgentId);
        if (partyLevel)
        {
            return agentId is null
                ? SuperviseRequest.Invalid(Errors.RequiredParameter("agentExtensionId"))
                : new SuperviseRequest(deviceId, deviceField, rawDevice, agentId, null, "agentExtensionId", rawAgentId);
        }
        var numberField = !fields.Has("agentExtensionNumber") && fields.Has("extensionNumber") ? "extensionNumber" : "agentExtensionNumber";
        if (fields.Text(numberField, out var number) is { } wrongNumber) return SuperviseRequest.Invalid(wrongNumber);
        if (number is not null && agentId is not null)
            return SuperviseRequest.Invalid(Errors.Invalid("agentExtensionId", rawAgentId, "Give agentExtensionNumber or agentExtensionId, not both."));
        if (agentId is not null) return new SuperviseRequest(deviceId, deviceField, rawDevice, agentId, null, "agentExtensionId", rawAgentId);
        if (string.IsNullOrWhiteSpace(number))
            return SuperviseRequest.Invalid(number is null
                ? Errors.RequiredParameter("agentExtensionNumber") with { Message = "Parameter [agentExtensionNumber] or [agentExtensionId] is required." }
                : Errors.InvalidParameter(numberField, number));
        return new SuperviseRequest(deviceId, deviceField, rawDevice, null, number, numberField, number);
    }

    /// <summary>A session id (under <paramref name="sessionField"/>, or the other spelling) and a party id, both required.</summary>
    internal static (string Session, string Party, ApiError? Error) ReadSessionParty(JsonElement? body, string sessionField)
    {
        if (JsonFields.Open(body, sessionField, out var fields) is { } invalid) return ("", "", invalid);
        // Bring-in's AddPartyRequest says sessionId, the conference guide's sample telephonySessionId.
        var field = sessionField == "sessionId" && !fields.Has("sessionId") && fields.Has("telephonySessionId") ? "telephonySessionId" : sessionField;
        if (fields.Text(field, out var session) is { } wrongSession) return ("", "", wrongSession);
        if (string.IsNullOrWhiteSpace(session)) return ("", "", session is null ? Errors.RequiredParameter(sessionField) : Errors.InvalidParameter(field, session));
        if (fields.Text("partyId", out var party) is { } wrongParty) return ("", "", wrongParty);
        if (string.IsNullOrWhiteSpace(party)) return ("", "", party is null ? Errors.RequiredParameter("partyId") : Errors.InvalidParameter("partyId", party));
        return (session, party, null);
    }
}
