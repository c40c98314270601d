using Switchboard.Http;

namespace Switchboard.CallHandling;

/// <summary>A rule of an extension: one of the states' rules, or a custom (interaction) rule.</summary>
public readonly record struct RuleRef(StateId? State, long? CustomId)
{
    public const string BusinessHoursRuleId = "business-hours-rule";
    public const string AfterHoursRuleId = "after-hours-rule";

    /// <summary>v1 rule ids: business-hours-rule, after-hours-rule, or a custom rule's id.</summary>
    public static RuleRef? FromV1(string? id) => id switch
    {
        BusinessHoursRuleId => new RuleRef(StateId.WorkHours, null),
        AfterHoursRuleId => new RuleRef(StateId.AfterHours, null),
        _ when long.TryParse(id, out var custom) => new RuleRef(null, custom),
        _ => null,
    };

    /// <summary>v2 state ids as the comm-handling paths write them; the greeting API also says do-not-disturb.</summary>
    public static StateId? ParseState(string? id) => id switch
    {
        "forward-all-calls" => StateId.ForwardAllCalls,
        "dnd" or "do-not-disturb" => StateId.Dnd,
        "agent" => StateId.Agent,
        "work-hours" => StateId.WorkHours,
        "after-hours" => StateId.AfterHours,
        _ => null,
    };

    public static string StateName(StateId state) => state switch
    {
        StateId.ForwardAllCalls => "forward-all-calls",
        StateId.Dnd => "dnd",
        StateId.Agent => "agent",
        StateId.WorkHours => "work-hours",
        StateId.AfterHours => "after-hours",
    };
}

public static class DocumentRules
{
    /// <summary>The after-hours state exists only while work hours are not 24/7 (seed 002).</summary>
    public static bool HasState(this CallHandlingDocument document, StateId state) =>
        state != StateId.AfterHours || !document.BusinessHours.IsEmpty;

    public static Dispatch? Find(this CallHandlingDocument document, RuleRef rule) =>
        rule.State is { } state
            ? (document.HasState(state) && document.States.TryGetValue(state, out var s) ? s.Dispatch : null)
            : document.Rules.FirstOrDefault(r => r.Id == rule.CustomId)?.Dispatch;

    /// <summary>
    /// The prompt of a rule that plays a greeting type (seed 002's table: Introductory is the welcome
    /// prompt, Voicemail the voicemail target's prompt, ...); null for types rules do not play.
    /// </summary>
    public static Greeting? GreetingSlot(this Dispatch dispatch, string greetingType) => greetingType switch
    {
        "Introductory" => dispatch.Welcome,
        "ConnectingMessage" => dispatch.ConnectingMessage,
        "ConnectingAudio" => dispatch.ConnectingAudio,
        "Voicemail" => dispatch.Terminating.VoicemailGreeting,
        "Announcement" => dispatch.Terminating.Announcement,
        _ => null,
    };

    /// <summary>Puts a custom greeting on a rule, in the slot of its type; types a rule does not play are refused.</summary>
    public static ApiError? AssignGreeting(this CallHandlingDocument document, RuleRef rule, string greetingType, long greetingId, string ruleParameter)
    {
        if (document.Find(rule) is not { } dispatch) return Errors.UnknownReference(ruleParameter);
        if (dispatch.GreetingSlot(greetingType) is not { } slot) return Errors.InvalidParameter("type", greetingType);
        slot.CustomId = greetingId;
        slot.Enabled = true;
        return null;
    }
}
