using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Http.SpecCheck;

/// <summary>
/// With <c>--spec-check FILE</c> (the test suites turn it on): every response body is checked against
/// the spec's schema for its operation and status; a mismatch replaces the response with a 500 that
/// says what is wrong, so whichever test made the request fails. Errors must be the platform's envelope.
/// </summary>
public sealed class SpecConformance(RequestDelegate next, SpecDocument spec, ILogger<SpecConformance> log)
{
    /// <summary>Top-level fields the platform sends on errors beyond the spec's ApiErrorResponseModel (PLATFORM.md 2.2).</summary>
    private static readonly HashSet<string> ErrorExtras = ["errorCode", "message", "permissionName", "error", "error_description"];

    /// <summary>
    /// Operations whose success the spec declares without a body, but whose clients parse one: an empty
    /// JSON object is allowed (ringcentral-call-control's flip throws on an empty body, CLIENTS.md 6.1).
    /// </summary>
    private static readonly HashSet<string> EmptyObjectAllowed = ["callFlipParty"];

    private readonly SchemaValidator _validator = new(spec);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var problems = Check(context, buffer.ToArray());
        if (problems.Count == 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var operation = OperationId(context) ?? context.Request.Path.Value;
        var summary = $"Response does not match the RingCentral spec ({operation} {context.Response.StatusCode}): {string.Join("; ", problems.Take(5))}";
        log.LogError("{Summary}", summary);
        context.Response.Headers.Clear();
        await new ApiError(ErrorKind.Internal, "SWB-001", summary).WriteAsync(context.Response);
    }

    public List<string> Check(HttpContext context, byte[] body)
    {
        var status = context.Response.StatusCode;
        var contentType = context.Response.ContentType ?? "";
        if (contentType.StartsWith("text/html", StringComparison.Ordinal)) return []; // the sign-in page is for people
        var operationId = OperationId(context);
        var operation = operationId is null ? null : spec.Operation(operationId);

        JsonObject? schema;
        if (operation is not null)
        {
            var (declared, declaredSchema) = spec.Response(operation, status);
            if (!declared && status < 400) return [$"status {status} is not a response of {operationId}"];
            schema = declaredSchema;
            if (schema is null && status < 400 && EmptyObjectAllowed.Contains(operationId!) && IsEmptyObject(body, contentType)) return [];
            if (schema is null && status < 400) return CheckWithoutSchema(operation, operationId!, status, contentType, body.Length);
        }
        else if (status < 400)
        {
            return []; // Switchboard's own routes and documents
        }
        else schema = null;

        if (status >= 400 && schema is null) schema = spec.Schema("ApiErrorResponseModel");
        if (status >= 400 && (body.Length == 0 || !contentType.Contains("json", StringComparison.Ordinal)))
            return [$"error {status} must carry the JSON error envelope"];
        if (body.Length == 0) return [$"the spec declares a body for {operationId} {status}, but none was sent"];

        try
        {
            using var document = JsonDocument.Parse(body);
            return _validator.Validate(document.RootElement, schema!, status >= 400 ? ErrorExtras : null);
        }
        catch (JsonException e)
        {
            return [$"the body is not JSON: {e.Message}"];
        }
    }

    /// <summary>No JSON schema: either no body at all, or media such as greeting audio, which passes if its type is declared.</summary>
    private List<string> CheckWithoutSchema(JsonObject operation, string operationId, int status, string contentType, int length)
    {
        if (length == 0) return [];
        var declared = spec.MediaTypes(operation, status);
        if (declared.Count == 0) return [$"{operationId} {status} has no body in the spec, but {length} bytes were sent"];
        var sent = contentType.Split(';')[0].Trim();
        return declared.Any(d => MediaMatches(d, sent)) ? [] : [$"{operationId} {status} declares {string.Join(", ", declared)}, but {sent} was sent"];
    }

    private static bool IsEmptyObject(byte[] body, string contentType) =>
        contentType.StartsWith("application/json", StringComparison.Ordinal) && body.AsSpan().SequenceEqual("{}"u8);

    /// <summary>A declared media type, with <c>type/*</c> and <c>*/*</c> wildcards.</summary>
    private static bool MediaMatches(string declared, string sent) =>
        declared == "*/*"
        || (declared.EndsWith("/*", StringComparison.Ordinal) && sent.StartsWith(declared[..^1], StringComparison.OrdinalIgnoreCase))
        || string.Equals(declared, sent, StringComparison.OrdinalIgnoreCase);

    private static string? OperationId(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        return metadata?.GetMetadata<RcOperation>()?.OperationId
            ?? metadata?.GetMetadata<UnsupportedOperations.UnsupportedOperation>()?.OperationId;
    }
}
