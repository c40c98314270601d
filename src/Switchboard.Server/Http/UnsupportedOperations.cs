using System.Text.RegularExpressions;

namespace Switchboard.Http;

/// <summary>
/// RingCentral operations that Switchboard does not implement answer 501 CMN-202 "Operation is not
/// supported" instead of 404, so a client can tell a gap in Switchboard from a wrong URL.
/// </summary>
public static partial class UnsupportedOperations
{
    public static IReadOnlyList<(string Method, string Path, string OperationId)> All { get; } = Load();

    /// <summary>Call after every feature is mapped.</summary>
    public static void MapUnsupportedOperations(this WebApplication app)
    {
        var implemented = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Key(m, e.RoutePattern.RawText)))
            .ToHashSet();
        foreach (var (method, path, operationId) in All)
        {
            if (implemented.Contains(Key(method, path))) continue;
            // A plain RequestDelegate: a lambda would be compiled by the RequestDelegateFactory for each of
            // the ~370 routes when the host starts (about half a second per host).
            app.MapMethods(path, [method], NotSupported)
                .WithMetadata(new UnsupportedOperation(operationId))
                .ExcludeFromDescription();
        }
    }

    public sealed record UnsupportedOperation(string OperationId);

    private static Task NotSupported(HttpContext context) => Errors.OperationNotSupported.WriteAsync(context.Response);

    private static string Key(string method, string? template) =>
        method + " " + Parameter().Replace("/" + (template ?? "").Trim('/'), "{}");

    private static List<(string, string, string)> Load()
    {
        using var stream = typeof(UnsupportedOperations).Assembly.GetManifestResourceStream("ringcentral-operations.txt")!;
        using var reader = new StreamReader(stream);
        var list = new List<(string, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ');
            list.Add((parts[0], parts[1], parts[2]));
        }
        return list;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
