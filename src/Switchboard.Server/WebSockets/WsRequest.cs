using System.Text;
using System.Text.Json;

namespace Switchboard.WebSockets;

/// <summary>
/// A message from a client: <c>[meta]</c> or <c>[meta, body]</c> (CLIENTS.md 4.4). For a ClientRequest the meta
/// carries <c>method</c>, <c>path</c>, optional <c>query</c> (an object) and <c>headers</c>.
/// </summary>
public sealed record WsRequest(string Type, string MessageId, string Method, string Path, string QueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body)
{
    /// <summary>Null when the message is not a framed one.</summary>
    public static WsRequest? Parse(ReadOnlyMemory<byte> text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > 2) return null;
        var meta = root[0];
        if (meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !meta.TryGetProperty("messageId", out var id) || id.ValueKind != JsonValueKind.String)
            return null;

        var path = meta.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        var query = new StringBuilder();
        var mark = path.IndexOf('?', StringComparison.Ordinal);
        if (mark >= 0)
        {
            query.Append(path, mark, path.Length - mark);
            path = path[..mark];
        }
        if (meta.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in q.EnumerateObject())
            {
                // Arrays repeat the key, as the clients' query strings do (CLIENTS.md 2.2).
                var values = parameter.Value.ValueKind == JsonValueKind.Array ? parameter.Value.EnumerateArray() : Single(parameter.Value);
                foreach (var value in values)
                {
                    if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
                    query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(parameter.Name)).Append('=')
                        .Append(Uri.EscapeDataString(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
                }
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (meta.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            foreach (var header in h.EnumerateObject())
                if (header.Value.ValueKind == JsonValueKind.String) headers.Add(new(header.Name, header.Value.GetString()!));

        var method = meta.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.ToUpperInvariant() : "GET";
        var body = root.GetArrayLength() == 2 && root[1].ValueKind != JsonValueKind.Null ? Encoding.UTF8.GetBytes(root[1].GetRawText()) : null;
        return new WsRequest(type.GetString()!, id.GetString()!, method, path, query.ToString(), headers, body);
    }

    private static IEnumerable<JsonElement> Single(JsonElement value) { yield return value; }
}
