using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlScalar = YamlDotNet.Core.Events.Scalar;

namespace Switchboard.Seeding;

/// <summary>
/// A part of a seed file that holds a JSON model (an extension's call handling) written as YAML. It
/// converts node by node, keeping JSON's types: a plain scalar is read as a number, true/false or null
/// when it is one, a quoted scalar is always a string. So the stored JSON comes back exactly, and a
/// JSON seed file (which is YAML) reads the same way.
/// </summary>
public sealed class SeedJson : IYamlConvertible
{
    public JsonNode? Node { get; set; }

    public static SeedJson Of(string json) => new() { Node = JsonNode.Parse(json) };

    public string ToJson() => Node?.ToJsonString() ?? "null";

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer) => Node = ReadNode(parser);

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) => WriteNode(emitter, Node);

    private static JsonNode? ReadNode(IParser parser)
    {
        if (parser.TryConsume<MappingStart>(out _))
        {
            var map = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<YamlScalar>();
                if (!map.TryAdd(key.Value, ReadNode(parser)))
                    throw new YamlException(key.Start, key.End, $"Duplicate key {key.Value}.");
            }
            return map;
        }
        if (parser.TryConsume<SequenceStart>(out _))
        {
            var list = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _)) list.Add(ReadNode(parser));
            return list;
        }
        var scalar = parser.Consume<YamlScalar>();
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(scalar.Value);
        return scalar.Value switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            var text => JsonValue.Create(text),
        };
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Any));
                foreach (var (key, value) in map)
                {
                    emitter.Emit(new YamlScalar(null, null, key, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
                    WriteNode(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Any));
                foreach (var item in list) WriteNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case null:
                emitter.Emit(new YamlScalar("null"));
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = value.GetValue<string>();
                // A plain scalar that would read back as something other than this string is quoted.
                emitter.Emit(new YamlScalar(null, null, text, PlainReadsAsString(text) ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, true, true));
                break;
            default:
                emitter.Emit(new YamlScalar(node.ToJsonString()));
                break;
        }
    }

    // YAML 1.1 readers also take yes/no/on/off for booleans.
    private static readonly HashSet<string> Reserved = new(["true", "false", "null", "yes", "no", "on", "off", "y", "n"], StringComparer.OrdinalIgnoreCase);

    private static bool PlainReadsAsString(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && !Reserved.Contains(text)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '@') && !text.EndsWith(' ');
}
