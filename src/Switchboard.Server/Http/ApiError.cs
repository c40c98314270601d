using System.Text.Json;

namespace Switchboard.Http;

/// <summary>What went wrong, independent of HTTP; <see cref="ApiError.StatusOf"/> maps it to a status in one place.</summary>
public enum ErrorKind
{
    InvalidInput,
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    UnsupportedMediaType,
    TooManyRequests,
    Internal,
    NotImplemented,
}

/// <summary>
/// An expected failure, written as RingCentral's error envelope:
/// <c>{"errorCode","message","errors":[{"errorCode","message","parameterName"}]}</c>.
/// </summary>
public sealed record ApiError(ErrorKind Kind, string Code, string Message) : IResult
{
    public string? ParameterName { get; init; }
    public string? ParameterValue { get; init; }
    /// <summary>Set on permission errors; the platform repeats it at the top level and in the error.</summary>
    public string? PermissionName { get; init; }
    /// <summary>The top-level errorCode when the platform uses a name there instead of the code (CMN-401).</summary>
    public string? TopLevelCode { get; init; }

    public int Status => StatusOf(Kind);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.Internal => StatusCodes.Status500InternalServerError,
        ErrorKind.NotImplemented => StatusCodes.Status501NotImplemented,
    };

    public Task ExecuteAsync(HttpContext context) => WriteAsync(context.Response);

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter.AsStream());
        WriteTo(json);
    }

    /// <summary>The envelope alone, e.g. for the body of a reply over a WebSocket.</summary>
    public byte[] ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) WriteTo(json);
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("errorCode", TopLevelCode ?? Code);
        json.WriteString("message", Message);
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("errorCode", Code);
        json.WriteString("message", Message);
        if (ParameterName is not null) json.WriteString("parameterName", ParameterName);
        if (ParameterValue is not null) json.WriteString("parameterValue", ParameterValue);
        if (PermissionName is not null) json.WriteString("permissionName", PermissionName);
        json.WriteEndObject();
        json.WriteEndArray();
        if (PermissionName is not null) json.WriteString("permissionName", PermissionName);
        json.WriteEndObject();
    }
}
