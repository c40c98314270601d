using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>A command from the API; its task completes once the command has been applied.</summary>
internal sealed class CommandMail(SessionCommand command) : Mail
{
    private readonly TaskCompletionSource<CallResult<SessionView>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SessionCommand? _command = command;

    public Task<CallResult<SessionView>> Task => _done.Task;

    public override void Deliver(SessionActor actor)
    {
        var command = _command!;
        _command = null; // this message stays as the queue's stub until the next one; hold nothing
        try
        {
            var d = actor.Apply(command);
            _done.SetResult(d.Error is { } error ? CallResult.Fail<SessionView>(error, d.Message ?? error.ToString()) : CallResult.Ok(d.State.ToView()));
        }
        catch (Exception e)
        {
            _done.SetException(e);
        }
    }
}

/// <summary>A session timer fired.</summary>
internal sealed class TimerMail(int token) : Mail
{
    public override void Deliver(SessionActor actor)
    {
        try
        {
            actor.Apply(new TimerFired(token));
        }
        catch (Exception)
        {
            // Nobody awaits a timer. A failure (a routing function that throws) leaves the session as
            // it was; the caller can still hang up.
        }
    }
}

/// <summary>The session's running timers, by token; touched only by the session's writer (and started by it).</summary>
internal sealed class SessionTimers(SessionActor actor, TimeProvider time)
{
    private List<(int Token, ITimer Timer)>? _running;

    public void Start(int token, TimeSpan due)
    {
        var timer = time.CreateTimer(static s => { var (a, t) = ((SessionActor, int))s!; a.Post(new TimerMail(t)); }, (actor, token), due, Timeout.InfiniteTimeSpan);
        (_running ??= new List<(int, ITimer)>(2)).Add((token, timer));
    }

    public void Cancel(int token)
    {
        if (_running is null) return;
        for (var i = 0; i < _running.Count; i++)
        {
            if (_running[i].Token != token) continue;
            _running[i].Timer.Dispose();
            _running.RemoveAt(i);
            return;
        }
    }

    /// <summary>A timer that fired: drop it (disposing a fired one-shot timer is harmless).</summary>
    public void Forget(int token) => Cancel(token);

    public void CancelAll()
    {
        if (_running is null) return;
        foreach (var (_, timer) in _running) timer.Dispose();
        _running = null;
    }
}
