using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// Call Control that moves a call: forward a ringing call, transfer an answered one, park it and pick
/// it up, flip it to one of the user's call flip numbers. Access as for the rest of Call Control
/// (<see cref="CallControlApi.Controlled"/>), except pickup: a parked call can be taken by any user of
/// the account. Bodies are checked first (400 naming the field), then access, then the engine refuses
/// what the call's state does not allow (409 <c>TAS-102</c>) or a target it cannot find (400).
/// </summary>
public static class CallMoveApi
{
    /// <summary>ForwardCallPartyResponse: a CallParty without accountId and extensionId.</summary>
    public sealed record ForwardedParty(
        string Id,
        CallStatusInfo Status,
        bool Muted,
        bool StandAlone,
        ParkInfoView? Park,
        PartyInfo From,
        PartyInfo To,
        OwnerInfo? Owner,
        string Direction,
        string? RingOutRole = null);

    /// <summary>CallPartyFlip.</summary>
    public sealed record FlipRequest([property: JsonConverter(typeof(LenientString))] string? CallFlipId);

    /// <summary>
    /// The answer to a flip. The spec declares none, but ringcentral-call-control parses one and throws
    /// on an empty body (CLIENTS.md 6.1), so it is <c>{}</c>.
    /// </summary>
    public sealed record Flipped;

    // ForwardTarget's fields, and TransferTarget's (the same and parkOrbit), in the order errors name them.
    private static readonly string[] ForwardFields = ["phoneNumber", "extensionNumber", "extensionId", "voicemail"];
    private static readonly string[] TransferFields = [.. ForwardFields, "parkOrbit"];

    public static void MapCallMoves(this IEndpointRouteBuilder app)
    {
        var party = app.MapGroup("/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{partyId}");
        Op(party.MapPost("/forward", Forward), "forwardCallParty");
        Op(party.MapPost("/transfer", Transfer), "transferCallParty");
        Op(party.MapPost("/park", Park), "callParkParty");
        Op(party.MapPost("/pickup", PickUp), "pickupCallParty");
        Op(party.MapPost("/flip", Flip), "callFlipParty");
    }

    private static void Op(RouteHandlerBuilder route, string operationId) =>
        route.Rc(operationId, ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);

    private static async Task<Results<Ok<ForwardedParty>, ApiError>> Forward(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (target, field, invalid) = ReadTarget(body, ForwardFields);
        if (invalid is not null) return invalid;
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        var result = await engine.ForwardAsync(telephonySessionId, partyId, target!, ct);
        if (result.Value is not { } after || Find(after, partyId) is not { } p) return CallErrors.Of(result, field);
        var party = SessionViews.Party(after, p);
        return TypedResults.Ok(new ForwardedParty(party.Id, party.Status, party.Muted, party.StandAlone, party.Park, party.From, party.To, party.Owner, party.Direction, party.RingOutRole));
    }

    private static async Task<Results<Ok<CallParty>, ApiError>> Transfer(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (target, field, invalid) = ReadTarget(body, TransferFields);
        if (invalid is not null) return invalid;
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return CallControlApi.Party(await engine.TransferAsync(telephonySessionId, partyId, target!, ct), partyId, field);
    }

    /// <summary>The party itself, now <c>Parked</c> with the orbit in <c>park.id</c>.</summary>
    private static async Task<Results<Created<CallParty>, ApiError>> Park(
        long accountId, string telephonySessionId, string partyId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return Created(accountId, await engine.ParkAsync(telephonySessionId, partyId, ct), partyId, "partyId");
    }

    /// <summary>
    /// The spec: a parked call "can further be retrieved by any user from any phone of the system". A
    /// user who is not in the call sees its parked party (and only that) for this; they pick up on one
    /// of their own devices, an administrator on any device of the account. The answer is the new party.
    /// </summary>
    private static async Task<Results<Created<CallParty>, ApiError>> PickUp(
        long accountId, string telephonySessionId, string partyId, CallControlApi.DeviceTarget? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (device, invalid) = CallControlApi.DeviceOf(body);
        if (invalid is not null) return invalid;
        var session = engine.Find(telephonySessionId);
        if (session is null || session.AccountId != accountId && !session.Parties.Any(p => p.AccountId == accountId)) return Errors.NotFound("telephonySessionId");
        var party = Find(session, partyId);
        var inCall = caller.IsAdmin || session.Parties.Any(p => p.ExtensionId == caller.ExtensionId);
        if (!inCall && party?.Status != PartyStatus.Parked) return Errors.NotFound("telephonySessionId");
        if (party is null) return Errors.NotFound("partyId");
        var result = await engine.PickUpAsync(telephonySessionId, partyId, device, caller.IsAdmin ? null : caller.ExtensionId, ct);
        var taken = result.Value is { } after ? Find(after, partyId)?.PeerId : null;
        return Created(accountId, result, taken ?? partyId, "deviceId");
    }

    private static async Task<Results<Ok<Flipped>, ApiError>> Flip(
        long accountId, string telephonySessionId, string partyId, FlipRequest? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        if (body?.CallFlipId is not { } raw) return Errors.RequiredParameter("callFlipId");
        if (FlipDigit(raw) is not { } digit)
            return Errors.Invalid("callFlipId", raw, $"It is a call flip number, 1 to {ForwardingNumbers.ForwardingBook.MaxFlipNumber}, with or without a leading '*' (\"*2\").");
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        var result = await engine.FlipAsync(telephonySessionId, partyId, digit, ct);
        return result.Value is null ? CallErrors.Of(result, "callFlipId") : TypedResults.Ok(new Flipped());
    }

    private static Results<Created<CallParty>, ApiError> Created(long accountId, CallResult<SessionView> result, string partyId, string target)
    {
        if (result.Value is not { } after || Find(after, partyId) is not { } party) return CallErrors.Of(result, target);
        var location = $"/restapi/v1.0/account/{accountId.ToString(CultureInfo.InvariantCulture)}/telephony/sessions/{after.TelephonySessionId}/parties/{party.Id}";
        return TypedResults.Created(location, SessionViews.Party(after, party));
    }

    /// <summary>"*2" or "2": the digit, when it is one a flip number can have.</summary>
    internal static int? FlipDigit(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith('*')) text = text[1..];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var digit) && digit is >= 1 and <= ForwardingNumbers.ForwardingBook.MaxFlipNumber ? digit : null;
    }

    /// <summary>
    /// Exactly one of the target's fields (names matched case-insensitively, a null value as absent,
    /// other fields ignored), checked for its form: <c>phoneNumber</c> in E.164 (seed 004), or the
    /// main number, '*' and an extension number; ids as digits. Read by hand, so a wrong value names its field.
    /// </summary>
    internal static (MoveTarget? Target, string Field, ApiError? Error) ReadTarget(JsonElement? body, string[] fields)
    {
        var list = string.Join(", ", fields.SkipLast(1).Select(f => $"[{f}]")) + $" or [{fields[^1]}]";
        var required = Errors.RequiredParameter(fields[0]) with { Message = $"Parameter {list} is required." };
        // No body at all binds as an undefined element rather than null.
        if (body is not { } root || root.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return (null, fields[0], required);
        if (root.ValueKind != JsonValueKind.Object) return (null, fields[0], Errors.Invalid(fields[0], root.GetRawText(), $"The body is a JSON object with one of {list}."));
        string? field = null, value = null;
        foreach (var property in root.EnumerateObject())
        {
            var name = Array.Find(fields, f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null || property.Value.ValueKind == JsonValueKind.Null) continue;
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!.Trim(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            if (text is null) return (null, name, Errors.Invalid(name, property.Value.GetRawText(), "It is a string."));
            if (field is not null) return (null, name, Errors.Invalid(name, text, $"Only one of {list} may be given; [{field}] is."));
            (field, value) = (name, text);
        }
        if (field is null) return (null, fields[0], required);
        var kind = field switch
        {
            "phoneNumber" => MoveTargetKind.PhoneNumber,
            "extensionNumber" => MoveTargetKind.ExtensionNumber,
            "extensionId" => MoveTargetKind.ExtensionId,
            "voicemail" => MoveTargetKind.Voicemail,
            _ => MoveTargetKind.ParkOrbit,
        };
        var valid = kind switch
        {
            MoveTargetKind.PhoneNumber => IsPhoneTarget(value!),
            MoveTargetKind.ExtensionNumber => value!.Length > 0 && value.All(char.IsAsciiDigit),
            _ => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        };
        if (!valid)
            return (null, field, Errors.Invalid(field, value, kind switch
            {
                MoveTargetKind.PhoneNumber => "It is a number in E.164 format (+16505550100), or the main company number, '*' and an extension number.",
                MoveTargetKind.ExtensionNumber => "It is an extension number.",
                MoveTargetKind.ParkOrbit => "It is the id of a park location.",
                _ => "It is an extension id.",
            }));
        return (new MoveTarget(kind, value!), field, null);
    }

    private static bool IsPhoneTarget(string value)
    {
        var star = value.IndexOf('*', StringComparison.Ordinal);
        var number = star < 0 ? value : value[..star];
        if (star >= 0 && (star == value.Length - 1 || !value[(star + 1)..].All(char.IsAsciiDigit))) return false;
        return number.StartsWith('+') && E164.Normalize(number) == number;
    }

    private static Party? Find(SessionView session, string partyId)
    {
        foreach (var p in session.Parties)
            if (p.Id == partyId) return p;
        return null;
    }
}
