using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Switchboard.NotifyBench;

/// <summary>
/// The loopback floor: a minimal Kestrel WebSocket server in this process. Each published frame is a copy
/// of a real notification with the current time written into its <c>eventTime</c> and <c>timestamp</c>;
/// it is queued to every connected socket, and each socket's one writer sends its queue in order (the
/// least any server pushing to many sockets does).
/// </summary>
internal sealed class Baseline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Channel<byte[]>, byte> _sockets = new();
    private readonly byte[] _template;
    private readonly int[] _timeOffsets;

    private Baseline(WebApplication app, byte[] template)
    {
        _app = app;
        _template = template;
        // Where the times go: right after each key, 24 characters long.
        _timeOffsets = [.. new[] { "\"eventTime\":\""u8.ToArray(), "\"timestamp\":\""u8.ToArray() }
            .Select(key => template.AsSpan().IndexOf(key) is var at and >= 0 ? at + key.Length : -1)
            .Where(at => at >= 0)];
        if (!_timeOffsets.Any(at => at >= 0)) throw new ArgumentException("The template has no eventTime.", nameof(template));
    }

    public Uri Address { get; private set; } = null!;
    public int Connected => _sockets.Count;

    public static async Task<Baseline> StartAsync(byte[] template)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var baseline = new Baseline(app, template);
        app.UseWebSockets();
        app.Map("/ws", baseline.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseline.Address = new Uri(address.Replace("http:", "ws:", StringComparison.Ordinal) + "/ws");
        return baseline;
    }

    /// <summary>One frame, stamped now, to every socket.</summary>
    public void Publish()
    {
        var frame = (byte[])_template.Clone();
        var now = Encoding.ASCII.GetBytes(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        foreach (var at in _timeOffsets) now.CopyTo(frame, at);
        foreach (var socket in _sockets.Keys) socket.Writer.TryWrite(frame);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var queue = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
        _sockets[queue] = 0;
        var writer = Task.Run(async () =>
        {
            await foreach (var frame in queue.Reader.ReadAllAsync())
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        });
        try
        {
            // Reads only to see the close.
            var buffer = new byte[1024];
            while ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close) { }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        finally
        {
            _sockets.TryRemove(queue, out _);
            queue.Writer.TryComplete();
        }
        try
        {
            await writer;
            if (socket.State == WebSocketState.CloseReceived) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
