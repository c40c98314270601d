namespace Switchboard.Data;

/// <summary>
/// An extension's call handling (states, state rules, custom rules, schedule), stored as one JSON
/// document that the server's call handling model reads and writes whole. v1 answering rules and v2
/// comm-handling are both views of it; an extension without a row has the default rules.
/// </summary>
public sealed class CallHandlingRecord
{
    public long ExtensionId { get; set; }
    public long AccountId { get; set; }
    public required string Document { get; set; }
}
