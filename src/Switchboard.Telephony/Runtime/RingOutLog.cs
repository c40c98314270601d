using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>
/// The last statuses of RingOuts that have ended, so a client polling the ring-out resource sees how
/// it ended (the platform answers "for a short time" after the call, then 404). Bounded by count,
/// oldest out first; it lives in memory like the live calls.
/// </summary>
internal sealed class RingOutLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RingOutView> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Add(RingOutView view)
    {
        lock (_gate)
        {
            if (_byId.TryAdd(view.Id, view)) _order.Enqueue(view.Id);
            while (_order.Count > Math.Max(1, capacity)) _byId.Remove(_order.Dequeue());
        }
    }

    public RingOutView? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }
}
