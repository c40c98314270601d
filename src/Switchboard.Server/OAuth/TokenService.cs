using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.OAuth;

/// <summary>
/// OAuth sessions and their tokens. The database holds only token hashes; a small in-memory cache
/// keyed by the presented token keeps the database off the hot path of every API request.
/// </summary>
public sealed class TokenService(Database database, ServerKeys keys, TimeProvider clock)
{
    /// <summary>Parallel sessions per user and app; the oldest are revoked beyond this (platform behaviour).</summary>
    public const int MaxSessionsPerUserAndApp = 5;
    /// <summary>A replayed refresh token returns the same tokens until the new access token has been used this long...</summary>
    public static readonly TimeSpan GraceAfterUse = TimeSpan.FromSeconds(10);
    /// <summary>...or, while it is unused, for this long.</summary>
    public static readonly TimeSpan GraceUnused = TimeSpan.FromMinutes(60);
    /// <summary>How long a cached token is trusted before the database is asked again (revocation by another node, admin changes).</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CachedToken> _cache = new(StringComparer.Ordinal);

    private sealed record CachedToken(Caller Caller, DateTime ExpiresAt, DateTime RecheckAt);

    public async Task<(Caller? Caller, ApiError? Error)> AuthenticateAsync(HttpRequest request)
    {
        var token = ReadAccessToken(request, out var headerError);
        if (token is null) return (null, headerError);

        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(token, out var cached) && now < cached.RecheckAt)
            return now < cached.ExpiresAt ? (cached.Caller, null) : (null, Errors.AccessTokenExpired);

        await using var db = database.CreateContext();
        var hash = Secrets.HashToken(token);
        var found = await (
            from s in db.OAuthSessions
            where s.AccessTokenHash == hash && s.RevokedAt == null
            join e in db.Extensions on s.ExtensionId equals e.Id
            select new { Session = s, e.IsAdministrator }).FirstOrDefaultAsync(request.HttpContext.RequestAborted);
        if (found is null)
        {
            _cache.TryRemove(token, out _);
            return (null, Errors.TokenNotFound);
        }
        var session = found.Session;
        if (now >= session.AccessTokenExpiresAt) return (null, Errors.AccessTokenExpired);
        if (session.AccessTokenFirstUsedAt is null)
        {
            // The first use of a refreshed token shortens the grace of the refresh token that made it.
            session.AccessTokenFirstUsedAt = now;
            await db.SaveChangesAsync(request.HttpContext.RequestAborted);
        }

        var caller = new Caller(session.Id, session.AccountId, session.ExtensionId, session.ClientId, session.Permissions, found.IsAdministrator);
        if (_cache.Count > 50_000) PurgeExpired(now);
        _cache[token] = new CachedToken(caller, session.AccessTokenExpiresAt, now + RecheckAfter);
        return (caller, null);
    }

    /// <summary>
    /// The caller of a live OAuth session, by its id: how WebSocket connections, which outlive the access
    /// token they were opened with, authenticate the requests they carry. Cached like access tokens.
    /// </summary>
    public async Task<(Caller? Caller, ApiError? Error)> AuthenticateSessionAsync(string sessionId, CancellationToken ct)
    {
        var key = "session:" + sessionId; // access tokens are base64url, so never collide with this key
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(key, out var cached) && now < cached.RecheckAt)
            return now < cached.ExpiresAt ? (cached.Caller, null) : (null, Errors.TokenNotFound);

        await using var db = database.CreateContext();
        var found = await (
            from s in db.OAuthSessions
            where s.Id == sessionId && s.RevokedAt == null
            join e in db.Extensions on s.ExtensionId equals e.Id
            select new { Session = s, e.IsAdministrator }).FirstOrDefaultAsync(ct);
        if (found is null || now >= found.Session.RefreshTokenExpiresAt)
        {
            _cache.TryRemove(key, out _);
            return (null, Errors.TokenNotFound);
        }
        var session = found.Session;
        var caller = new Caller(session.Id, session.AccountId, session.ExtensionId, session.ClientId, session.Permissions, found.IsAdministrator);
        _cache[key] = new CachedToken(caller, session.RefreshTokenExpiresAt, now + RecheckAfter);
        return (caller, null);
    }

    /// <summary>The token from <c>Authorization: Bearer</c> (scheme in any case) or the <c>access_token</c> query parameter.</summary>
    private static string? ReadAccessToken(HttpRequest request, out ApiError? error)
    {
        error = null;
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            var query = request.Query["access_token"].ToString();
            if (query.Length > 0) return query;
            error = Errors.MissingAuthorization;
            return null;
        }
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[(space + 1)..].Trim();
            if (token.Length > 0) return token;
        }
        error = Errors.InvalidAuthorizationHeader;
        return null;
    }

    public async Task<TokenInfo> CreateSessionAsync(Extension extension, App app, string? endpointId, TokenLifetimes lifetimes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var accessToken = Secrets.NewToken();
        var refreshToken = Secrets.NewToken();
        var session = new OAuthSession
        {
            Id = Secrets.NewId(),
            AccountId = extension.AccountId,
            ExtensionId = extension.Id,
            ClientId = app.ClientId,
            EndpointId = string.IsNullOrWhiteSpace(endpointId) ? Secrets.NewId(9) : endpointId,
            Permissions = app.Permissions,
            CreatedAt = now,
            AccessTokenHash = Secrets.HashToken(accessToken),
            AccessTokenIssuedAt = now,
            AccessTokenExpiresAt = now.AddSeconds(lifetimes.AccessSeconds),
            RefreshTokenHash = Secrets.HashToken(refreshToken),
            RefreshTokenExpiresAt = now.AddSeconds(lifetimes.RefreshSeconds),
        };

        await using var db = database.CreateContext();
        var older = await db.OAuthSessions
            .Where(s => s.ExtensionId == extension.Id && s.ClientId == app.ClientId && s.RevokedAt == null && s.RefreshTokenExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Skip(MaxSessionsPerUserAndApp - 1)
            .ToListAsync(ct);
        foreach (var old in older)
        {
            old.RevokedAt = now;
            Forget(old.Id);
        }
        db.OAuthSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Describe(session, accessToken, refreshToken, now);
    }

    public async Task<(TokenInfo? Token, OAuthError? Error)> RefreshAsync(App app, string refreshToken, TokenLifetimes lifetimes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Secrets.HashToken(refreshToken);
        var accessToken = Secrets.Derive(keys.TokenKey, "access", refreshToken);
        var nextRefreshToken = Secrets.Derive(keys.TokenKey, "refresh", refreshToken);

        await using var db = database.CreateContext();
        var session = await db.OAuthSessions.FirstOrDefaultAsync(
            s => (s.RefreshTokenHash == hash || s.PreviousRefreshTokenHash == hash) && s.RevokedAt == null, ct);
        if (session is null || session.ClientId != app.ClientId) return (null, OAuthError.TokenNotFound());

        if (session.PreviousRefreshTokenHash == hash)
        {
            // A refresh token used a second time returns the tokens it already produced, for a while.
            var graceEnds = session.AccessTokenFirstUsedAt is { } used ? used + GraceAfterUse : session.AccessTokenIssuedAt + GraceUnused;
            if (now >= graceEnds || !Secrets.TokenMatches(accessToken, session.AccessTokenHash))
                return (null, OAuthError.TokenNotFound());
            return (Describe(session, accessToken, nextRefreshToken, now), null);
        }

        if (now >= session.RefreshTokenExpiresAt) return (null, OAuthError.TokenExpired());
        session.PreviousRefreshTokenHash = hash;
        session.AccessTokenHash = Secrets.HashToken(accessToken);
        session.AccessTokenIssuedAt = now;
        session.AccessTokenExpiresAt = now.AddSeconds(lifetimes.AccessSeconds);
        session.AccessTokenFirstUsedAt = null;
        session.RefreshTokenHash = Secrets.HashToken(nextRefreshToken);
        session.RefreshTokenExpiresAt = now.AddSeconds(lifetimes.RefreshSeconds);
        await db.SaveChangesAsync(ct);
        Forget(session.Id); // the previous access token stops working at once
        return (Describe(session, accessToken, nextRefreshToken, now), null);
    }

    /// <summary>Ends the whole session the token (access or refresh) belongs to. Unknown tokens are ignored (RFC 7009).</summary>
    public async Task<bool> RevokeAsync(App app, string token, CancellationToken ct)
    {
        var hash = Secrets.HashToken(token);
        await using var db = database.CreateContext();
        var session = await db.OAuthSessions.FirstOrDefaultAsync(
            s => (s.AccessTokenHash == hash || s.RefreshTokenHash == hash) && s.RevokedAt == null, ct);
        if (session is null) return true;
        if (session.ClientId != app.ClientId) return false;
        session.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Forget(session.Id);
        return true;
    }

    /// <summary>Ends every session of a user, e.g. when the extension is disabled.</summary>
    public async Task RevokeExtensionAsync(long extensionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        await db.OAuthSessions.Where(s => s.ExtensionId == extensionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        Forget(extensionId: extensionId);
    }

    /// <summary>Drops every cached token of a session, or of an extension's sessions.</summary>
    public void Forget(string? sessionId = null, long? extensionId = null)
    {
        foreach (var (token, entry) in _cache)
        {
            if (entry.Caller.SessionId == sessionId || entry.Caller.ExtensionId == extensionId)
                _cache.TryRemove(token, out _);
        }
    }

    private void PurgeExpired(DateTime now)
    {
        foreach (var (token, entry) in _cache)
            if (entry.ExpiresAt <= now) _cache.TryRemove(token, out _);
    }

    private static TokenInfo Describe(OAuthSession session, string accessToken, string refreshToken, DateTime now) => new(
        accessToken,
        "bearer",
        Seconds(session.AccessTokenExpiresAt - now),
        refreshToken,
        Seconds(session.RefreshTokenExpiresAt - now),
        Scopes.Format(session.Permissions),
        session.ExtensionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        session.EndpointId,
        session.Id);

    private static int Seconds(TimeSpan span) => Math.Max(0, (int)span.TotalSeconds);
}
