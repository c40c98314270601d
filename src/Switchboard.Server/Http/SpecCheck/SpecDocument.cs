using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Http.SpecCheck;

/// <summary>
/// RingCentral's OpenAPI spec as a tree. YAML scalars stay text (YAML 1.2 core semantics, so the
/// spec's unquoted <c>Off</c> is the string it is meant to be); keywords read them as they need.
/// </summary>
public sealed class SpecDocument
{
    private static readonly ConcurrentDictionary<string, Lazy<SpecDocument>> Loaded = new();

    private readonly Dictionary<string, JsonObject> _operations = new(StringComparer.Ordinal);

    private SpecDocument(JsonObject root)
    {
        Root = root;
        foreach (var (path, item) in (JsonObject)root["paths"]!)
        {
            foreach (var (method, operation) in (JsonObject)item!)
            {
                if (operation is JsonObject op && op["operationId"] is JsonValue id)
                {
                    op["x-method"] = method.ToUpperInvariant();
                    op["x-path"] = path;
                    _operations[id.GetValue<string>()] = op;
                }
            }
        }
    }

    public JsonObject Root { get; }

    public IEnumerable<JsonObject> Operations => _operations.Values;

    /// <summary>Parses the file once per process; the spec is large and tests start many hosts.</summary>
    public static SpecDocument Load(string path) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<SpecDocument>(() => Parse(File.ReadAllText(p)))).Value;

    public static SpecDocument Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new SpecDocument((JsonObject)Convert(stream.Documents[0].RootNode)!);
    }

    public JsonObject? Operation(string operationId) => _operations.GetValueOrDefault(operationId);

    public JsonObject Schema(string name) => (JsonObject)Root["components"]!["schemas"]![name]!;

    /// <summary>Follows a local <c>$ref</c> such as <c>#/components/schemas/ApiError</c>.</summary>
    public JsonObject Resolve(string reference)
    {
        JsonNode node = Root;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node[part.Replace("~1", "/", StringComparison.Ordinal)]!;
        return (JsonObject)node;
    }

    /// <summary>
    /// The response an operation declares for a status: whether it is declared at all, and its JSON
    /// schema (null when the response has no body).
    /// </summary>
    public (bool Declared, JsonObject? Schema) Response(JsonObject operation, int status)
    {
        var declared = DeclaredResponse(operation, status);
        if (declared is null) return (false, null);
        if (declared["content"] is not JsonObject content) return (true, null);
        var json = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value;
        return (true, json?["schema"] as JsonObject);
    }

    /// <summary>The media types a response declares (<c>audio/*</c> for greeting audio); empty when it has no body.</summary>
    public IReadOnlyList<string> MediaTypes(JsonObject operation, int status) =>
        DeclaredResponse(operation, status)?["content"] is JsonObject content ? [.. content.Select(c => c.Key)] : [];

    private JsonObject? DeclaredResponse(JsonObject operation, int status)
    {
        var responses = (JsonObject)operation["responses"]!;
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is not JsonObject declared) return null;
        return declared["$ref"] is JsonValue reference ? Resolve(reference.GetValue<string>()) : declared;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };
}
