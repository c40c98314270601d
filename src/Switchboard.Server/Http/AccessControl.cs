using System.Globalization;
using Switchboard.OAuth;
using Switchboard.WebSockets;

namespace Switchboard.Http;

/// <summary>
/// Runs after routing for every RingCentral operation: authenticates the access token, checks the
/// app permission and the user's access to the account and extension in the path, and replaces
/// <c>~</c> in the path with the caller's ids so handlers bind plain numbers.
/// </summary>
public sealed class AccessControl(RequestDelegate next, TokenService tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<RcOperation>();
        if (operation is null || operation.Access == UserAccess.Anonymous)
        {
            await next(context);
            return;
        }

        // A request carried by a WebSocket is the session's: it outlives the access token the socket was opened with.
        var (caller, error) = context.Features.Get<WsSession>() is { } socket
            ? await tokens.AuthenticateSessionAsync(socket.OAuthSessionId, context.RequestAborted)
            : await tokens.AuthenticateAsync(context.Request);
        if (caller is null)
        {
            await error!.WriteAsync(context.Response);
            return;
        }

        error = Authorize(context.Request.RouteValues, caller, operation);
        if (error is not null)
        {
            await error.WriteAsync(context.Response);
            return;
        }

        context.Features.Set(caller);
        context.Request.Path = ResolvePath(context.Request.Path, caller, context.Request.RouteValues);
        await next(context);
    }

    /// <summary>The path with <c>~</c> replaced, so the <c>uri</c> fields built from it carry real ids as on the platform.</summary>
    internal static PathString ResolvePath(PathString path, Caller caller, RouteValueDictionary route)
    {
        var value = path.Value;
        if (value is null || !value.Contains('~', StringComparison.Ordinal)) return path;
        var segments = value.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] != "~") continue;
            segments[i] = segments[i - 1] switch
            {
                "account" or "accounts" => route["accountId"] as string ?? caller.AccountId.ToString(CultureInfo.InvariantCulture),
                "extension" or "extensions" => route["extensionId"] as string ?? caller.ExtensionId.ToString(CultureInfo.InvariantCulture),
                _ => "~",
            };
        }
        return new PathString(string.Join('/', segments));
    }

    internal static ApiError? Authorize(RouteValueDictionary route, Caller caller, RcOperation operation)
    {
        if (operation.AppPermission != 0 && !caller.Has(operation.AppPermission))
            return Errors.AppPermissionRequired(operation.AppPermission.ToString());

        if (route.TryGetValue("accountId", out var account))
        {
            // Another account's id gets the same answer whether or not that account exists.
            if (ResolveId(account, caller.AccountId) != caller.AccountId) return Errors.NotFound("accountId");
            route["accountId"] = caller.AccountId.ToString(CultureInfo.InvariantCulture);
        }

        var extensionId = caller.ExtensionId;
        if (route.TryGetValue("extensionId", out var extension))
        {
            var resolved = ResolveId(extension, caller.ExtensionId);
            if (resolved is null) return Errors.NotFound("extensionId");
            extensionId = resolved.Value;
            route["extensionId"] = extensionId.ToString(CultureInfo.InvariantCulture);
        }

        return operation.Access switch
        {
            UserAccess.Admin when !caller.IsAdmin => Errors.UserPermissionRequired(operation.UserPermission ?? "AccountAdministration"),
            UserAccess.OwnOrAdmin when !caller.CanSeePrivate(extensionId) =>
                Errors.UserPermissionForResourceRequired(operation.UserPermission ?? "ReadExtensions"),
            _ => null,
        };
    }

    private static long? ResolveId(object? value, long own) => (value as string) switch
    {
        "~" => own,
        { } text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };
}
