namespace Switchboard.Telephony.Sessions;

/// <summary>The spec's CallingStatusInfo values Switchboard reports for a RingOut and its two legs.</summary>
public enum CallingStatus { InProgress, Success, Busy, NoAnswer, Rejected, Finished, CannotReach, GenericError }

/// <summary>RingOutStatusInfo: the whole call, the first leg (the user's phone) and the second (the number called).</summary>
public readonly record struct RingOutStatus(CallingStatus Call, CallingStatus Caller, CallingStatus Callee);

/// <summary>A RingOut as the ring-out API shows it. The id is the session's numeric <c>sessionId</c>.</summary>
public sealed record RingOutView(string Id, long AccountId, long ExtensionId, string TelephonySessionId, RingOutStatus Status);

/// <summary>
/// What a RingOut session remembers besides its parties: who asked for it, and how each leg ended.
/// <see cref="CalleeFailure"/> is the last reason the second leg failed (busy, rejected...); it only
/// counts if nothing answered afterwards. <see cref="Final"/> is set when the session ends.
/// <see cref="Reached"/> is set when a connected call moves on (transferred, parked, flipped): the
/// RingOut succeeded, whatever the call does next.
/// </summary>
public sealed record RingOutInfo(
    long ExtensionId,
    CallingStatus? CallerFailure = null,
    CallingStatus? CalleeFailure = null,
    RingOutStatus? Final = null,
    bool Reached = false)
{
    private static readonly RingOutStatus Dialling = new(CallingStatus.InProgress, CallingStatus.InProgress, CallingStatus.InProgress);
    private static readonly RingOutStatus CalleeRinging = new(CallingStatus.InProgress, CallingStatus.Success, CallingStatus.InProgress);
    private static readonly RingOutStatus Connected = new(CallingStatus.Success, CallingStatus.Success, CallingStatus.Success);

    /// <summary>
    /// The developer guide's statuses: InProgress while a leg is being set up, Success once it answers,
    /// Finished when a connected leg ends; the call is Success once both legs connected, CannotReach
    /// when it ended before. Anything that takes the call on the callee's side (a phone, voicemail, a
    /// menu, an announcement, a park location) counts as the callee answering.
    /// </summary>
    public RingOutStatus StatusIn(CallPhase phase) => Final ?? (Reached ? CallPhase.Connected : phase) switch
    {
        CallPhase.RingOutFirstLeg or CallPhase.DeviceSetup => Dialling,
        CallPhase.Ringing => CalleeRinging,
        CallPhase.Menu or CallPhase.Announcement or CallPhase.VoiceMail or CallPhase.Parked or CallPhase.Connected => Connected,
        // Only reached if a session ended without Final being set; the call cannot be in progress.
        CallPhase.Ended => new(CallingStatus.CannotReach, CallingStatus.Finished, CallingStatus.Finished),
    };

    /// <summary>How the call ends, from the phase it was in when it ended.</summary>
    public RingOutInfo Ending(CallPhase phase) => this with
    {
        Final = (Reached ? CallPhase.Connected : phase) switch
        {
            CallPhase.RingOutFirstLeg or CallPhase.DeviceSetup => new(CallingStatus.CannotReach, CallerFailure ?? CallingStatus.NoAnswer, CallingStatus.InProgress),
            CallPhase.Ringing => new(CallingStatus.CannotReach, CallingStatus.Finished, CalleeFailure ?? CallingStatus.NoAnswer),
            CallPhase.Menu or CallPhase.Announcement or CallPhase.VoiceMail or CallPhase.Parked or CallPhase.Connected or CallPhase.Ended =>
                new(CallingStatus.Success, CallingStatus.Finished, CallingStatus.Finished),
        },
    };
}
