using System.Diagnostics;

namespace Switchboard.Telephony.Runtime;

public enum ClockMode { RealTime, Scaled, Manual }

/// <summary>
/// The simulator's clock: real time, real time scaled (10x: a 20 s ring takes 2 s), or manual
/// (<see cref="Advance"/> only). Timers live in one queue ordered by virtual due time and fire in that
/// order, whether time passes or is advanced; in manual mode the clock reads each timer's due time
/// while its callback runs. One real timer wakes the queue in the running modes. Thread safe.
/// </summary>
public sealed class SimulatorClock : TimeProvider, IDisposable
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<(ClockTimer Timer, long Version), (DateTimeOffset Due, long Order)> _queue = new();
    private readonly ITimer _wake;
    private ClockMode _mode;
    private double _factor = 1;
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private DateTimeOffset _manualNow;
    // In manual mode, how far the clock is being advanced; it reads each timer's due on the way there.
    private DateTimeOffset _manualTarget;
    private long _order;
    private bool _firing;

    public SimulatorClock(ClockMode mode = ClockMode.RealTime, double factor = 1, DateTimeOffset? start = null)
    {
        // Frozen at the start until SetMode anchors the chosen mode there.
        _mode = ClockMode.Manual;
        _anchor = _manualNow = _manualTarget = start ?? System.GetUtcNow();
        _anchorTimestamp = Stopwatch.GetTimestamp();
        _wake = System.CreateTimer(static s => ((SimulatorClock)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        SetMode(mode, factor);
    }

    public ClockMode Mode { get { lock (_gate) return _mode; } }
    public double Factor { get { lock (_gate) return _factor; } }

    /// <summary>Switches mode (and speed) from the current virtual time; nothing jumps.</summary>
    public void SetMode(ClockMode mode, double factor = 1)
    {
        if (mode == ClockMode.Scaled && !(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor), "A scaled clock needs a factor above zero.");
        lock (_gate)
        {
            var now = NowLocked();
            _mode = mode;
            _factor = mode switch { ClockMode.RealTime => 1, ClockMode.Scaled => factor, ClockMode.Manual => 0 };
            _anchor = _manualNow = _manualTarget = now;
            _anchorTimestamp = Stopwatch.GetTimestamp();
            ArmLocked();
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return NowLocked();
    }

    // Stopwatch-style measurements follow the virtual clock too.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward (in any mode) and fires the timers due on the way, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "Time does not go back.");
        lock (_gate)
        {
            if (_mode == ClockMode.Manual) _manualTarget = (_manualTarget > _manualNow ? _manualTarget : _manualNow) + delta;
            else _anchor += delta;
        }
        Fire();
    }

    /// <summary>
    /// Advances a manual clock one due instant at a time and lets what each timer set off settle (the
    /// engine applies it) before going on, so a timer started by a fired one counts from the moment it
    /// was started, not from where the advance ends. Ring steps chained in one advance need this.
    /// In the running modes it is <see cref="Advance"/> followed by one settle.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta, Func<Task> settle)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "Time does not go back.");
        if (Mode != ClockMode.Manual)
        {
            Advance(delta);
            await settle();
            return;
        }
        var target = GetUtcNow() + delta;
        while (true)
        {
            DateTimeOffset now, step;
            lock (_gate)
            {
                now = _manualNow;
                var next = NextDueLocked();
                if (next is null || next > target)
                {
                    if (now >= target) return;
                    step = target;
                }
                else step = next.Value < now ? now : next.Value;
            }
            Advance(step - now);
            await settle();
        }
    }

    private DateTimeOffset? NextDueLocked()
    {
        while (_queue.TryPeek(out var entry, out var key))
        {
            if (entry.Version == entry.Timer.Version) return key.Due;
            _queue.Dequeue();
        }
        return null;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Dispose() => _wake.Dispose();

    private DateTimeOffset NowLocked() => _mode == ClockMode.Manual
        ? _manualNow
        : _anchor + Stopwatch.GetElapsedTime(_anchorTimestamp) * _factor;

    private DateTimeOffset LimitLocked() => _mode == ClockMode.Manual ? (_manualTarget > _manualNow ? _manualTarget : _manualNow) : NowLocked();

    internal void Schedule(ClockTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Version++;
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            timer.Due = NowLocked() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            _queue.Enqueue((timer, timer.Version), (timer.Due, ++_order));
            ArmLocked();
        }
        if (dueTime == TimeSpan.Zero) Fire();
    }

    internal void Cancel(ClockTimer timer)
    {
        lock (_gate) timer.Version++;
    }

    /// <summary>Fires every due timer, earliest first; one thread at a time, so callbacks never overlap out of order.</summary>
    private void Fire()
    {
        while (true)
        {
            ClockTimer timer;
            lock (_gate)
            {
                if (_firing) return; // the thread that is firing will see what became due
                if (!TryTakeDueLocked(out timer!))
                {
                    if (_mode == ClockMode.Manual && _manualTarget > _manualNow) _manualNow = _manualTarget;
                    ArmLocked();
                    return;
                }
                _firing = true;
            }
            try
            {
                timer.Callback(timer.State);
            }
            finally
            {
                lock (_gate) _firing = false;
            }
        }
    }

    private bool TryTakeDueLocked(out ClockTimer? due)
    {
        var limit = LimitLocked();
        while (_queue.TryPeek(out var entry, out var key))
        {
            var timer = entry.Timer;
            if (entry.Version != timer.Version)
            {
                _queue.Dequeue(); // changed or disposed since it was queued
                continue;
            }
            if (key.Due > limit) break;
            _queue.Dequeue();
            if (_mode == ClockMode.Manual && key.Due > _manualNow) _manualNow = key.Due;
            if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
            {
                timer.Due = key.Due + timer.Period;
                _queue.Enqueue((timer, timer.Version), (timer.Due, ++_order));
            }
            else timer.Version++;
            due = timer;
            return true;
        }
        due = null;
        return false;
    }

    /// <summary>In the running modes, wakes the queue when its first timer is due in real time.</summary>
    private void ArmLocked()
    {
        if (_mode == ClockMode.Manual || _firing) return;
        while (_queue.TryPeek(out var entry, out _) && entry.Version != entry.Timer.Version) _queue.Dequeue();
        if (!_queue.TryPeek(out _, out var next))
        {
            _wake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = (next.Due - NowLocked()) / _factor;
        _wake.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    internal sealed class ClockTimer(SimulatorClock clock, TimerCallback callback, object? state) : ITimer
    {
        public readonly TimerCallback Callback = callback;
        public readonly object? State = state;
        public DateTimeOffset Due;
        public TimeSpan Period;
        // Changed on every Change and Dispose; a queue entry of an older version is dropped.
        public long Version;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
