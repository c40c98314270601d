using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Http;

/// <summary>
/// Reads an id that the spec types as a string but that clients and the seeds also write as a number
/// (seed 001's <c>"id": 22222222</c>).
/// </summary>
public sealed class LenientString : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or a number."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
