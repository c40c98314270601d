namespace Switchboard.Telephony.Sessions;

// A telephony session and its parties as the Call Control API and the telephony-session events show
// them (the spec's CallSessionObject, CallParty and TelephonySessionsEvent). Immutable values: the
// session's one writer replaces them, readers see a consistent copy.

/// <summary>The spec's party status codes.</summary>
public enum PartyStatus { Setup, Proceeding, Answered, Hold, Parked, VoiceMail, Disconnected, Gone }

public enum CallDirection { Inbound, Outbound }

/// <summary>CallParty.ringOutRole: the user's own phone (rung first) and whoever it calls.</summary>
public enum RingOutRole { Initiator, Target }

/// <summary>CallParty.conferenceRole: the user whose conference it is, and everyone else in it.</summary>
public enum ConferenceRole { Host, Participant }

/// <summary>
/// A conference session's own data: the user who started it (its host, who joins by dialling the
/// token from a phone) and that token, the spec's voiceCallToken.
/// </summary>
public sealed record ConferenceInfo(long HostExtensionId, string VoiceCallToken);

/// <summary>The spec's origin types.</summary>
public enum OriginType { Call, RingOut, RingMe, Conference, GreetingsRecording, VerificationCall, TestCall }

/// <summary>One side of a party: a number, and the extension and device when it is one of the account's.</summary>
public sealed record CallEndpoint(string? PhoneNumber, string? Name = null, long? ExtensionId = null, long? DeviceId = null);

/// <summary>Where a parked call waits (the spec's park.id and status.parkData).</summary>
public sealed record ParkInfo(string Id);

/// <summary>A recording of a party (the spec's RecordingInfo): active, or paused. No audio is kept.</summary>
public sealed record PartyRecording(string Id, bool Active);

/// <summary>Another session, as a Gone party's peerId names it.</summary>
public sealed record SessionRef(string TelephonySessionId, string SessionId);

public sealed record Party(
    // "p-{session hex}-{n}", n counting from 1 in the order parties join.
    string Id,
    // The owner: the account and extension the party belongs to; null for parties outside any account.
    long? AccountId,
    long? ExtensionId,
    CallDirection Direction,
    CallEndpoint From,
    CallEndpoint To,
    PartyStatus Status,
    // status.reason where the platform gives one (e.g. "CallerInputRedirect", "BlindTransfer", "Pickup").
    string? Reason = null,
    // status.peerId for Gone parties: the party that replaced this one.
    string? PeerId = null,
    bool Muted = false,
    bool StandAlone = false,
    bool MissedCall = false,
    ParkInfo? Park = null,
    // Set on the parties of a RingOut only.
    RingOutRole? RingOutRole = null,
    // Started through the API (Create Recording), in order; null until the first.
    IReadOnlyList<PartyRecording>? Recordings = null,
    // The session of PeerId when it is another one (a party bridged away); null for this session.
    SessionRef? PeerSession = null,
    // Set on the parties of a conference only.
    ConferenceRole? ConferenceRole = null);

public sealed record SessionView(
    // "s-{32 hex}"
    string TelephonySessionId,
    // The legacy numeric id, as a string.
    string SessionId,
    long AccountId,
    OriginType Origin,
    DateTimeOffset CreationTime,
    // The parties in the order they joined, with their latest state (Disconnected ones included until the session ends).
    IReadOnlyList<Party> Parties,
    // Set for conference sessions only.
    ConferenceInfo? Conference = null);

/// <summary>
/// One change of one party, with the session's next sequence number (PLATFORM.md 2.8: one party per
/// event, sequence monotonic per session across all parties).
/// </summary>
public sealed record TelephonyEvent(
    long AccountId,
    string TelephonySessionId,
    string SessionId,
    long Sequence,
    DateTimeOffset EventTime,
    OriginType Origin,
    Party Party);
