using System.Globalization;
using Switchboard.Telephony.Sessions;

namespace Switchboard.CallControl;

// The wire shapes of the Call Control API (CallSessionObject, CallParty) and of the
// telephony-session event body, from the engine's sessions and parties.

public sealed record OriginInfo(string Type);

public sealed record PartyInfo(string? PhoneNumber, string? Name, string? DeviceId, string? ExtensionId);

public sealed record PeerInfo(string SessionId, string TelephonySessionId, string PartyId);

public sealed record CallStatusInfo(string Code, string? Reason, PeerInfo? PeerId, bool Rcc);

public sealed record OwnerInfo(string AccountId, string? ExtensionId);

public sealed record ParkInfoView(string Id);

/// <summary>RecordingInfo, in CallParty.recordings and the events' parties.</summary>
public sealed record RecordingInfo(string Id, bool Active);

/// <summary>CallParty.</summary>
public sealed record CallParty(
    string Id,
    string? AccountId,
    string? ExtensionId,
    CallStatusInfo Status,
    bool Muted,
    bool StandAlone,
    ParkInfoView? Park,
    PartyInfo From,
    PartyInfo To,
    OwnerInfo? Owner,
    string Direction,
    // Initiator or Target, on the parties of a RingOut only.
    string? RingOutRole = null,
    IReadOnlyList<RecordingInfo>? Recordings = null,
    // Host or Participant, on the parties of a conference only.
    string? ConferenceRole = null);

/// <summary>CallSession: the body of call-out and of Start Conference Call Session.</summary>
public sealed record CallSession(CallSessionObject Session);

/// <summary>CallSessionObject; <paramref name="VoiceCallToken"/> for conferences only.</summary>
public sealed record CallSessionObject(string Id, OriginInfo Origin, IReadOnlyList<CallParty> Parties, DateTime CreationTime, string? VoiceCallToken = null);

public static class SessionViews
{
    public static CallSessionObject Session(SessionView s) =>
        new(s.TelephonySessionId, new OriginInfo(s.Origin.ToString()), [.. s.Parties.Select(p => Party(s, p))], s.CreationTime.UtcDateTime,
            s.Conference?.VoiceCallToken);

    public static CallParty Party(SessionView s, Party p) => new(
        p.Id,
        Id(p.AccountId),
        Id(p.ExtensionId),
        Status(p, s.SessionId, s.TelephonySessionId),
        p.Muted,
        p.StandAlone,
        p.Park is null ? null : new ParkInfoView(p.Park.Id),
        Endpoint(p.From),
        Endpoint(p.To),
        p.AccountId is { } account ? new OwnerInfo(Id(account)!, Id(p.ExtensionId)) : null,
        p.Direction.ToString(),
        p.RingOutRole?.ToString(),
        Recordings(p),
        p.ConferenceRole?.ToString());

    /// <summary>status, with peerId for a Gone party: in this session unless the party moved to another (a bridge).</summary>
    public static CallStatusInfo Status(Party p, string sessionId, string telephonySessionId) => new(
        p.Status.ToString(), p.Reason,
        p.PeerId is null ? null : new PeerInfo(p.PeerSession?.SessionId ?? sessionId, p.PeerSession?.TelephonySessionId ?? telephonySessionId, p.PeerId),
        false);

    /// <summary>Null (left out) until the party's first recording.</summary>
    public static IReadOnlyList<RecordingInfo>? Recordings(Party p) =>
        p.Recordings is { Count: > 0 } recordings ? [.. recordings.Select(r => new RecordingInfo(r.Id, r.Active))] : null;

    public static PartyInfo Endpoint(CallEndpoint e) => new(e.PhoneNumber, e.Name, Id(e.DeviceId), Id(e.ExtensionId));

    public static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
