using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;

namespace Switchboard.CallControl;

/// <summary>
/// Update Call Party (mute, stand-alone). The spec's PartyUpdateRequest wraps the fields as
/// <c>{"party":{"muted":true}}</c>; ringcentral-call-control sends <c>{"muted":true}</c> at the top
/// level (CLIENTS.md 6.1), so both are read: <c>party</c> when it is there, else the top level.
/// The body is read by hand so that a wrong value names its field instead of failing the whole JSON.
/// </summary>
internal static class PartyUpdate
{
    public static async Task<Results<Ok<CallParty>, ApiError>> Update(
        long accountId, string telephonySessionId, string partyId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (muted, standAlone, invalid) = Read(body);
        if (invalid is not null) return invalid;
        if (CallControlApi.Controlled(engine, accountId, telephonySessionId, partyId, caller) is { } error) return error;
        return CallControlApi.Party(await engine.UpdatePartyAsync(telephonySessionId, partyId, muted, standAlone, ct), partyId);
    }

    internal static (bool? Muted, bool? StandAlone, ApiError? Error) Read(JsonElement? body)
    {
        // No body at all binds as an undefined element rather than null.
        if (body is not { } root || root.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return (null, null, Errors.RequiredParameter("party"));
        if (root.ValueKind != JsonValueKind.Object) return (null, null, Errors.Invalid("party", root.GetRawText(), "The body is a JSON object."));
        var prefix = "";
        var fields = root;
        if (root.TryGetProperty("party", out var wrapped))
        {
            if (wrapped.ValueKind != JsonValueKind.Object) return (null, null, Errors.Invalid("party", wrapped.GetRawText(), "It is an object with muted and standAlone."));
            (prefix, fields) = ("party.", wrapped);
        }
        bool? muted = null, standAlone = null;
        foreach (var field in fields.EnumerateObject())
        {
            // Names are matched as the rest of the API binds them (case-insensitive); other fields are ignored.
            var isMuted = field.Name.Equals("muted", StringComparison.OrdinalIgnoreCase);
            if (!isMuted && !field.Name.Equals("standAlone", StringComparison.OrdinalIgnoreCase)) continue;
            var kind = field.Value.ValueKind;
            if (kind == JsonValueKind.Null) continue;
            if (kind is not (JsonValueKind.True or JsonValueKind.False)) return (null, null, Errors.Invalid(prefix + field.Name, field.Value.GetRawText(), "It is true or false."));
            if (isMuted) muted = kind == JsonValueKind.True;
            else standAlone = kind == JsonValueKind.True;
        }
        if (muted is null && standAlone is null)
            return (null, null, Errors.RequiredParameter(prefix + "muted") with { Message = $"Parameter [{prefix}muted] or [{prefix}standAlone] is required." });
        return (muted, standAlone, null);
    }
}
