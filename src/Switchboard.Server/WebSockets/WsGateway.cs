using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.OAuth;
using Switchboard.Subscriptions;

namespace Switchboard.WebSockets;

/// <summary>
/// The WebSocket gateway at <c>/ws</c> (CLIENTS.md 4): authenticates the connection with a ws token, starts
/// or recovers a session, and delivers the notifications of the session's subscriptions. Once a second
/// (on the server's clock) it closes idle and too-old sockets and ends sessions nobody recovered in time.
/// </summary>
public sealed class WsGateway(
    WsTokens wsTokens, TokenService oauth, RestTunnel tunnel, Database database, Subscribers subscribers, TimeProvider time, ILogger<WsGateway> log)
    : BackgroundService
{
    public const string Path = "/ws";
    /// <summary>The platform's code when a session cannot be recovered (PLATFORM.md 2.5).</summary>
    public const string RecoveryFailed = "WSG-1005";

    private readonly ConcurrentDictionary<string, WsSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WsSession> _bySubscription = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<WsConnection, byte> _connections = new();
    private DateTimeOffset _nextRenewal;

    /// <summary>Notifications of this subscription go to the session's socket from now on.</summary>
    public bool Register(string subscriptionId, WsSession session)
    {
        if (!session.AddSubscription(subscriptionId)) return false;
        _bySubscription[subscriptionId] = session;
        return true;
    }

    public void Forget(string subscriptionId)
    {
        if (_bySubscription.TryRemove(subscriptionId, out var session)) session.RemoveSubscription(subscriptionId);
    }

    /// <summary>Queues a notification (the envelope as JSON) for the subscription's session; false when no session has it.</summary>
    public bool Deliver(string subscriptionId, ReadOnlyMemory<byte> envelope)
    {
        if (!_bySubscription.TryGetValue(subscriptionId, out var session)) return false;
        session.Deliver(WsFrame.Notification(envelope));
        return true;
    }

    /// <summary>The address clients connect to: this server's, with the ws scheme and no query (CLIENTS.md 0, item 12).</summary>
    public static string Uri(Links links) =>
        (links.Base.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? "wss:" + links.Base[6..] : "ws:" + links.Base[(links.Base.IndexOf(':') + 1)..]) + Path;

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await new ApiError(ErrorKind.InvalidInput, "WSG-400", "This address takes WebSocket connections only").WriteAsync(context.Response);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(30),
            KeepAliveTimeout = TimeSpan.FromSeconds(10),
        });
        var ct = context.RequestAborted;
        var now = time.GetUtcNow();

        var oauthSessionId = wsTokens.Verify(context.Request.Query["access_token"], now, out var expired);
        if (oauthSessionId is null)
        {
            await RefuseAsync(socket, 401, expired ? Errors.AccessTokenExpired : Errors.TokenNotFound, ct);
            return;
        }
        var (caller, error) = await oauth.AuthenticateSessionAsync(oauthSessionId, ct);
        if (caller is null)
        {
            await RefuseAsync(socket, 401, error!, ct);
            return;
        }
        if (!caller.Has(AppPermissions.WebSocketsSubscriptions))
        {
            await RefuseAsync(socket, 403, Errors.AppPermissionRequired(nameof(AppPermissions.WebSocketsSubscriptions)), ct);
            return;
        }
        if (_connections.Keys.Count(c => c.Session.OAuthSessionId == oauthSessionId) >= WsLimits.MaxConnectionsPerSession)
        {
            await RefuseAsync(socket, 429, new ApiError(ErrorKind.TooManyRequests, "WSG-429",
                $"At most {WsLimits.MaxConnectionsPerSession} connections per session are allowed"), ct);
            return;
        }

        var (session, recoveryState) = await RecoverAsync(context.Request.Query["wsc"].ToString(), oauthSessionId, now);
        var origin = new RestTunnel.Origin(context.Request.Scheme, context.Request.Host, context.Connection.RemoteIpAddress);
        var connection = new WsConnection(socket, session, tunnel, origin, time, log, recovered: recoveryState == "Successful");
        connection.TryEnqueue(new WsFrame(WsFrame.ConnectionDetails, Guid.NewGuid().ToString(), 200, null, Details(now, recoveryState)));
        if (!await session.AttachAsync(connection)) return; // another socket recovered the same session at the same moment
        _connections[connection] = 0;
        try
        {
            await connection.RunAsync(ct);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    /// <summary>The session the client asks to recover, when it may; otherwise a new one and why not.</summary>
    private async Task<(WsSession Session, string? RecoveryState)> RecoverAsync(string wsc, string oauthSessionId, DateTimeOffset now)
    {
        if (wsc.Length > 0 && _sessions.TryGetValue(wsc, out var old) && old.OAuthSessionId == oauthSessionId && !old.Ended && !old.Overflowed
            && (old.DetachedAt is not { } at || now - at <= WsLimits.RecoveryTimeout))
        {
            // The client noticed the drop before the server did: the old socket goes now.
            if (old.Connection is { } stale)
            {
                stale.Abort();
                await stale.Finished;
            }
            return (old, "Successful");
        }
        var session = new WsSession(Secrets.NewToken(), oauthSessionId, now);
        _sessions[session.Token] = session;
        return (session, wsc.Length > 0 ? "Failed" : null);
    }

    private static byte[] Details(DateTimeOffset now, string? recoveryState)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("creationTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("maxConnectionsPerSession", WsLimits.MaxConnectionsPerSession);
            json.WriteNumber("recoveryBufferSize", WsLimits.RecoveryBufferSize);
            json.WriteNumber("recoveryTimeout", (int)WsLimits.RecoveryTimeout.TotalSeconds);
            json.WriteNumber("idleTimeout", (int)WsLimits.IdleTimeout.TotalSeconds);
            json.WriteNumber("absoluteTimeout", (int)WsLimits.AbsoluteTimeout.TotalSeconds);
            json.WriteNumber("maxActiveRequests", WsLimits.MaxActiveRequests);
            if (recoveryState is not null)
            {
                json.WriteString("recoveryState", recoveryState);
                if (recoveryState == "Failed") json.WriteString("recoveryErrorCode", RecoveryFailed);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A refused connection gets one Error frame with the reason (CLIENTS.md 4.2), then the socket closes.</summary>
    private static async Task RefuseAsync(WebSocket socket, int status, ApiError error, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WsFrame.Failure(WsFrame.Error, Guid.NewGuid().ToString(), status, error).WriteTo(buffer, null, 0);
        try
        {
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, ct);
            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, error.Code, ct);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await ForgetPreviousRunAsync(ct);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await SweepAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "WebSocket sweep failed");
            }
        }
    }

    /// <summary>Sessions do not survive a restart, so neither do their subscriptions; clients recover by subscribing again.</summary>
    private async Task ForgetPreviousRunAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        if (await db.Subscriptions.Where(s => s.TransportType == SubscriptionViews.WebSocket).ExecuteDeleteAsync(ct) > 0) subscribers.Invalidate();
    }

    /// <summary>
    /// WebSocket subscriptions renew themselves while their session lives (PLATFORM.md 2.5; the clients never renew
    /// them): once a minute, those within an hour of their expiry get another <see cref="WsLimits.AbsoluteTimeout"/>.
    /// </summary>
    private async Task RenewAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now < _nextRenewal) return;
        _nextRenewal = now.AddMinutes(1);
        var live = _bySubscription.Keys.ToList();
        if (live.Count == 0) return;
        var soon = now.UtcDateTime.AddHours(1);
        var expiresAt = now.UtcDateTime + WsLimits.AbsoluteTimeout;
        await using var db = database.CreateContext();
        if (await db.Subscriptions.Where(s => live.Contains(s.Id) && s.ExpiresAt < soon).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, expiresAt), ct) > 0)
            subscribers.Invalidate();
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var connection in _connections.Keys)
        {
            if (now - connection.OpenedAt >= WsLimits.AbsoluteTimeout) connection.Close(408, "WSG-903", "The connection reached its absolute timeout");
            else if (now - connection.LastReceivedAt >= WsLimits.IdleTimeout) connection.Close(408, "WSG-902", "The connection was idle for too long");
        }
        await RenewAsync(now, ct);
        var ended = new List<string>();
        foreach (var session in _sessions.Values)
        {
            if (session.DetachedAt is not { } at || (now - at <= WsLimits.RecoveryTimeout && !session.Overflowed)) continue;
            _sessions.TryRemove(session.Token, out _);
            foreach (var id in session.End())
            {
                _bySubscription.TryRemove(id, out _);
                ended.Add(id);
            }
        }
        if (ended.Count == 0) return;
        await using var db = database.CreateContext();
        await db.Subscriptions.Where(s => ended.Contains(s.Id)).ExecuteDeleteAsync(ct);
        subscribers.Invalidate();
    }
}
