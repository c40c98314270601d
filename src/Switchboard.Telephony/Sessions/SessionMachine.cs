using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

/// <summary>
/// The session state machine (design rule 3): <c>Decide(state, command, now)</c> returns the new state
/// and its effects (events to publish, each with the session's next sequence; timers to start or
/// cancel). No clock, no threads, no I/O: the runtime applies the effects.
/// </summary>
public sealed class SessionMachine(SessionRules rules)
{
    public SessionRules Rules { get; } = rules;

    public Decision Decide(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        if (command is Noop || (state.Ended && command is TimerFired)) return new Decision(state, SessionEffects.None);
        if (state.Ended) return new Decision(state, SessionEffects.None, CallError.SessionNotFound, "The call has ended.");
        if (!Allowed(state, command))
            return new Decision(state, SessionEffects.None, CallError.InvalidState,
                state.Conference is null ? "The session is not a conference." : "The session is a conference; its parties are held, muted, recorded or removed, not moved.");
        var t = new Transition(Rules, state, now);
        var failure = command switch
        {
            StartInbound c => t.StartInbound(c),
            StartFromDevice c => t.StartFromDevice(c),
            StartRingOut c => t.StartRingOut(c),
            AnswerParty c => t.Answer(c),
            DeclineParty c => t.Decline(c),
            HangUpParty c => t.HangUp(c),
            SendDigits c => t.Digits(c),
            DropCall => t.Drop(),
            AnswerOnDevice c => t.AnswerOnDevice(c),
            HoldParty c => t.Hold(c),
            UnholdParty c => t.Unhold(c),
            UpdateParty c => t.Update(c),
            RejectParty c => t.Reject(c),
            IgnoreParty c => t.Ignore(c),
            RemoveParty c => t.Remove(c),
            ForwardParty c => t.Forward(c),
            TransferParty c => t.Transfer(c),
            ParkParty c => t.Park(c),
            PickUpParty c => t.PickUp(c),
            FlipParty c => t.Flip(c),
            StartRecording c => t.StartRecording(c),
            SetRecording c => t.SetRecording(c),
            ReplyToCaller c => t.Reply(c),
            Supervise c => t.Supervise(c),
            BridgeAway c => t.BridgeAway(c),
            BridgeIn c => t.BridgeIn(c),
            StartConference c => t.StartConference(c),
            JoinConference c => t.JoinConference(c),
            ConferenceBringIn c => t.ConferenceBringIn(c),
            TimerFired c => t.Timer(c),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
        return failure is { } f ? new Decision(state, SessionEffects.None, f.Error, f.Message) : t.Done();
    }

    /// <summary>
    /// Commands that make sense in a conference: the phones' own (hang up), the parties' (hold, mute,
    /// record, delete) and the conference's. Moving a conference party (transfer, park, flip, bridge, ...)
    /// is refused; so are the conference's commands on a call.
    /// </summary>
    private static bool Allowed(SessionState s, SessionCommand command) => s.Conference is not null
        ? command is StartConference or JoinConference or ConferenceBringIn or HangUpParty or DropCall or HoldParty or UnholdParty
            or UpdateParty or RemoveParty or StartRecording or SetRecording or TimerFired
        : command is not (JoinConference or ConferenceBringIn);
}
