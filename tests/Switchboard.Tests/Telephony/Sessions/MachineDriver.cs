using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Tests.Telephony.Sessions;

/// <summary>
/// Drives the pure state machine by hand: applies decisions, keeps the timers it asks for in virtual
/// time and fires them in order when the test moves the clock. No threads, no engine.
/// </summary>
public sealed class MachineDriver
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);
    private readonly SortedDictionary<(DateTimeOffset Due, int Token), int> _timers = [];

    /// <param name="hex">The session's id after "s-" (a second call in the same test takes another).</param>
    public MachineDriver(Dictionary<string, RoutingPlan>? plans = null, OriginType origin = OriginType.Call, string hex = "0123456789abcdef0123456789abcdef", string sessionId = "21000000001")
    {
        Machine = new SessionMachine(new SessionRules(TestAccount.Routes(plans), Behaviours));
        State = SessionState.New("s-" + hex, sessionId, TestAccount.Build(), origin, Start);
    }

    public CallBehaviours Behaviours { get; } = new();
    public SessionMachine Machine { get; }
    public SessionState State { get; private set; }
    public DateTimeOffset Now { get; private set; } = Start;
    public List<TelephonyEvent> Events { get; } = [];
    public IReadOnlyCollection<int> PendingTimers => _timers.Values;

    public Decision Apply(SessionCommand command)
    {
        var d = Machine.Decide(State, command, Now);
        State = d.State;
        Events.AddRange(d.Effects.Events);
        foreach (var token in d.Effects.CancelTimers)
            foreach (var key in _timers.Where(t => t.Value == token).Select(t => t.Key).ToList()) _timers.Remove(key);
        foreach (var t in d.Effects.StartTimers) _timers[(Now + t.Due, t.Token)] = t.Token;
        return d;
    }

    /// <summary>Moves virtual time, firing due timers in order at their own time.</summary>
    public void Advance(int seconds)
    {
        var until = Now + TimeSpan.FromSeconds(seconds);
        while (_timers.Count > 0 && _timers.First().Key.Due <= until)
        {
            var (key, token) = _timers.First();
            _timers.Remove(key);
            Now = key.Due;
            Apply(new TimerFired(token));
        }
        Now = until;
    }

    public string Party(int n) => $"p-{State.TelephonySessionId[2..]}-{n}";

    /// <summary>An outside caller rings Alice's number: p1 the caller, p2 Alice, ringing.</summary>
    public void RingAlice() => Apply(new StartInbound(TestAccount.Outsider, TestAccount.AliceNumber));

    /// <summary>The same call, answered on Alice's desk phone.</summary>
    public void ConnectAlice()
    {
        RingAlice();
        Apply(new AnswerParty(Party(2), TestAccount.AliceDesk));
    }

    /// <summary>The command is refused with this error: same state, no event, no timer touched. Returns the message.</summary>
    public string Refused(SessionCommand command, CallError error)
    {
        var before = State;
        var d = Apply(command);
        Assert.Equal(error, d.Error);
        Assert.Same(before, State);
        Assert.Same(SessionEffects.None, d.Effects);
        return d.Message!;
    }

    public string[] Trace() => Telephony.Trace.Of(Events);
}
