namespace Switchboard.Telephony.Sessions;

/// <summary>An input to a session's state machine. Each is applied by the session's one writer, in order.</summary>
public abstract record SessionCommand;

/// <summary>A call from <paramref name="From"/> to a number of the session's account; routed by its rules.</summary>
public sealed record StartInbound(string From, string To) : SessionCommand;

/// <summary>A call placed from an extension's device to an extension number, a number of the account or an outside number.</summary>
public sealed record StartFromDevice(long ExtensionId, long? DeviceId, string To) : SessionCommand;

/// <summary>
/// RingOut: the platform rings the user's own phone <paramref name="From"/> (an outside number, or the
/// line of one of the user's devices when <paramref name="FromDeviceId"/> is set) and, once it answers,
/// calls <paramref name="To"/>: an outside number, or a number or extension number of the account.
/// </summary>
public sealed record StartRingOut(long ExtensionId, string From, long? FromDeviceId, string To) : SessionCommand;

/// <summary>A ringing party is answered (by one of its extension's devices, or the outside phone).</summary>
public sealed record AnswerParty(string PartyId, long? DeviceId) : SessionCommand;

public sealed record DeclineParty(string PartyId) : SessionCommand;

public sealed record HangUpParty(string PartyId) : SessionCommand;

public sealed record SendDigits(string PartyId, string Digits) : SessionCommand;

// Call Control: what a user or an administrator does to a live call through the API, where the
// commands above are the phones themselves. Each is refused (InvalidState) when the party's state
// does not allow it; the rules are in Transition.Control.cs and docs/compat.md.

/// <summary>End Call Session: every party is disconnected (a RingOut is cancelled).</summary>
public sealed record DropCall : SessionCommand
{
    public static readonly DropCall Instance = new();
}

/// <summary>Answer Call Party: a ringing party of an extension answers on one of that extension's devices.</summary>
public sealed record AnswerOnDevice(string PartyId, long DeviceId) : SessionCommand;

/// <summary>An answered party of a connected call goes on hold; its peer stays Answered.</summary>
public sealed record HoldParty(string PartyId) : SessionCommand;

public sealed record UnholdParty(string PartyId) : SessionCommand;

/// <summary>Update Call Party: a null flag stays as it is.</summary>
public sealed record UpdateParty(string PartyId, bool? Muted, bool? StandAlone) : SessionCommand;

/// <summary>The party stops ringing; the caller goes on to the plan's next step when nothing else rings.</summary>
public sealed record RejectParty(string PartyId) : SessionCommand;

/// <summary>One device of a ringing party stops ringing; with nothing of the party left ringing, as a reject.</summary>
public sealed record IgnoreParty(string PartyId, long DeviceId) : SessionCommand;

/// <summary>
/// Delete Call Party: the party leaves the call, which ends it (a call has two sides). In a conference
/// only that party leaves, unless it is the host and <paramref name="KeepConferenceAlive"/> is false.
/// </summary>
public sealed record RemoveParty(string PartyId, bool KeepConferenceAlive = false) : SessionCommand;

/// <summary>A timer the session started has fired: a ring step's end, an offset leg joining, or a scripted answer.</summary>
public sealed record TimerFired(int Token) : SessionCommand;

/// <summary>Does nothing; lets a caller wait until everything queued before it has been applied.</summary>
public sealed record Noop : SessionCommand
{
    public static readonly Noop Instance = new();
}
