using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>Reading live calls: a session and one of its parties, as the engine has them now.</summary>
public static class SessionApi
{
    public static void MapCallSessions(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/restapi/v1.0/account/{accountId}/telephony/sessions/{telephonySessionId}");
        sessions.MapGet("", ReadSession)
            .Rc("readCallSessionStatus", ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);
        sessions.MapGet("/parties/{partyId}", ReadParty)
            .Rc("readCallPartyStatus", ThrottlingGroup.Light, AppPermissions.CallControl, null, UserAccess.AnyUser);
    }

    private static Results<Ok<CallSessionObject>, ApiError> ReadSession(long accountId, string telephonySessionId, Caller caller, ICallEngine engine)
    {
        var (session, error) = Visible(engine, accountId, telephonySessionId, caller);
        return session is null ? error! : TypedResults.Ok(SessionViews.Session(session));
    }

    private static Results<Ok<CallParty>, ApiError> ReadParty(long accountId, string telephonySessionId, string partyId, Caller caller, ICallEngine engine)
    {
        var (session, error) = Visible(engine, accountId, telephonySessionId, caller);
        if (session is null) return error!;
        var party = session.Parties.FirstOrDefault(p => p.Id == partyId);
        return party is null ? Errors.NotFound("partyId") : TypedResults.Ok(SessionViews.Party(session, party));
    }

    /// <summary>
    /// A session of the account; a user who is not an administrator sees only the calls they take part
    /// in (and the conferences they host), and another user's call is as unknown to them as a session
    /// of another account.
    /// </summary>
    public static (SessionView? Session, ApiError? Error) Visible(ICallEngine engine, long accountId, string telephonySessionId, Caller caller)
    {
        var session = engine.Find(telephonySessionId);
        if (session is null || session.AccountId != accountId && !session.Parties.Any(p => p.AccountId == accountId))
            return (null, Errors.NotFound("telephonySessionId"));
        if (!caller.IsAdmin && session.Conference?.HostExtensionId != caller.ExtensionId && !session.Parties.Any(p => p.ExtensionId == caller.ExtensionId))
            return (null, Errors.NotFound("telephonySessionId"));
        return (session, null);
    }
}
