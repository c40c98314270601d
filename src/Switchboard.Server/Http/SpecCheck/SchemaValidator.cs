using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Http.SpecCheck;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema: types, formats, enums, required and nullable,
/// composition, and, stricter than the spec demands, no properties the spec does not name.
/// </summary>
public sealed class SchemaValidator(SpecDocument spec)
{
    public List<string> Validate(JsonElement value, JsonObject schema, IReadOnlySet<string>? extraRootProperties = null)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors, checkUnknown: true, extraRootProperties);
        return errors;
    }

    private void Check(JsonElement value, JsonObject schema, string path, List<string> errors, bool checkUnknown, IReadOnlySet<string>? extra = null)
    {
        var (s, name) = Deref(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (Text(s, "nullable") != "true") errors.Add($"{path}: null is not allowed{Of(name)}");
            return;
        }

        if (s["allOf"] is JsonArray all)
            foreach (var part in all) Check(value, (JsonObject)part!, path, errors, checkUnknown: false);

        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray choices)
        {
            List<string>? best = null;
            foreach (var choice in choices)
            {
                var attempt = new List<string>();
                Check(value, (JsonObject)choice!, path, attempt, checkUnknown);
                if (attempt.Count == 0) { best = null; break; }
                if (best is null || attempt.Count < best.Count) best = attempt;
            }
            if (best is not null) errors.AddRange(best);
        }

        var type = Text(s, "type") ?? (s["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object": CheckObject(value, s, name, path, errors, checkUnknown, extra); break;
            case "array": CheckArray(value, s, path, errors); break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { errors.Add($"{path}: expected a string{Of(name)}, got {value.ValueKind}"); return; }
                CheckString(value.GetString()!, s, name, path, errors);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer)) { errors.Add($"{path}: expected an integer{Of(name)}"); return; }
                if (Text(s, "format") == "int32" && integer is < int.MinValue or > int.MaxValue) errors.Add($"{path}: {integer} is out of int32 range");
                CheckRange(integer, s, path, errors);
                CheckEnum(value.GetRawText(), s, name, path, errors);
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number) { errors.Add($"{path}: expected a number{Of(name)}"); return; }
                CheckRange(value.GetDouble(), s, path, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean{Of(name)}");
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonObject s, string? name, string path, List<string> errors, bool checkUnknown, IReadOnlySet<string>? extra)
    {
        if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object{Of(name)}, got {value.ValueKind}"); return; }
        foreach (var required in Required(s))
            if (!value.TryGetProperty(required, out _)) errors.Add($"{path}: required property '{required}' is missing{Of(name)}");

        var properties = s["properties"] as JsonObject;
        (HashSet<string> Names, bool AnyAllowed, JsonObject? Additional)? known = checkUnknown ? KnownProperties(s) : null;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties?[property.Name] is JsonObject child)
            {
                Check(property.Value, child, childPath, errors, checkUnknown: true);
                continue;
            }
            if (known is null || known.Value.Names.Contains(property.Name)) continue;
            if (known.Value.Additional is JsonObject additional) Check(property.Value, additional, childPath, errors, checkUnknown: true);
            else if (!known.Value.AnyAllowed && extra?.Contains(property.Name) != true)
                errors.Add($"{childPath}: '{property.Name}' is not a property of {name ?? "the object"}");
        }
    }

    private void CheckArray(JsonElement value, JsonObject s, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected an array, got {value.ValueKind}"); return; }
        var count = value.GetArrayLength();
        if (Number(s, "minItems") is { } min && count < min) errors.Add($"{path}: fewer than {min} items");
        if (Number(s, "maxItems") is { } max && count > max) errors.Add($"{path}: more than {max} items");
        if (s["items"] is not JsonObject items) return;
        var i = 0;
        foreach (var item in value.EnumerateArray()) Check(item, items, $"{path}[{i++}]", errors, checkUnknown: true);
    }

    private static void CheckString(string text, JsonObject s, string? name, string path, List<string> errors)
    {
        CheckEnum(text, s, name, path, errors);
        if (Number(s, "minLength") is { } min && text.Length < min) errors.Add($"{path}: shorter than {min}");
        if (Number(s, "maxLength") is { } max && text.Length > max) errors.Add($"{path}: longer than {max}");
        var ok = Text(s, "format") switch
        {
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Contains('T', StringComparison.Ordinal),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "email" => text.Contains('@', StringComparison.Ordinal),
            _ => true,
        };
        if (!ok) errors.Add($"{path}: '{text}' is not a valid {Text(s, "format")}");
    }

    private static void CheckEnum(string text, JsonObject s, string? name, string path, List<string> errors)
    {
        if (s["enum"] is not JsonArray values) return;
        if (!values.Any(v => v?.GetValue<string>() == text))
            errors.Add($"{path}: '{text}' is not one of {string.Join(", ", values.Select(v => v?.GetValue<string>()))}{Of(name)}");
    }

    private static void CheckRange(double number, JsonObject s, string path, List<string> errors)
    {
        if (Number(s, "minimum") is { } min && number < min) errors.Add($"{path}: {number} is below the minimum {min}");
        if (Number(s, "maximum") is { } max && number > max) errors.Add($"{path}: {number} is above the maximum {max}");
    }

    /// <summary>Every property name the schema and its allOf parts declare, and whether others are allowed.</summary>
    private (HashSet<string> Names, bool AnyAllowed, JsonObject? Additional) KnownProperties(JsonObject schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var anyAllowed = false;
        JsonObject? additional = null;
        void Collect(JsonObject node)
        {
            var (s, _) = Deref(node);
            if (s["properties"] is JsonObject props) foreach (var (key, _) in props) names.Add(key);
            switch (s["additionalProperties"])
            {
                case JsonValue flag when flag.GetValue<string>() == "true": anyAllowed = true; break;
                case JsonObject { Count: 0 }: anyAllowed = true; break;
                case JsonObject extra: additional = extra; break;
            }
            if (s["allOf"] is JsonArray parts) foreach (var part in parts) Collect((JsonObject)part!);
            if ((s["oneOf"] ?? s["anyOf"]) is JsonArray) anyAllowed = true; // each branch checks its own
        }
        Collect(schema);
        return (names, anyAllowed, additional);
    }

    private static IEnumerable<string> Required(JsonObject s) =>
        s["required"] is JsonArray required ? required.Select(r => r!.GetValue<string>()) : [];

    private (JsonObject Schema, string? Name) Deref(JsonObject schema)
    {
        string? name = null;
        while (schema["$ref"] is JsonValue reference)
        {
            var target = reference.GetValue<string>();
            name = target[(target.LastIndexOf('/') + 1)..];
            schema = spec.Resolve(target);
        }
        return (schema, name);
    }

    private static string? Text(JsonObject s, string key) => s[key] is JsonValue v ? v.GetValue<string>() : null;

    private static double? Number(JsonObject s, string key) =>
        Text(s, key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Of(string? name) => name is null ? "" : $" ({name})";
}
