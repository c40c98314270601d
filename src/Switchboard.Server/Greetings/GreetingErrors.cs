using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>The greeting upload's own failures, each a CMN-101 naming the parameter.</summary>
public static class GreetingErrors
{
    public static ApiError UnsupportedAudio(string? contentType) =>
        Errors.Invalid("binary", contentType, "A greeting must be audio/mpeg (MP3) or audio/wav (WAV).");

    public static readonly ApiError EmptyAudio = Errors.Invalid("binary", null, "The audio is empty.");

    public static readonly ApiError TooLarge =
        Errors.Invalid("binary", null, $"The request body may be at most {GreetingUpload.MaxBodyBytes / (1024 * 1024)} MB.");

    /// <summary>A rule reference of the other call handling version (seed 002's table).</summary>
    public static ApiError WrongRuleKind(string parameter, bool newCallHandling) =>
        Errors.Invalid(parameter, null, newCallHandling
            ? "This account has the new call handling (NewCallHandlingAndForwarding); use stateId or interactionRuleId."
            : "Only accounts with the new call handling (NewCallHandlingAndForwarding) take it; use answeringRule.");

    public static ApiError OneRuleOnly(string parameter) =>
        Errors.Invalid(parameter, null, "Give either stateId or interactionRuleId, not both.");

    /// <summary>The spec: with apply=true the rule is mandatory.</summary>
    public static ApiError RuleRequired(string parameter) =>
        Errors.RequiredParameter(parameter) with { Message = $"Parameter [{parameter}] is required when apply=true; send apply=false to store the greeting without a rule." };
}
