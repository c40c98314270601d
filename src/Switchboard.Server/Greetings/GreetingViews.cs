using System.Globalization;
using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>CustomGreetingAnsweringRuleInfo.</summary>
public sealed record GreetingRuleInfo(string Uri, string Id);

/// <summary>CustomUserGreetingInfo.</summary>
public sealed record CustomUserGreetingInfo(string Uri, string Id, string Type, string ContentType, string ContentUri, GreetingRuleInfo? AnsweringRule);

/// <summary>DictionaryGreetingInfo; no contentUri, since Switchboard has no audio for the presets.</summary>
public sealed record DictionaryGreetingInfo(string Id, string Uri, string Name, string UsageType, string? Text, string Type, string Category);

public static class GreetingViews
{
    /// <summary>The types createCustomUserGreeting accepts (the spec's enum).</summary>
    public static readonly HashSet<string> UploadTypes =
        ["Introductory", "Announcement", "ConnectingMessage", "ConnectingAudio", "Voicemail", "Unavailable", "HoldMusic", "TemplateGreeting"];

    /// <summary>The two audio types the platform stores; other names of them are normalised.</summary>
    public static string? AudioType(string? mediaType) => mediaType switch
    {
        "audio/mpeg" or "audio/mp3" => "audio/mpeg",
        "audio/wav" or "audio/x-wav" or "audio/wave" => "audio/wav",
        _ => null,
    };

    public static CustomUserGreetingInfo Custom(Data.Greeting greeting, string? v1RuleId, Links links)
    {
        var extension = links.Extension(greeting.AccountId, greeting.ExtensionId!.Value);
        var uri = $"{extension}/greeting/{greeting.Id.ToString(CultureInfo.InvariantCulture)}";
        var rule = v1RuleId is null ? null : new GreetingRuleInfo($"{extension}/answering-rule/{v1RuleId}", v1RuleId);
        return new CustomUserGreetingInfo(uri, greeting.Id.ToString(CultureInfo.InvariantCulture), greeting.Type, greeting.ContentType, uri + "/content", rule);
    }

    public static DictionaryGreetingInfo Standard(StandardGreeting greeting, Links links) =>
        new(greeting.Id, links.Path($"/restapi/v1.0/dictionary/greeting/{greeting.Id}"), greeting.Name, greeting.UsageType, greeting.Text, greeting.Type, greeting.Category);
}
