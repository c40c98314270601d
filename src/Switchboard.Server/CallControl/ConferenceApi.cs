using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// Conferences: a user starts one (a session with no party and a voiceCallToken), joins it by dialling
/// the token from a phone (the simulator's device call), and brings the calls they are in into it.
/// </summary>
public static class ConferenceApi
{
    public static void MapConferences(this IEndpointRouteBuilder app)
    {
        app.MapPost("/restapi/v1.0/account/{accountId}/telephony/conference", Start)
            .Rc("createConferenceCallSession", ThrottlingGroup.Heavy, AppPermissions.CallControl, null, UserAccess.AnyUser);
        app.MapPost("/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/bring-in", BringIn)
            .Rc("createCallPartyWithBringIn", ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);
    }

    /// <summary>The spec has no request body (ringcentral-call-control sends <c>{}</c>); none is read. The caller is the host.</summary>
    private static async Task<Results<Created<CallSession>, ApiError>> Start(long accountId, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var result = await engine.StartConferenceAsync(accountId, caller.ExtensionId, ct);
        if (result.Value is not { } session) return CallErrors.Of(result, "extensionId");
        return TypedResults.Created($"/restapi/v1.0/account/{accountId}/telephony/sessions/{session.TelephonySessionId}", new CallSession(SessionViews.Session(session)));
    }

    /// <summary>
    /// AddPartyRequest (also read as <c>telephonySessionId</c>, the guide's spelling): a party of the
    /// user's in another call, whose other side joins the conference. As the platform: 403
    /// <c>TAS-106</c> for a session that is not a conference, or whose host has not dialled in yet; the
    /// party named is checked as bridge checks its target (400 <c>CMN-102</c>, 403 when not the user's).
    /// </summary>
    private static async Task<Results<Created<CallParty>, ApiError>> BringIn(
        long accountId, string telephonySessionId, [FromBody] JsonElement? body, Caller caller, ICallEngine engine, CancellationToken ct)
    {
        var (otherSession, otherParty, invalid) = CallMediaApi.ReadSessionParty(body, "sessionId");
        if (invalid is not null) return invalid;
        var (conference, error) = SessionApi.Visible(engine, accountId, telephonySessionId, caller);
        if (conference is null) return error!;
        if (otherSession == telephonySessionId) return Errors.Invalid("sessionId", otherSession, "A session is not brought into itself.");
        if (CallMediaApi.Reachable(engine, accountId, otherSession, otherParty, "sessionId", caller) is { } unreachable) return unreachable;
        if (conference.Conference is null)
            return Errors.CallOperationNotAllowed(
                $"Bring-in is supported for sessions of the Conference origin only; session {telephonySessionId} is a {conference.Origin} session.");
        if (!conference.Parties.Any(p => p.ConferenceRole == ConferenceRole.Host && p.Status is PartyStatus.Answered or PartyStatus.Hold))
            return Errors.CallOperationNotAllowed("The host has not joined the conference; dial its voiceCallToken from a phone first.");
        var result = await engine.BringInAsync(telephonySessionId, otherSession, otherParty, ct);
        if (result.Value is not { Parties: [.., var joined] } after) return CallErrors.Of(result, "partyId");
        return TypedResults.Created(
            $"/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}/parties/{joined.Id}", SessionViews.Party(after, joined));
    }
}
