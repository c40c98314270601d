using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>
/// A createCustomUserGreeting body, read from multipart/form-data or multipart/mixed. The fields come
/// from a JSON part (seed 002's sample names it <c>json</c>, @rc-ex <c>request.json</c>, multipart/mixed
/// often leaves it unnamed) or from plain form fields; the audio is the part named <c>binary</c>, or
/// the first unnamed part that is not JSON.
/// </summary>
public sealed class GreetingUpload
{
    /// <summary>The spec's x-request-max-body-size "20m".</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;

    /// <summary>Form field names; <c>answeringRule.id</c> is the JSON form's nested id.</summary>
    private static readonly HashSet<string> FormFields = ["type", "answeringRuleId", "stateId", "interactionRuleId", "peopleNumberRuleId"];

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public byte[]? Audio { get; private set; }

    /// <summary>The audio part's media type as sent, without parameters.</summary>
    public string? AudioType { get; private set; }

    public string? this[string field] => _fields.GetValueOrDefault(field);

    public bool Has(string field) => _fields.ContainsKey(field);

    public static async Task<(GreetingUpload? Upload, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            return (null, Errors.UnsupportedMediaType);
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return (null, Errors.UnparsableRequest);
        // Refused before reading, so a client that sent Content-Length is not made to upload it all.
        if (request.ContentLength > MaxBodyBytes) return (null, GreetingErrors.TooLarge);
        var body = await ReadLimitedAsync(request.Body, ct);
        if (body is null) return (null, GreetingErrors.TooLarge);

        var upload = new GreetingUpload();
        try
        {
            var reader = new MultipartReader(boundary, body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (await upload.AddAsync(section, ct) is { } error) return (null, error);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, Errors.UnparsableRequest);
        }
        return (upload, null);
    }

    /// <summary>The body in memory, or null past the limit (chunked uploads say no length up front).</summary>
    private static async Task<MemoryStream?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes) return null;
            copy.Write(chunk, 0, read);
        }
        copy.Position = 0;
        return copy;
    }

    private async Task<ApiError?> AddAsync(MultipartSection section, CancellationToken ct)
    {
        var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
        var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
        var isFile = disposition is not null && (disposition.FileName.HasValue || disposition.FileNameStar.HasValue);
        var type = MediaTypeHeaderValue.TryParse(section.ContentType, out var media) ? media.MediaType.Value?.ToLowerInvariant() : null;
        using var content = new MemoryStream();
        await section.Body.CopyToAsync(content, ct);
        var bytes = content.ToArray();

        var isJson = type is not null && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal));
        if (name == "binary" || (string.IsNullOrEmpty(name) && !isJson))
        {
            if (Audio is null) (Audio, AudioType) = (bytes, type);
            return null;
        }
        if (isJson || name is "json" or "request.json") return AddJson(bytes);
        if (!isFile && name is not null && FormFields.Contains(name)) _fields[name] = Encoding.UTF8.GetString(bytes).Trim();
        return null; // other parts are ignored, as unknown fields are
    }

    private ApiError? AddJson(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return Errors.UnparsableJson;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Errors.UnparsableJson;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var error = property.Name == "answeringRule"
                    ? AddRule(property.Value)
                    : FormFields.Contains(property.Name) ? AddScalar(property.Name, property.Value) : null;
                if (error is not null) return error;
            }
        }
        return null;
    }

    private ApiError? AddRule(JsonElement rule)
    {
        if (rule.ValueKind == JsonValueKind.Null) return null;
        if (rule.ValueKind != JsonValueKind.Object) return Errors.InvalidParameter("answeringRule");
        if (!rule.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null) return Errors.RequiredParameter("answeringRule.id");
        return AddScalar("answeringRule.id", id);
    }

    /// <summary>Ids may come as numbers: seed 002's sample sends <c>stateId: 5</c>.</summary>
    private ApiError? AddScalar(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                _fields[field] = value.GetString()!.Trim();
                return null;
            case JsonValueKind.Number:
                _fields[field] = value.GetRawText();
                return null;
            case JsonValueKind.Null:
                return null;
            default:
                return Errors.InvalidParameter(field, value.GetRawText());
        }
    }
}
