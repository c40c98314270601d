using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>Hands each session's events to the subscribers, on the session's writer, and keeps the most recent ones.</summary>
internal sealed class EventHub(int capacity)
{
    private readonly Lock _gate = new();
    private readonly TelephonyEvent?[] _recent = new TelephonyEvent?[Math.Max(1, capacity)];
    private Action<TelephonyEvent>[] _handlers = [];
    private long _written;

    public IDisposable Subscribe(Action<TelephonyEvent> handler)
    {
        lock (_gate) _handlers = [.. _handlers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(IReadOnlyList<TelephonyEvent> events)
    {
        if (events.Count == 0) return;
        var handlers = Volatile.Read(ref _handlers);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            foreach (var handler in handlers)
            {
                try
                {
                    handler(e);
                }
                catch (Exception)
                {
                    // A failing subscriber must not stop the call or the other subscribers; its failure is its own.
                }
            }
            var n = Interlocked.Increment(ref _written);
            Volatile.Write(ref _recent[(n - 1) % _recent.Length], e);
        }
    }

    public IReadOnlyList<TelephonyEvent> Recent(int count)
    {
        var written = Volatile.Read(ref _written);
        var n = (int)Math.Min(Math.Min(count, _recent.Length), written);
        var list = new List<TelephonyEvent>(Math.Max(n, 0));
        for (var i = written - n; i < written; i++)
            if (Volatile.Read(ref _recent[i % _recent.Length]) is { } e) list.Add(e);
        return list;
    }

    private void Unsubscribe(Action<TelephonyEvent> handler)
    {
        lock (_gate) _handlers = Array.FindAll(_handlers, h => h != handler);
    }

    private sealed class Subscription(EventHub hub, Action<TelephonyEvent> handler) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(handler);
    }
}
