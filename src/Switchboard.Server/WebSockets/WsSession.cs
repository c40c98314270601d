namespace Switchboard.WebSockets;

/// <summary>
/// A gateway session: what outlives one socket. It owns the subscriptions created over its sockets,
/// and while no socket is attached it keeps the notifications that arrive, up to the recovery buffer,
/// for a client that reconnects with its <c>wsc</c> token (CLIENTS.md 4.6).
/// Also the request feature that marks a REST request as carried by this session's socket.
/// </summary>
public sealed class WsSession(string token, string oauthSessionId, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _subscriptions = [];
    private LinkedList<WsFrame> _missed = new();
    private WsConnection? _connection;
    private Task _detaching = Task.CompletedTask;

    /// <summary>The <c>wsc</c> token a client presents to recover this session.</summary>
    public string Token { get; } = token;
    public string OAuthSessionId { get; } = oauthSessionId;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    /// <summary>When the last socket dropped; null while one is attached.</summary>
    public DateTimeOffset? DetachedAt { get; private set; }
    /// <summary>More notifications arrived while detached than the buffer holds: recovering would lose some.</summary>
    public bool Overflowed { get; private set; }
    public bool Ended { get; private set; }

    internal WsConnection? Connection { get { lock (_gate) return _connection; } }

    public IReadOnlyList<string> Subscriptions { get { lock (_gate) return [.. _subscriptions]; } }

    internal bool AddSubscription(string id)
    {
        lock (_gate) return !Ended && _subscriptions.Add(id);
    }

    internal void RemoveSubscription(string id)
    {
        lock (_gate) _subscriptions.Remove(id);
    }

    /// <summary>To the socket when one is attached, otherwise into the recovery buffer.</summary>
    internal void Deliver(WsFrame frame)
    {
        lock (_gate)
        {
            if (Ended) return;
            if (_connection is { } c && c.TryEnqueue(frame)) return;
            Keep(frame);
        }
    }

    private void Keep(WsFrame frame)
    {
        if (_missed.Count >= WsLimits.RecoveryBufferSize) Overflowed = true;
        else _missed.AddLast(frame);
    }

    /// <summary>
    /// Attaches a socket, first giving it what was missed. Waits until the previous socket has handed back
    /// what it could not send, so nothing is replayed out of order.
    /// </summary>
    internal async Task<bool> AttachAsync(WsConnection connection)
    {
        Task previous;
        lock (_gate) previous = _detaching;
        await previous;
        lock (_gate)
        {
            if (Ended || _connection is not null) return false;
            foreach (var frame in _missed) connection.TryEnqueue(frame);
            _missed.Clear();
            _connection = connection;
            DetachedAt = null;
            return true;
        }
    }

    /// <summary>
    /// The socket is gone. From now on notifications are kept; <paramref name="unsentAsync"/> yields what
    /// the socket had queued but not sent, which goes before them.
    /// </summary>
    internal async Task DetachAsync(WsConnection connection, DateTimeOffset now, Func<Task<IReadOnlyList<WsFrame>>> unsentAsync)
    {
        var done = new TaskCompletionSource();
        lock (_gate)
        {
            if (_connection != connection) return;
            _connection = null;
            DetachedAt = now;
            _detaching = done.Task;
        }
        try
        {
            var unsent = await unsentAsync();
            lock (_gate)
            {
                var later = _missed;
                _missed = new();
                foreach (var frame in unsent.Where(f => f.IsNotification)) Keep(frame);
                foreach (var frame in later) Keep(frame);
            }
        }
        finally
        {
            done.SetResult();
        }
    }

    /// <summary>The session is over: no more recovery, nothing more kept. Returns its subscriptions.</summary>
    internal IReadOnlyList<string> End()
    {
        lock (_gate)
        {
            Ended = true;
            _missed.Clear();
            return [.. _subscriptions];
        }
    }
}

/// <summary>The gateway's limits, sent in every ConnectionDetails (PLATFORM.md 2.5, from the platform's own sample).</summary>
public static class WsLimits
{
    public const int MaxConnectionsPerSession = 50;
    public const int RecoveryBufferSize = 100;
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(180);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(1800);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromSeconds(86400);
    public const int MaxActiveRequests = 10;
    /// <summary>
    /// The pause between a recovered connection's ConnectionDetails and the notifications replayed after it (see
    /// <see cref="WsConnection"/>): long enough for a busy client to read ConnectionDetails on its own, short next
    /// to the client's own 2 to 8 s before it reconnects.
    /// </summary>
    public static readonly TimeSpan ReplayDelay = TimeSpan.FromSeconds(1);
    /// <summary>The largest message a client may send; REST bodies over the socket are small.</summary>
    public const int MaxMessageBytes = 1 << 20;
}
