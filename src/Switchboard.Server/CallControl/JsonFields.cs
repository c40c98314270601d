using System.Globalization;
using System.Text.Json;
using Switchboard.Http;

namespace Switchboard.CallControl;

/// <summary>
/// A JSON object body read field by field, as <see cref="PartyUpdate"/> reads its own: names match
/// case-insensitively (as the rest of the API binds them), null is absent, other fields are ignored,
/// and a wrong value is a 400 naming its field with the path of the object it is in ("replyWithPattern.time").
/// </summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _object;
    private readonly string _prefix;

    private JsonFields(JsonElement value, string prefix) => (_object, _prefix) = (value, prefix);

    /// <summary>The body as an object; without one, <paramref name="required"/> is the field said to be missing.</summary>
    public static ApiError? Open(JsonElement? body, string required, out JsonFields fields)
    {
        fields = default;
        // No body at all binds as an undefined element rather than null.
        if (body is not { } root || root.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return Errors.RequiredParameter(required);
        if (root.ValueKind != JsonValueKind.Object) return Errors.Invalid(required, root.GetRawText(), "The body is a JSON object.");
        fields = new JsonFields(root, "");
        return null;
    }

    /// <summary>The name of a field as errors give it.</summary>
    public string Name(string field) => _prefix + field;

    public bool Has(string field) => Find(field, out _);

    public ApiError? Text(string field, out string? value)
    {
        value = null;
        if (!Find(field, out var element)) return null;
        if (element.ValueKind != JsonValueKind.String) return Errors.Invalid(Name(field), element.GetRawText(), "It is a string.");
        value = element.GetString();
        return null;
    }

    /// <summary>An id the spec types as a string; a number is read too (as <see cref="LenientString"/> does).</summary>
    public ApiError? Id(string field, out long? value, out string? raw)
    {
        (value, raw) = (null, null);
        if (!Find(field, out var element)) return null;
        raw = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        if (raw is null || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return Errors.InvalidParameter(Name(field), raw ?? element.GetRawText());
        value = id;
        return null;
    }

    public ApiError? Flag(string field, out bool? value)
    {
        value = null;
        if (!Find(field, out var element)) return null;
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Errors.Invalid(Name(field), element.GetRawText(), "It is true or false.");
        value = element.ValueKind == JsonValueKind.True;
        return null;
    }

    public ApiError? Integer(string field, out int? value)
    {
        value = null;
        if (!Find(field, out var element)) return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number)) return Errors.Invalid(Name(field), element.GetRawText(), "It is a whole number.");
        value = number;
        return null;
    }

    /// <summary>One of the spec's enum values, spelled as the spec spells it.</summary>
    public ApiError? OneOf(string field, string[] allowed, out string? value)
    {
        if (Text(field, out value) is { } error) return error;
        if (value is null || Array.IndexOf(allowed, value) >= 0) return null;
        var wrong = value;
        value = null;
        return Errors.Invalid(Name(field), wrong, $"It is one of {string.Join(", ", allowed)}.");
    }

    public ApiError? Object(string field, out JsonFields? value)
    {
        value = null;
        if (!Find(field, out var element)) return null;
        if (element.ValueKind != JsonValueKind.Object) return Errors.Invalid(Name(field), element.GetRawText(), "It is an object.");
        value = new JsonFields(element, Name(field) + ".");
        return null;
    }

    private bool Find(string field, out JsonElement value)
    {
        foreach (var property in _object.EnumerateObject())
        {
            if (!property.Name.Equals(field, StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind == JsonValueKind.Null) continue;
            value = property.Value;
            return true;
        }
        value = default;
        return false;
    }
}
