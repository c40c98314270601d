using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

/// <summary>
/// Active calls: the Call Log API's records of the calls in progress, read from the engine's live
/// sessions, newest first (the spec: "ordered by start time in descending order").
/// </summary>
public static class ActiveCallsApi
{
    public static void MapActiveCalls(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/restapi/v1.0/account/{accountId}");
        account.MapGet("/extension/{extensionId}/active-calls", ListExtension)
            .Rc("listExtensionActiveCalls", ThrottlingGroup.Heavy, AppPermissions.ReadCallLog, "ReadCallLog", UserAccess.OwnOrAdmin);
        account.MapGet("/active-calls", ListCompany)
            .Rc("listCompanyActiveCalls", ThrottlingGroup.Heavy, AppPermissions.ReadCallLog, "ReadCallLog", UserAccess.Admin);
    }

    /// <summary>One record per active party of the extension.</summary>
    private static async Task<Results<Ok<PagedList<CallLogRecord>>, ApiError>> ListExtension(
        long accountId, long extensionId, SwitchboardDb db, ICallEngine engine, SimulatorClock clock, HttpRequest request, CancellationToken ct)
    {
        var (query, error) = ActiveCallQuery.Parse(request);
        if (query is null) return error!;
        if (!await db.Extensions.AnyAsync(e => e.Id == extensionId && e.AccountId == accountId, ct)) return Errors.NotFound("extensionId");
        var (now, links) = (clock.GetUtcNow(), Links.For(request));
        var records = Newest(engine.Live(accountId)).SelectMany(s => s.Parties
            .Where(p => p.ExtensionId == extensionId && ActiveCallViews.IsActive(p))
            .Select(p => ActiveCallViews.OfExtension(s, p, now, links)));
        return TypedResults.Ok(query.Page.Slice([.. records.Where(query.Matches)], request, links));
    }

    /// <summary>One record per live call of the account.</summary>
    private static Results<Ok<PagedList<CallLogRecord>>, ApiError> ListCompany(long accountId, ICallEngine engine, SimulatorClock clock, HttpRequest request)
    {
        var (query, error) = ActiveCallQuery.Parse(request);
        if (query is null) return error!;
        var (now, links) = (clock.GetUtcNow(), Links.For(request));
        var records = Newest(engine.Live(accountId)).Select(s => ActiveCallViews.OfCompany(s, now, links)).OfType<CallLogRecord>();
        return TypedResults.Ok(query.Page.Slice([.. records.Where(query.Matches)], request, links));
    }

    // Calls placed at the same instant keep the order they were placed in (sessionId counts up).
    private static IEnumerable<SessionView> Newest(IEnumerable<SessionView> sessions) =>
        sessions.OrderByDescending(s => s.CreationTime).ThenByDescending(s => long.Parse(s.SessionId, CultureInfo.InvariantCulture));

    /// <summary>The lists' query: filters and paging; a value the spec does not allow is a 400 naming its parameter.</summary>
    private sealed record ActiveCallQuery(
        PageRequest Page,
        HashSet<CallDirection>? Directions,
        HashSet<CallType>? Types,
        HashSet<CallTransport>? Transports,
        HashSet<ConferenceType>? ConferenceTypes)
    {
        public static (ActiveCallQuery? Query, ApiError? Error) Parse(HttpRequest request)
        {
            var (page, error) = PageRequest.Parse(request, maxAllowed: true);
            if (error is not null) return (null, error);
            // Detailed adds nothing: the platform gives active calls in the Simple view only (docs/compat.md).
            var view = request.Query["view"].ToString();
            if (view.Length > 0 && !WireEnum.TryParse<CallLogView>(view, out _)) return (null, Errors.InvalidParameter("view", view));
            if (QueryValues.Enums<CallDirection>(request, "direction", out var directions) is { } badDirection) return (null, badDirection);
            if (QueryValues.Enums<CallType>(request, "type", out var types) is { } badType) return (null, badType);
            if (QueryValues.Enums<CallTransport>(request, "transport", out var transports) is { } badTransport) return (null, badTransport);
            if (QueryValues.Enums<ConferenceType>(request, "conferenceType", out var conferences) is { } badConference) return (null, badConference);
            return (new ActiveCallQuery(page, directions, types, transports, conferences), null);
        }

        // The engine's conferences are audio conferences; it holds no meetings.
        public bool Matches(CallLogRecord r) =>
            (ConferenceTypes is null || (r.Action == ActiveCallViews.ConferenceCall && ConferenceTypes.Contains(ConferenceType.AudioConferencing)))
            && (Directions?.Contains(r.Direction) ?? true)
            && (Types?.Contains(r.Type) ?? true)
            && (Transports?.Contains(r.Transport) ?? true);
    }
}
