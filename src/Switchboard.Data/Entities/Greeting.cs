namespace Switchboard.Data;

/// <summary>A custom greeting recorded by an extension (or the company when ExtensionId is null).</summary>
public sealed class Greeting
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public long? ExtensionId { get; set; }
    /// <summary>The spec's greeting type: Introductory, Announcement, ConnectingMessage, ...</summary>
    public required string Type { get; set; }
    /// <summary>audio/mpeg or audio/wav.</summary>
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
