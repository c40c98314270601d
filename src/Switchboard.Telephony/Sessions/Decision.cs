using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

public readonly record struct TimerStart(int Token, TimeSpan Due);

/// <summary>What the runtime must do after a decision: publish these events in order, start and cancel these timers.</summary>
public sealed record SessionEffects(IReadOnlyList<TelephonyEvent> Events, IReadOnlyList<TimerStart> StartTimers, IReadOnlyList<int> CancelTimers)
{
    public static readonly SessionEffects None = new([], [], []);
}

/// <summary>The result of one command: the new state and its effects, or an error and the state unchanged.</summary>
public sealed record Decision(SessionState State, SessionEffects Effects, CallError? Error = null, string? Message = null);
