using System.Globalization;

namespace Switchboard.Http;

/// <summary>
/// Absolute <c>uri</c> values on this server's own base URL, so a client that follows them stays
/// here (<c>Switchboard:PublicUrl</c> overrides what the request says, e.g. behind a proxy).
/// </summary>
public sealed class Links(string baseUrl)
{
    public string Base { get; } = baseUrl.TrimEnd('/');

    public static Links For(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Switchboard:PublicUrl"];
        return new Links(string.IsNullOrEmpty(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured);
    }

    public string Account(long accountId) => $"{Base}/restapi/v1.0/account/{Id(accountId)}";

    public string Extension(long accountId, long extensionId) => $"{Account(accountId)}/extension/{Id(extensionId)}";

    public string Path(string pathAndQuery) => Base + pathAndQuery;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
