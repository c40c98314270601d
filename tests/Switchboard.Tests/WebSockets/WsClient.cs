using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Tests.Support;
using Xunit.Sdk;

namespace Switchboard.Tests.WebSockets;

/// <summary>One frame from the gateway, <c>[meta]</c> or <c>[meta, body]</c>.</summary>
internal sealed record WsMessage(JsonElement Meta, JsonElement? Body)
{
    public string Type => Meta.GetProperty("type").GetString()!;
    public string MessageId => Meta.GetProperty("messageId").GetString()!;
    public int Status => Meta.GetProperty("status").GetInt32();
    public bool HasWsc => Meta.TryGetProperty("wsc", out _);
    public string WscToken => Meta.GetProperty("wsc").GetProperty("token").GetString()!;
    public long Sequence => Meta.GetProperty("wsc").GetProperty("sequence").GetInt64();

    /// <summary>The body, which the test expects to be there.</summary>
    public JsonElement Json => Body ?? throw new XunitException($"The {Type} frame {MessageId} has no body");

    public override string ToString() => Body is { } body ? $"[{Meta}, {body}]" : $"[{Meta}]";
}

/// <summary>
/// A client of the gateway as the RingCentral clients use it (CLIENTS.md 4): sends <c>[meta, body]</c>
/// text frames and reads every frame the server sends, checking the framing. Waits are bounded.
/// </summary>
internal sealed class WsClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly WebSocket _socket;
    private readonly Lock _gate = new();
    private readonly List<WsMessage> _all = [];
    private readonly List<WsMessage> _pending = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;
    private bool _closed;
    private string? _broken;
    private int _nextId;

    private WsClient(WebSocket socket)
    {
        _socket = socket;
        _reader = ReadAsync();
    }

    /// <summary>Every frame received so far, in order.</summary>
    public IReadOnlyList<WsMessage> All { get { lock (_gate) return [.. _all]; } }

    /// <summary>How the server closed the socket, once it did.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Connects to <c>{uri}?access_token={token}</c>, plus <c>&amp;wsc=</c> when recovering, unencoded as the clients do.</summary>
    public static async Task<WsClient> ConnectAsync(SwitchboardHost host, string uri, string token, string? wsc = null)
    {
        var address = $"{uri}?access_token={token}" + (wsc is null ? "" : $"&wsc={wsc}");
        using var timeout = new CancellationTokenSource(Patience);
        return new WsClient(await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(address), timeout.Token));
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendAsync(object meta, object? body = null) =>
        SendTextAsync(body is null ? JsonSerializer.Serialize(new[] { meta }) : JsonSerializer.Serialize(new[] { meta, body }));

    /// <summary>Sends a ClientRequest and returns the reply with its messageId; other frames stay for <see cref="NextAsync"/>.</summary>
    public async Task<WsMessage> RequestAsync(string method, string path, object? body = null, object? query = null, string? messageId = null)
    {
        messageId ??= $"req/{Interlocked.Increment(ref _nextId)}+test";
        var meta = new Dictionary<string, object>
        {
            ["type"] = "ClientRequest",
            ["messageId"] = messageId,
            ["method"] = method,
            ["path"] = path,
            ["headers"] = new Dictionary<string, string> { ["X-User-Agent"] = "Switchboard.Tests/1.0 ringcentral-extensible/ws/0.16" },
        };
        if (query is not null) meta["query"] = query;
        await SendAsync(meta, body);
        return await NextAsync(m => m.Type != "ServerNotification" && m.MessageId == messageId, $"the reply to {method} {path}");
    }

    public async Task<WsMessage> HeartbeatAsync(string messageId)
    {
        await SendAsync(new { type = "Heartbeat", messageId });
        return await NextAsync(m => m.Type == "Heartbeat" && m.MessageId == messageId, "the heartbeat's echo");
    }

    /// <summary>
    /// The notifications received before the echo of a heartbeat sent now: the server writes a socket's frames
    /// in order, so whatever it had queued for this socket when the heartbeat arrived is in the list.
    /// </summary>
    public async Task<List<WsMessage>> NotificationsBeforeHeartbeatAsync()
    {
        var id = $"barrier/{Interlocked.Increment(ref _nextId)}";
        await SendAsync(new { type = "Heartbeat", messageId = id });
        var notifications = new List<WsMessage>();
        while (true)
        {
            var message = await NextAsync(m => m.Type == "ServerNotification" || (m.Type == "Heartbeat" && m.MessageId == id), "the heartbeat's echo");
            if (message.Type == "Heartbeat") return notifications;
            notifications.Add(message);
        }
    }

    /// <summary>The next <paramref name="count"/> ServerNotification frames.</summary>
    public async Task<List<WsMessage>> NotificationsAsync(int count)
    {
        var notifications = new List<WsMessage>(count);
        while (notifications.Count < count)
            notifications.Add(await NextAsync(m => m.Type == "ServerNotification", $"notification {notifications.Count + 1} of {count}"));
        return notifications;
    }

    /// <summary>Takes the first frame not taken yet (that matches), waiting a bounded time for it to arrive.</summary>
    public async Task<WsMessage> NextAsync(Func<WsMessage, bool>? match = null, string what = "a frame")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            lock (_gate)
            {
                var index = match is null ? (_pending.Count > 0 ? 0 : -1) : _pending.FindIndex(m => match(m));
                if (index >= 0)
                {
                    var message = _pending[index];
                    _pending.RemoveAt(index);
                    return message;
                }
                if (_closed) throw new XunitException($"The socket closed ({_broken ?? CloseStatus?.ToString()}) while waiting for {what}; received: {string.Join(" ", _all)}");
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new XunitException($"No {what} within {Patience.TotalSeconds} s; received: {string.Join(" ", All)}");
        }
    }

    /// <summary>Waits (bounded) until the server has closed the socket; true when it did.</summary>
    public async Task<bool> ClosedAsync() => await Task.WhenAny(_reader, Task.Delay(Patience)) == _reader;

    /// <summary>Drops the connection without a close handshake, as a lost network does.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader;
        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var message = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(message.GetMemory(4096), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = _socket.CloseStatus;
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                message.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                Add(Parse(message.WrittenMemory));
                message.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Aborted by the test, or dropped by the server: either way the socket is over.
        }
        catch (XunitException e)
        {
            _broken = e.Message; // a malformed frame: the client would have crashed here
        }
        finally
        {
            lock (_gate) _closed = true;
            _arrived.Release();
        }
    }

    /// <summary>What the clients' <c>const [meta, body] = JSON.parse(data)</c> needs (CLIENTS.md 4.3).</summary>
    private static WsMessage Parse(ReadOnlyMemory<byte> text)
    {
        var root = JsonDocument.Parse(text).RootElement.Clone();
        var raw = root.GetRawText();
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > 2 || root[0].ValueKind != JsonValueKind.Object)
            throw new XunitException("A frame must be [meta] or [meta, body]: " + raw);
        if (raw.Contains(",--Boundary", StringComparison.Ordinal)) throw new XunitException("The clients split frames at ,--Boundary: " + raw);
        return new WsMessage(root[0], root.GetArrayLength() == 2 ? root[1] : null);
    }

    private void Add(WsMessage message)
    {
        lock (_gate)
        {
            _all.Add(message);
            _pending.Add(message);
        }
        _arrived.Release();
    }
}
