using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Switchboard.Http;

namespace Switchboard.WebSockets;

/// <summary>
/// One socket of a session. A single writer sends the queued frames in order and numbers them; the
/// reader answers heartbeats and hands REST requests to the tunnel, at most <see cref="WsLimits.MaxActiveRequests"/>
/// at a time.
/// </summary>
/// <remarks>
/// A recovered connection pauses for <see cref="WsLimits.ReplayDelay"/> after its ConnectionDetails: @rc-ex/ws
/// (1.3.17) puts its subscription's listener on the new socket only once it has read ConnectionDetails, after
/// an <c>await</c>, so replayed notifications that reach it in the same read as ConnectionDetails are lost.
/// </remarks>
internal sealed class WsConnection(WebSocket socket, WsSession session, RestTunnel tunnel, RestTunnel.Origin origin, TimeProvider time, ILogger log, bool recovered = false)
{
    /// <summary>The <c>wsc.sequence</c> of every frame, from one counter: strictly increasing within a session and
    /// across sessions, so a client that starts a fresh session adopts its token (CLIENTS.md 4.6, point 1).</summary>
    private static long s_sequence;

    private readonly Channel<WsFrame> _out = Channel.CreateUnbounded<WsFrame>(new() { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly List<WsFrame> _unsent = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _activeRequests;
    private volatile bool _closeRequested;
    private long _lastReceivedTicks = time.GetUtcNow().UtcTicks;

    public WsSession Session { get; } = session;
    public DateTimeOffset OpenedAt { get; } = time.GetUtcNow();
    public DateTimeOffset LastReceivedAt => new(Interlocked.Read(ref _lastReceivedTicks), TimeSpan.Zero);

    /// <summary>Completes once the socket is closed and the session has what it did not send.</summary>
    public Task Finished => _finished.Task;

    public bool TryEnqueue(WsFrame frame) => _out.Writer.TryWrite(frame);

    /// <summary>Drops the socket at once, e.g. when its client has already reconnected on another one.</summary>
    public void Abort() => _closing.Cancel();

    /// <summary>Runs the socket until either side closes it; then gives back to the session what was not sent.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closing.Token);
        var writer = WriteAsync(linked.Token);
        try
        {
            await ReadAsync(linked.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The client vanished (transports report that as either exception), a close timed out or the server is
            // stopping: all end this socket the same way.
        }
        finally
        {
            // Whatever is still queued stays with the session instead of going to a socket that is closing.
            _closing.Cancel();
            _out.Writer.TryComplete();
            await Session.DetachAsync(this, time.GetUtcNow(), async () =>
            {
                await writer;
                return _unsent;
            });
            if (socket.State == WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
                catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException) { }
            }
            socket.Abort();
            _finished.TrySetResult();
        }
    }

    /// <summary>Tells the client why (an Error frame, as the gateway reports a timeout), then closes the socket.</summary>
    public void Close(int status, string errorCode, string message)
    {
        _closeRequested = true;
        TryEnqueue(WsFrame.Failure(WsFrame.Error, Guid.NewGuid().ToString(), status, WsFrame.GatewayError(errorCode, message)));
        _out.Writer.TryComplete();
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        await foreach (var frame in _out.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (ct.IsCancellationRequested)
            {
                _unsent.Add(frame);
                continue;
            }
            buffer.ResetWrittenCount();
            frame.WriteTo(buffer, Session.Token, Interlocked.Increment(ref s_sequence));
            try
            {
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                _unsent.Add(frame); // not on the wire: the session keeps it for a recovering client
                _closing.Cancel();
                continue;
            }
            // Real time, not the injected clock: this is about when the client reads, not about the server's time.
            if (recovered && frame.Type == WsFrame.ConnectionDetails)
            {
                try { await Task.Delay(WsLimits.ReplayDelay, ct); }
                catch (OperationCanceledException) { }
            }
        }
        if (ct.IsCancellationRequested) return;
        // The queue was closed by Close(): everything is sent, so close properly and give the client a moment to answer.
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, null, CancellationToken.None); }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException) { }
        _closing.CancelAfter(TimeSpan.FromSeconds(5));
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(4096), ct);
            if (result.MessageType == WebSocketMessageType.Close) return;
            if (_closeRequested)
            {
                // The writer is sending the reason and then the close: keep reading until the client answers it
                // (returning now would cut the reason off), but act on nothing more.
                message.ResetWrittenCount();
                continue;
            }
            message.Advance(result.Count);
            if (message.WrittenCount > WsLimits.MaxMessageBytes)
            {
                Close(413, "WSG-413", $"A message may be at most {WsLimits.MaxMessageBytes} bytes");
                continue;
            }
            if (!result.EndOfMessage) continue;
            Interlocked.Exchange(ref _lastReceivedTicks, time.GetUtcNow().UtcTicks);
            Handle(message.WrittenMemory);
            message.ResetWrittenCount();
        }
    }

    private void Handle(ReadOnlyMemory<byte> text)
    {
        WsRequest? request;
        try
        {
            request = WsRequest.Parse(text);
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null)
        {
            TryEnqueue(WsFrame.Failure(WsFrame.Error, "", 400, WsFrame.GatewayError("WSG-400", "A message must be a JSON array [meta] or [meta, body] with meta.type and meta.messageId")));
            return;
        }
        switch (request.Type)
        {
            case WsFrame.Heartbeat:
                TryEnqueue(new WsFrame(WsFrame.Heartbeat, request.MessageId, 200, null, default));
                break;
            case WsFrame.ClientRequest when Interlocked.Increment(ref _activeRequests) > WsLimits.MaxActiveRequests:
                Interlocked.Decrement(ref _activeRequests);
                TryEnqueue(WsFrame.Failure(WsFrame.ClientRequest, request.MessageId, 429, WsFrame.GatewayError("WSG-429",
                    $"At most {WsLimits.MaxActiveRequests} requests may be in progress on one connection")));
                break;
            case WsFrame.ClientRequest:
                _ = SendAsync(request);
                break;
            default:
                TryEnqueue(WsFrame.Failure(WsFrame.ClientRequest, request.MessageId, 400, WsFrame.GatewayError("WSG-400", $"Unknown message type [{request.Type}]")));
                break;
        }
    }

    private async Task SendAsync(WsRequest request)
    {
        try
        {
            TryEnqueue(await tunnel.SendAsync(request, Session, origin, _closing.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "A request over the WebSocket failed: {Method} {Path}", request.Method, request.Path);
            TryEnqueue(WsFrame.Failure(WsFrame.ClientRequest, request.MessageId, 500, new ApiError(ErrorKind.Internal, "CMN-500", "Internal server error")));
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _activeRequests);
        }
    }
}
