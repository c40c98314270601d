using Switchboard.Http;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

// The Call Log API's shapes (CallLogRecord and its parties) for the calls in progress: the
// active-calls lists read them from the engine's live sessions.

/// <summary>CallTransportEnum.</summary>
public enum CallTransport { PSTN, VoIP }

/// <summary>CallTypeEnum; every call the engine carries is Voice.</summary>
public enum CallType { Voice, Fax }

/// <summary>The active-calls conferenceType filter: the engine's conferences are audio conferences; it holds no meetings.</summary>
public enum ConferenceType { AudioConferencing, Meetings }

public enum CallLogView { Simple, Detailed }

/// <summary>CallLogRecordDeviceInfo.</summary>
public sealed record CallLogDevice(string Id, string Uri);

/// <summary>CallLogFromParty and CallLogToParty.</summary>
public sealed record CallLogParty(string? PhoneNumber, string? ExtensionNumber, string? ExtensionId, string? Name, CallLogDevice? Device);

/// <summary>ExtensionInfoCallLog.</summary>
public sealed record CallLogExtension(long Id, string Uri);

/// <summary>CallLogRecord of a call in progress.</summary>
public sealed record CallLogRecord(
    string Id,
    string Uri,
    string SessionId,
    string TelephonySessionId,
    string PartyId,
    CallLogExtension? Extension,
    CallType Type,
    CallDirection Direction,
    string Action,
    string Result,
    CallTransport Transport,
    CallLogParty From,
    CallLogParty To,
    DateTime StartTime,
    long Duration);

public static class ActiveCallViews
{
    public const string ConferenceCall = "Conference Call";

    public static bool IsActive(Party p) => p.Status is not (PartyStatus.Disconnected or PartyStatus.Gone);

    /// <summary>An extension's record of one of its parties: the call as that user sees it.</summary>
    public static CallLogRecord OfExtension(SessionView s, Party p, DateTimeOffset now, Links links) =>
        Record(s, p, company: false, $"{links.Extension(s.AccountId, p.ExtensionId!.Value)}/call-log/{p.Id}", now, links);

    /// <summary>
    /// The company's record of a call: the call as its first active party sees it (the caller, until a
    /// transfer hands the call over), with the account's extension on its side. Null when nobody is left.
    /// </summary>
    public static CallLogRecord? OfCompany(SessionView s, DateTimeOffset now, Links links) =>
        s.Parties.FirstOrDefault(IsActive) is { } first
            ? Record(s, first, company: true, $"{links.Account(s.AccountId)}/call-log/{first.Id}", now, links)
            : null;

    private static CallLogRecord Record(SessionView s, Party p, bool company, string uri, DateTimeOffset now, Links links)
    {
        var (direction, from, to) = AsSeen(p);
        var (own, other) = direction == CallDirection.Inbound ? (to, from) : (from, to);
        var conference = s.Origin == OriginType.Conference;
        // The extension the call reached or was placed from; else whoever of the account is in it now.
        var extension = company ? own.ExtensionId ?? s.Parties.FirstOrDefault(q => q.ExtensionId is not null && IsActive(q))?.ExtensionId : null;
        return new CallLogRecord(
            p.Id, uri, s.SessionId, s.TelephonySessionId, p.Id,
            extension is { } id ? new CallLogExtension(id, links.Extension(s.AccountId, id)) : null,
            CallType.Voice,
            direction,
            conference ? ConferenceCall : direction == CallDirection.Inbound ? "Phone Call" : s.Origin == OriginType.RingOut ? "RingOut Web" : "VoIP Call",
            "In Progress",
            // An outside number is reached through the phone network; phones of the platform talk VoIP.
            // The other side of a conference is its bridge: the phone that dialled in decides.
            (conference ? own : other).ExtensionId is null ? CallTransport.PSTN : CallTransport.VoIP,
            Endpoint(from, s.AccountId, links),
            Endpoint(to, s.AccountId, links),
            s.CreationTime.UtcDateTime,
            Math.Max(0, (long)(now - s.CreationTime).TotalSeconds));
    }

    /// <summary>Direction, from and to as the account's user sees the call, where the party's own view differs.</summary>
    private static (CallDirection Direction, CallEndpoint From, CallEndpoint To) AsSeen(Party p) => p switch
    {
        // A RingOut rings the user's own phone first, from the number called: for the user it is an outbound call.
        { RingOutRole: RingOutRole.Initiator } => (CallDirection.Outbound, p.To, p.From),
        // Everyone in a conference has called its bridge (Call Control shows the bridge's side: Inbound).
        { ConferenceRole: not null } => (CallDirection.Outbound, p.From, p.To),
        // An outside phone's party points the other way: an inbound call's caller is Outbound, an outbound call's far end Inbound.
        { ExtensionId: null } => (p.Direction == CallDirection.Inbound ? CallDirection.Outbound : CallDirection.Inbound, p.From, p.To),
        _ => (p.Direction, p.From, p.To),
    };

    /// <summary>
    /// A number in E.164 is a phone number; a short one (an internal call dials 102, a park orbit *801) an
    /// extension number; anything else (a conference's bridge) leaves only the name.
    /// </summary>
    private static CallLogParty Endpoint(CallEndpoint e, long accountId, Links links)
    {
        var number = e.PhoneNumber ?? "";
        var e164 = number.StartsWith('+');
        var dialled = !e164 && number.Length > 0 && number.All(c => char.IsAsciiDigit(c) || c is '*' or '#');
        var device = e.DeviceId is { } d ? new CallLogDevice(SessionViews.Id(d)!, $"{links.Account(accountId)}/device/{SessionViews.Id(d)}") : null;
        return new CallLogParty(e164 ? number : null, dialled ? number : null, SessionViews.Id(e.ExtensionId), e.Name, device);
    }
}
