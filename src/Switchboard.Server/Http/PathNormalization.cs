namespace Switchboard.Http;

/// <summary>
/// Collapses repeated slashes: <c>@ringcentral/sdk</c> joins a server URL that ends in a slash
/// with a path that starts with one, and asks for <c>//restapi/oauth/token</c>.
/// </summary>
public sealed class PathNormalization(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
        {
            while (path.Contains("//", StringComparison.Ordinal)) path = path.Replace("//", "/", StringComparison.Ordinal);
            context.Request.Path = new PathString(path);
        }
        return next(context);
    }
}
