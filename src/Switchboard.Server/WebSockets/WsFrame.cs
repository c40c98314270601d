using System.Buffers;
using System.Text.Json;
using Switchboard.Http;

namespace Switchboard.WebSockets;

/// <summary>
/// One message to a client, before it is numbered: the gateway's framing is <c>[meta]</c> or
/// <c>[meta, body]</c> in one text frame (CLIENTS.md 4.3). The <c>wsc</c> sequence is added by the
/// connection's writer when it sends, so numbers follow the order on the wire.
/// </summary>
public sealed record WsFrame(string Type, string MessageId, int Status, IReadOnlyList<KeyValuePair<string, string>>? Headers, ReadOnlyMemory<byte> Body)
{
    public const string ConnectionDetails = "ConnectionDetails";
    public const string ClientRequest = "ClientRequest";
    public const string ServerNotification = "ServerNotification";
    public const string Heartbeat = "Heartbeat";
    public const string Error = "Error";

    /// <summary>Notifications are kept for a session whose socket dropped; replies belong to the socket that asked.</summary>
    public bool IsNotification => Type == ServerNotification;

    public static WsFrame Notification(ReadOnlyMemory<byte> envelope) => new(ServerNotification, Uuids.NewString(), 200, null, envelope);

    /// <summary>An error, always with its JSON body: the clients read <c>message</c> from it and crash without one.</summary>
    public static WsFrame Failure(string type, string messageId, int status, ApiError error) => new(type, messageId, status, null, error.ToJson());

    /// <summary>One of the gateway's own errors (the <c>WSG-</c> codes in docs/compat.md).</summary>
    public static ApiError GatewayError(string code, string message) => new(ErrorKind.InvalidInput, code, message);

    /// <summary>The text of the frame, with the session's token and this frame's sequence number (none before a session exists).</summary>
    public void WriteTo(IBufferWriter<byte> buffer, string? wscToken, long sequence)
    {
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WriteString("messageId", MessageId);
            json.WriteNumber("status", Status);
            json.WriteStartObject("headers");
            var requestId = false;
            foreach (var (name, value) in Headers ?? [])
            {
                json.WriteString(name, value);
                requestId |= name.Equals("RCRequestId", StringComparison.OrdinalIgnoreCase);
            }
            if (!requestId) json.WriteString("RCRequestId", Uuids.NewGuid());
            json.WriteEndObject();
            if (wscToken is not null)
            {
                json.WriteStartObject("wsc");
                json.WriteString("token", wscToken);
                json.WriteNumber("sequence", sequence);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (!Body.IsEmpty) json.WriteRawValue(Body.Span, skipInputValidation: true);
            json.WriteEndArray();
        }
    }
}
