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

/// <summary>A timer the session started has fired: a ring step's end, an offset leg joining, or a scripted answer.</summary>
public sealed record TimerFired(int Token) : SessionCommand;

/// <summary>Does nothing; lets a caller wait until everything queued before it has been applied.</summary>
public sealed record Noop : SessionCommand
{
    public static readonly Noop Instance = new();
}
