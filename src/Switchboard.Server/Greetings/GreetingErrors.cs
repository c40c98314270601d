using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>The greeting upload's own failures, in the platform's CMN-101 form so they name the parameter.</summary>
public static class GreetingErrors
{
    public static ApiError UnsupportedAudio(string? contentType) =>
        new(ErrorKind.InvalidInput, "CMN-101", "Parameter [binary] value is invalid: a greeting must be audio/mpeg (MP3) or audio/wav (WAV).")
        { ParameterName = "binary", ParameterValue = contentType };

    public static readonly ApiError EmptyAudio =
        new(ErrorKind.InvalidInput, "CMN-101", "Parameter [binary] value is invalid: the audio is empty.") { ParameterName = "binary" };

    public static readonly ApiError TooLarge =
        new(ErrorKind.InvalidInput, "CMN-101", $"Parameter [binary] value is invalid: the request body may be at most {GreetingUpload.MaxBodyBytes / (1024 * 1024)} MB.")
        { ParameterName = "binary" };

    /// <summary>A rule reference of the other call handling version (seed 002's table).</summary>
    public static ApiError WrongRuleKind(string parameter, bool newCallHandling) =>
        new(ErrorKind.InvalidInput, "CMN-101", newCallHandling
            ? $"Parameter [{parameter}] is not supported: this account has the new call handling (NewCallHandlingAndForwarding); use stateId or interactionRuleId."
            : $"Parameter [{parameter}] is supported only on accounts with the new call handling (NewCallHandlingAndForwarding); use answeringRule.")
        { ParameterName = parameter };

    public static ApiError OneRuleOnly(string parameter) =>
        new(ErrorKind.InvalidInput, "CMN-101", $"Parameter [{parameter}] value is invalid: give either stateId or interactionRuleId, not both.")
        { ParameterName = parameter };

    /// <summary>The spec: with apply=true the rule is mandatory.</summary>
    public static ApiError RuleRequired(string parameter) =>
        new(ErrorKind.InvalidInput, "CMN-101", $"Parameter [{parameter}] is required when apply=true; send apply=false to store the greeting without a rule.")
        { ParameterName = parameter };
}
