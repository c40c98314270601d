namespace Switchboard.Telephony.Runtime;

/// <summary>
/// Counts sessions that have queued work, so a test or the simulator can wait until everything
/// posted (commands, fired timers) has been applied, instead of sleeping.
/// </summary>
internal sealed class Activity
{
    private readonly Lock _gate = new();
    private int _busy;
    private TaskCompletionSource? _idle;

    public void Busy() => Interlocked.Increment(ref _busy);

    public void Idle()
    {
        if (Interlocked.Decrement(ref _busy) != 0) return;
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            if (Volatile.Read(ref _busy) == 0)
            {
                done = _idle;
                _idle = null;
            }
        }
        done?.TrySetResult();
    }

    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _busy) == 0) return Task.CompletedTask;
            return (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
