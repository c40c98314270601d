using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>What a command on a call can fail with; the server maps each to a RingCentral error.</summary>
public enum CallError
{
    /// <summary>No account owns the number called (or the caller's account is unknown).</summary>
    NumberNotFound,
    SessionNotFound,
    PartyNotFound,
    /// <summary>The party is not in a state that allows the command (e.g. answering a call that is already answered).</summary>
    InvalidState,
    /// <summary>A device or extension given does not exist or cannot take part.</summary>
    InvalidTarget,
    /// <summary>What a call was to be moved to is not there: an extension number, a mailbox, a park orbit or a call flip number.</summary>
    TargetNotFound,
}

public sealed record CallResult<T>(T? Value, CallError? Error, string? Message = null);

public static class CallResult
{
    public static CallResult<T> Ok<T>(T value) => new(value, null);
    public static CallResult<T> Fail<T>(CallError error, string message) => new(default, error, message);
}

/// <summary>How a simulated device or outside phone reacts when it rings.</summary>
public enum BehaviourKind { AnswerAfter, NeverAnswer, Busy, Reject }

public sealed record Behaviour(BehaviourKind Kind, TimeSpan After = default);

/// <summary>An extension's live calls, as presence shows them (activeCalls).</summary>
public sealed record ActiveCall(
    string TelephonySessionId,
    string SessionId,
    string PartyId,
    CallDirection Direction,
    string? From,
    string? FromName,
    string? To,
    string? ToName,
    // NoCall, Ringing, CallConnected, OnHold, ParkedCall (the spec's telephonyStatus)
    string TelephonyStatus,
    DateTimeOffset StartTime);

/// <summary>
/// The live call state, behind one interface so that a distributed runtime can own sessions later
/// (design rule 8). Every command is queued to the one writer of its session and applied in order;
/// the returned task completes when it has been applied.
/// </summary>
public interface ICallEngine
{
    /// <summary>Every event of every session, in each session's sequence order. Handlers run on the session's writer and must not block.</summary>
    IDisposable Subscribe(Action<TelephonyEvent> handler);

    /// <summary>A call from an outside number to a number of an account; routed by its rules.</summary>
    Task<CallResult<SessionView>> PlaceInboundAsync(string from, string to, CancellationToken ct = default);

    /// <summary>A call placed from an extension's device to an extension number or an outside number, or a conference's voiceCallToken to join it.</summary>
    Task<CallResult<SessionView>> PlaceFromDeviceAsync(long accountId, long extensionId, long? deviceId, string to, OriginType origin = OriginType.Call, CancellationToken ct = default);

    /// <summary>
    /// RingOut for a user: rings <paramref name="fromNumber"/> (an outside phone, or the line of the
    /// user's device <paramref name="fromDeviceId"/>) and, once it answers, calls <paramref name="toNumber"/>
    /// (an outside number, a number of the account or an extension number). Completes once started.
    /// </summary>
    Task<CallResult<RingOutView>> PlaceRingOutAsync(long accountId, long extensionId, string fromNumber, string toNumber, long? fromDeviceId = null, CancellationToken ct = default);

    /// <summary>A RingOut by its id, live or recently ended; null when unknown or forgotten.</summary>
    RingOutView? FindRingOut(string ringOutId);

    /// <summary>Cancels a live RingOut: every party is disconnected. A RingOut that has already ended is returned as it ended.</summary>
    Task<CallResult<RingOutView>> CancelRingOutAsync(string ringOutId, CancellationToken ct = default);

    /// <summary>The simulator acting as a device or outside phone: answer a ringing party (deviceId: which of the extension's devices).</summary>
    Task<CallResult<SessionView>> AnswerAsync(string telephonySessionId, string partyId, long? deviceId, CancellationToken ct = default);

    /// <summary>The device declines: it stops ringing; the call goes on to the plan's next step when nothing else rings.</summary>
    Task<CallResult<SessionView>> DeclineAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>The party hangs up.</summary>
    Task<CallResult<SessionView>> HangUpAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>The caller presses keys (to an IVR menu).</summary>
    Task<CallResult<SessionView>> SendDigitsAsync(string telephonySessionId, string partyId, string digits, CancellationToken ct = default);

    /// <summary>
    /// Call Control (the API acting on a call, where the commands above are the phones): a command the
    /// party's state does not allow fails with <see cref="CallError.InvalidState"/> and changes nothing.
    /// </summary>
    Task<CallResult<SessionView>> DropCallAsync(string telephonySessionId, CancellationToken ct = default);

    Task<CallResult<SessionView>> AnswerOnDeviceAsync(string telephonySessionId, string partyId, long deviceId, CancellationToken ct = default);

    Task<CallResult<SessionView>> HoldAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    Task<CallResult<SessionView>> UnholdAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>Sets muted and stand-alone; a null flag stays as it is.</summary>
    Task<CallResult<SessionView>> UpdatePartyAsync(string telephonySessionId, string partyId, bool? muted, bool? standAlone, CancellationToken ct = default);

    Task<CallResult<SessionView>> RejectAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    Task<CallResult<SessionView>> IgnoreAsync(string telephonySessionId, string partyId, long deviceId, CancellationToken ct = default);

    /// <summary>The party leaves; in a conference the others stay, unless the host leaves without <paramref name="keepConferenceAlive"/>.</summary>
    Task<CallResult<SessionView>> RemovePartyAsync(string telephonySessionId, string partyId, bool keepConferenceAlive = false, CancellationToken ct = default);

    /// <summary>A ringing party stops ringing and the call goes to the target instead.</summary>
    Task<CallResult<SessionView>> ForwardAsync(string telephonySessionId, string partyId, MoveTarget target, CancellationToken ct = default);

    /// <summary>Blind transfer: the answered party leaves and the other side is connected to the target.</summary>
    Task<CallResult<SessionView>> TransferAsync(string telephonySessionId, string partyId, MoveTarget target, CancellationToken ct = default);

    /// <summary>Parks the answered party at the account's first free orbit, <c>*801</c> to <c>*899</c>; at most 50 calls of an account are parked at once.</summary>
    Task<CallResult<SessionView>> ParkAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>A parked call is taken on a device of the account (of <paramref name="extensionId"/> when set).</summary>
    Task<CallResult<SessionView>> PickUpAsync(string telephonySessionId, string partyId, long deviceId, long? extensionId, CancellationToken ct = default);

    /// <summary>The answered call moves to the party's call flip number with this digit.</summary>
    Task<CallResult<SessionView>> FlipAsync(string telephonySessionId, string partyId, int flipNumber, CancellationToken ct = default);
    /// <summary>Starts the party's recording; the new one is the last of the party's <see cref="Party.Recordings"/>.</summary>
    Task<CallResult<SessionView>> StartRecordingAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>Pauses (false) or resumes (true) a recording of the party.</summary>
    Task<CallResult<SessionView>> SetRecordingAsync(string telephonySessionId, string partyId, string recordingId, bool active, CancellationToken ct = default);

    /// <summary>A ringing party replies with a message instead of answering (the text itself is not kept).</summary>
    Task<CallResult<SessionView>> ReplyAsync(string telephonySessionId, string partyId, CancellationToken ct = default);

    /// <summary>
    /// A supervisor's device (<paramref name="supervisor"/>: extension, device, number and name) listens
    /// to the call, or to one party of it; the supervisor's party is the last of the session after.
    /// </summary>
    Task<CallResult<SessionView>> SuperviseAsync(string telephonySessionId, CallEndpoint supervisor, long agentExtensionId, string? partyId, CancellationToken ct = default);

    /// <summary>
    /// Bridge: a user with a party in each of two calls connects the other sides and drops out. The party
    /// <paramref name="partyId"/> talks to moves to <paramref name="targetSessionId"/>; the first call
    /// ends. The result is the first call as it ended.
    /// </summary>
    Task<CallResult<SessionView>> BridgeAsync(string telephonySessionId, string partyId, string targetSessionId, string targetPartyId, CancellationToken ct = default);

    /// <summary>
    /// Start Conference Call Session for a user: a conference with no party (its voiceCallToken in
    /// <see cref="SessionView.Conference"/>), which ends unless a phone dials the token within 38 seconds.
    /// </summary>
    Task<CallResult<SessionView>> StartConferenceAsync(long accountId, long hostExtensionId, CancellationToken ct = default);

    /// <summary>
    /// Bring-in: the host of a conference, in another call with party <paramref name="partyId"/>, brings
    /// the party they talk to into the conference; that call ends (its parties Gone, reason Conference).
    /// The result is the conference with the new party last.
    /// </summary>
    Task<CallResult<SessionView>> BringInAsync(string conferenceSessionId, string telephonySessionId, string partyId, CancellationToken ct = default);

    SessionView? Find(string telephonySessionId);

    /// <summary>Live sessions, of one account or of all.</summary>
    IReadOnlyList<SessionView> Live(long? accountId = null);

    /// <summary>An extension's active calls, for presence.</summary>
    IReadOnlyList<ActiveCall> ActiveCalls(long extensionId);

    /// <summary>How an outside number (E.164) or a device (by id) behaves when it rings; null restores the default.</summary>
    void SetBehaviour(string phoneNumber, Behaviour? behaviour);
    void SetDeviceBehaviour(long deviceId, Behaviour? behaviour);
    Behaviour BehaviourOf(string phoneNumber);
    Behaviour DeviceBehaviourOf(long deviceId);

    /// <summary>Completes when every command and timer queued so far has been applied (the simulator answers after it).</summary>
    Task WhenIdleAsync();

    /// <summary>The most recent events (newest last), for the simulator's event log.</summary>
    IReadOnlyList<TelephonyEvent> RecentEvents(int count);
}
