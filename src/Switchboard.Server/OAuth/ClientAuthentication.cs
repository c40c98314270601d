using System.Text;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.OAuth;

/// <summary>
/// Who the client is: the Basic header, or <c>client_id</c> (and <c>client_secret</c>) in the body,
/// or both at once as @rc-ex sends them.
/// </summary>
public static class ClientAuthentication
{
    public static async Task<(App? App, OAuthError? Error)> AuthenticateAsync(HttpRequest request, IFormCollection form, SwitchboardDb db)
    {
        string? clientId = null, secret = null;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
            catch (FormatException) { return (null, OAuthError.InvalidClient()); }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) return (null, OAuthError.InvalidClient());
            clientId = Uri.UnescapeDataString(decoded[..colon]);
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
        }

        var bodyId = form["client_id"].ToString();
        if (bodyId.Length > 0)
        {
            if (clientId is not null && clientId != bodyId) return (null, OAuthError.InvalidClient());
            clientId = bodyId;
            var bodySecret = form["client_secret"].ToString();
            if (bodySecret.Length > 0) secret = bodySecret;
        }
        if (string.IsNullOrEmpty(clientId)) return (null, OAuthError.ClientAuthenticationRequired());

        var app = await db.Apps.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, request.HttpContext.RequestAborted);
        if (app is null) return (null, OAuthError.InvalidClient());
        if (app.ClientSecretHash is { } hash)
        {
            if (string.IsNullOrEmpty(secret)) return (null, OAuthError.ClientAuthenticationRequired());
            if (!Secrets.TokenMatches(secret, hash)) return (null, OAuthError.InvalidClient());
        }
        return (app, null);
    }
}
