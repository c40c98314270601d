namespace Switchboard.Http;

public static class QueryValues
{
    /// <summary>
    /// A repeatable enum filter (<c>type=User&amp;type=Department</c>); null when absent.
    /// A value the spec does not define is refused naming the parameter.
    /// </summary>
    public static ApiError? Enums<T>(HttpRequest request, string name, out HashSet<T>? values) where T : struct, Enum
    {
        values = null;
        var raw = request.Query[name];
        if (raw.Count == 0) return null;
        values = [];
        foreach (var text in raw)
        {
            if (!WireEnum.TryParse<T>(text, out var value))
                return Errors.InvalidParameter(name, text);
            values.Add(value);
        }
        return null;
    }

    /// <summary>A boolean query parameter: true or false, any case; absent means the default.</summary>
    public static ApiError? Boolean(HttpRequest request, string name, bool fallback, out bool value)
    {
        value = fallback;
        var raw = request.Query[name].ToString();
        if (raw.Length == 0) return null;
        return bool.TryParse(raw, out value) ? null : Errors.InvalidParameter(name, raw);
    }
}
