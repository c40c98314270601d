namespace Switchboard.Greetings;

/// <summary>One entry of the standard greetings dictionary (DictionaryGreetingInfo).</summary>
public sealed record StandardGreeting(string Id, string Name, string Type, string Category, string UsageType, string? Text = null);

/// <summary>
/// The platform's standard greetings that rules start with and may point at by <c>preset.id</c>.
/// The ids the seeds show (66048, 68867, 66310) are kept; the rest are Switchboard's.
/// </summary>
public static class StandardGreetings
{
    public const string Welcome = "66048";
    public const string ConnectingMessage = "68867";
    public const string ConnectingAudio = "66310";
    public const string Voicemail = "65792";
    public const string Announcement = "66304";

    private const string User = "UserExtensionAnsweringRule";

    public static readonly IReadOnlyList<StandardGreeting> All =
    [
        new("65792", "Default", "Voicemail", "Message", User, "Please leave a message after the tone."),
        new("65793", "No One Available", "Voicemail", "Message", User, "No one is available to take your call. Please leave a message after the tone."),
        new("66048", "Default", "Introductory", "Message", User, "Thank you for calling."),
        new("66304", "Default", "Announcement", "Message", User, "Thank you for calling. Goodbye."),
        new("66310", "Acoustic", "ConnectingAudio", "Music", User),
        new("66311", "Classical", "ConnectingAudio", "Music", User),
        new("66312", "Ring Tones", "ConnectingAudio", "RingTones", User),
        new("68867", "Default", "ConnectingMessage", "Message", User, "Please wait while I try to connect you."),
        new("68868", "Forward hold 1", "ConnectingMessage", "Message", User, "Please hold while your call is being connected."),
        new("69120", "Acoustic", "HoldMusic", "Music", User),
        new("69376", "Default", "Unavailable", "Message", User, "The person you are calling is not available."),
        new("69632", "Default", "Company", "Message", "CompanyAnsweringRule", "Thank you for calling."),
        new("69633", "Default", "Company", "Message", "CompanyAfterHoursAnsweringRule", "Thank you for calling. Our office is closed."),
    ];

    private static readonly Dictionary<string, StandardGreeting> ById = All.ToDictionary(g => g.Id, StringComparer.Ordinal);

    public static StandardGreeting? Find(string? id) => id is not null && ById.TryGetValue(id, out var g) ? g : null;
}
