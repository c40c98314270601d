using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>A message in a session's mailbox. The queue is intrusive (<see cref="Next"/>), so posting allocates only the message.</summary>
internal abstract class Mail
{
    internal Mail? Next;

    public abstract void Deliver(SessionActor actor);
}

/// <summary>Marks the empty queue's place; never delivered.</summary>
internal sealed class StubMail : Mail
{
    public override void Deliver(SessionActor actor) { }
}

/// <summary>
/// The one writer of a session (design rule 5), as Asterisk ARI queues commands to a channel's own
/// thread. Commands go into a lock-free multi-producer queue (Vyukov's intrusive MPSC list); the
/// actor schedules itself on the thread pool only while the queue is non-empty, so an idle session
/// costs a few objects and no thread, task or channel.
/// </summary>
internal sealed class SessionActor : IThreadPoolWorkItem
{
    // How many messages one turn on the thread pool applies before yielding to other sessions.
    private const int Batch = 32;
    private readonly CallEngine _engine;
    private readonly SessionTimers _timers;
    private Mail _head;
    private Mail _tail;
    private int _scheduled;
    private volatile SessionState _state;

    public SessionActor(CallEngine engine, SessionState state)
    {
        _engine = engine;
        _state = state;
        _timers = new SessionTimers(this, engine.Time);
        _head = _tail = new StubMail();
    }

    /// <summary>The latest applied state; safe to read from any thread.</summary>
    public SessionState State => _state;

    public void Post(Mail mail)
    {
        var previous = Interlocked.Exchange(ref _tail, mail);
        Volatile.Write(ref previous.Next, mail);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _engine.Activity.Busy();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var budget = Batch;
        while (true)
        {
            if (TryTake() is { } mail)
            {
                mail.Deliver(this);
                if (--budget > 0) continue;
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return;
            }
            Interlocked.Exchange(ref _scheduled, 0);
            _engine.Activity.Idle();
            // A producer may have linked a message between the empty check and the release above.
            if (Volatile.Read(ref _tail) == _head || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0) return;
            _engine.Activity.Busy();
        }
    }

    private Mail? TryTake()
    {
        var head = _head;
        var next = Volatile.Read(ref head.Next);
        if (next is null)
        {
            if (Volatile.Read(ref _tail) == head) return null;
            // A producer has swapped the tail but not linked its message yet: it is a few instructions away.
            var spin = new SpinWait();
            while ((next = Volatile.Read(ref head.Next)) is null) spin.SpinOnce();
        }
        _head = next; // the delivered message becomes the new stub
        return next;
    }

    /// <summary>Applies one command on the writer: decide, then carry out the effects in order.</summary>
    public Decision Apply(SessionCommand command)
    {
        var before = _state;
        var decision = _engine.Machine.Decide(before, command, _engine.Time.GetUtcNow());
        if (command is TimerFired fired) _timers.Forget(fired.Token);
        if (decision.Error is not null)
        {
            if (command is StartInbound or StartFromDevice or StartRingOut or StartConference && before.Parties.Length == 0) _engine.Forget(this); // a call that could not start
            return decision;
        }
        var after = decision.State;
        _state = after;
        var effects = decision.Effects;
        foreach (var token in effects.CancelTimers) _timers.Cancel(token);
        foreach (var start in effects.StartTimers) _timers.Start(start.Token, start.Due);
        _engine.Index.Update(this, before, after);
        _engine.Hub.Publish(effects.Events);
        if (after.Ended)
        {
            _timers.CancelAll();
            _engine.Forget(this);
        }
        return decision;
    }
}
