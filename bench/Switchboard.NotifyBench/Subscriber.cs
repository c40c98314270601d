using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Switchboard.NotifyBench;

/// <summary>
/// One WebSocket client. For every message carrying an <c>"eventTime"</c> inside the measured window it notes
/// the receive time minus that time (microseconds; the event time has millisecond resolution), and, when
/// there is one, the envelope's <c>"timestamp"</c> minus the event time (milliseconds: how long before the hub
/// wrote the envelope). Samples are chosen by event time, so every subscriber records the same events however
/// late they arrive; the rate counts arrivals within the window. The same code reads the server's
/// notifications and the baseline's frames.
/// </summary>
internal sealed class Subscriber : IAsyncDisposable
{
    private static readonly byte[] EventTimeKey = "\"eventTime\":\""u8.ToArray();
    private static readonly byte[] TimestampKey = "\"timestamp\":\""u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly Lock _gate = new();
    private readonly List<int> _latencies = new(1 << 16);
    private readonly List<int> _hubDelays = new(1 << 16);
    private Task _loop = Task.CompletedTask;
    private long _received;
    private long _inWindow;

    private Subscriber(ClientWebSocket socket) => _socket = socket;

    // The measured window, in UTC ticks, shared by all receivers: [from, to).
    private static long s_from = long.MaxValue;
    private static long s_to = long.MaxValue;

    /// <summary>From now on events are recorded and arrivals counted, until <see cref="CloseWindow"/>.</summary>
    public static void OpenWindow()
    {
        Interlocked.Exchange(ref s_to, long.MaxValue);
        Interlocked.Exchange(ref s_from, DateTime.UtcNow.Ticks);
    }

    public static void CloseWindow() => Interlocked.Exchange(ref s_to, DateTime.UtcNow.Ticks);

    /// <summary>Nothing more is recorded (after the late notifications of the window's events came in).</summary>
    public static void ResetWindow() => Interlocked.Exchange(ref s_from, long.MaxValue);

    /// <summary>Notifications received since the connection.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Notifications that arrived within the window.</summary>
    public long InWindow => Interlocked.Read(ref _inWindow);

    /// <summary>The first notification received, as text: the baseline's template.</summary>
    public byte[]? First { get; private set; }

    /// <summary>Connects; <paramref name="setUp"/> runs on the socket (e.g. subscribes) before receiving starts.</summary>
    public static async Task<Subscriber> ConnectAsync(Uri uri, Func<ClientWebSocket, Task>? setUp = null)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None);
            if (setUp is not null) await setUp(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var subscriber = new Subscriber(socket);
        subscriber._loop = Task.Run(subscriber.ReceiveLoopAsync);
        return subscriber;
    }

    /// <summary>One whole message (for the set-up exchange before the receive loop runs).</summary>
    public static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(4096), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException($"Closed by the server: {socket.CloseStatusDescription}");
            message.Advance(result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.WrittenSpan);
        }
    }

    /// <summary>The recorded samples so far, and clears them.</summary>
    public (int[] Latencies, int[] HubDelays) Take()
    {
        lock (_gate)
        {
            var taken = (_latencies.ToArray(), _hubDelays.ToArray());
            _latencies.Clear();
            _hubDelays.Clear();
            Interlocked.Exchange(ref _inWindow, 0);
            return taken;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(message.GetMemory(8192), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                var now = DateTime.UtcNow.Ticks; // before any parsing: the client's own work is not counted
                Handle(message.WrittenSpan, now);
                message.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed at the end of the run.
        }
    }

    private void Handle(ReadOnlySpan<byte> text, long now)
    {
        var eventTime = Time(text, EventTimeKey);
        if (eventTime < 0) return;
        Interlocked.Increment(ref _received);
        First ??= text.ToArray();
        var (from, to) = (Volatile.Read(ref s_from), Volatile.Read(ref s_to));
        if (now >= from && now < to) Interlocked.Increment(ref _inWindow);
        if (eventTime < from || eventTime >= to) return;
        var stamp = Time(text, TimestampKey);
        lock (_gate)
        {
            _latencies.Add((int)((now - eventTime) / 10));
            if (stamp >= 0) _hubDelays.Add((int)((stamp - eventTime) / TimeSpan.TicksPerMillisecond));
        }
    }

    /// <summary>The UTC ticks of <c>"key":"yyyy-MM-ddTHH:mm:ss.fffZ"</c>, or -1 when the message has none.</summary>
    public static long Time(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        var at = text.IndexOf(key);
        if (at < 0 || text.Length < at + key.Length + 24) return -1;
        var t = text.Slice(at + key.Length, 24);
        if (t[4] != '-' || t[10] != 'T' || t[19] != '.' || t[23] != 'Z') return -1;
        return new DateTime(N(t, 0, 4), N(t, 5, 2), N(t, 8, 2), N(t, 11, 2), N(t, 14, 2), N(t, 17, 2), N(t, 20, 3), DateTimeKind.Utc).Ticks;

        static int N(ReadOnlySpan<byte> s, int start, int length)
        {
            var n = 0;
            for (var i = start; i < start + length; i++) n = n * 10 + (s[i] - '0');
            return n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (_socket.State == WebSocketState.Open) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            await _loop.WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
        }
        _socket.Abort();
        _socket.Dispose();
    }

    /// <summary>The server's subscription request over the socket (CLIENTS.md 4.4), after its ConnectionDetails.</summary>
    public static async Task SubscribeAsync(ClientWebSocket socket, string eventFilter)
    {
        var details = await ReceiveTextAsync(socket);
        if (!details.Contains("ConnectionDetails", StringComparison.Ordinal)) throw new InvalidOperationException($"Expected ConnectionDetails, got {details}");
        var messageId = Guid.NewGuid().ToString();
        var request = JsonSerializer.SerializeToUtf8Bytes(new object[]
        {
            new { type = "ClientRequest", messageId, method = "POST", path = "/restapi/v1.0/subscription" },
            new { deliveryMode = new { transportType = "WebSocket" }, eventFilters = new[] { eventFilter } },
        });
        await socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        while (true)
        {
            var reply = await ReceiveTextAsync(socket);
            using var json = JsonDocument.Parse(reply);
            var meta = json.RootElement[0];
            if (meta.GetProperty("messageId").GetString() != messageId) continue;
            if (meta.GetProperty("status").GetInt32() != 200) throw new InvalidOperationException($"The subscription was refused: {reply}");
            return;
        }
    }
}
