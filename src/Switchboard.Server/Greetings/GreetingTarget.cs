using Switchboard.CallHandling;
using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>The rule a new greeting is put on, and the parameter that named it (for errors).</summary>
/// <param name="V1Id">The v1 answering rule id, shown back as <c>answeringRule</c>; null for v2 references.</param>
public sealed record GreetingTarget(RuleRef Rule, string Parameter, string? V1Id)
{
    private static readonly string[] V2Parameters = ["stateId", "interactionRuleId", "peopleNumberRuleId"];

    /// <summary>
    /// Seed 002, "Create custom user greetings": old accounts name the rule with <c>answeringRule.id</c>
    /// (or the form's <c>answeringRuleId</c>); upgraded accounts with <c>stateId</c> or
    /// <c>interactionRuleId</c> (formerly <c>peopleNumberRuleId</c>). The other kind is refused.
    /// Null target and null error: the request names no rule.
    /// </summary>
    public static (GreetingTarget? Target, ApiError? Error) Resolve(GreetingUpload upload, bool newCallHandling) =>
        newCallHandling ? ResolveV2(upload) : ResolveV1(upload);

    private static (GreetingTarget?, ApiError?) ResolveV1(GreetingUpload upload)
    {
        if (V2Parameters.FirstOrDefault(upload.Has) is { } v2) return (null, GreetingErrors.WrongRuleKind(v2, newCallHandling: false));
        var parameter = upload.Has("answeringRule.id") ? "answeringRule.id" : upload.Has("answeringRuleId") ? "answeringRuleId" : null;
        if (parameter is null) return (null, null);
        var id = upload[parameter]!;
        if (id.Length == 0) return (null, Errors.RequiredParameter(parameter));
        return RuleRef.FromV1(id) is { } rule ? (new GreetingTarget(rule, parameter, id), null) : (null, Errors.UnknownReference(parameter, id));
    }

    private static (GreetingTarget?, ApiError?) ResolveV2(GreetingUpload upload)
    {
        if (upload.Has("answeringRule.id")) return (null, GreetingErrors.WrongRuleKind("answeringRule", newCallHandling: true));
        if (upload.Has("answeringRuleId")) return (null, GreetingErrors.WrongRuleKind("answeringRuleId", newCallHandling: true));
        var custom = upload.Has("interactionRuleId") ? "interactionRuleId" : upload.Has("peopleNumberRuleId") ? "peopleNumberRuleId" : null;
        if (upload.Has("stateId"))
        {
            if (custom is not null) return (null, GreetingErrors.OneRuleOnly(custom));
            var state = upload["stateId"]!;
            return ParseState(state) is { } id
                ? (new GreetingTarget(new RuleRef(id, null), "stateId", null), null)
                : (null, state.Length == 0 ? Errors.RequiredParameter("stateId") : Errors.InvalidParameter("stateId", state));
        }
        if (custom is null) return (null, null);
        var ruleId = upload[custom]!;
        if (ruleId.Length == 0) return (null, Errors.RequiredParameter(custom));
        return long.TryParse(ruleId, out var number)
            ? (new GreetingTarget(new RuleRef(null, number), custom, null), null)
            : (null, Errors.UnknownReference(custom, ruleId));
    }

    /// <summary>The state names, and the numbers 5 and 6 that seed 002 shows before its "final change".</summary>
    private static StateId? ParseState(string id) => RuleRef.ParseState(id) ?? id switch
    {
        "5" => StateId.WorkHours,
        "6" => StateId.AfterHours,
        _ => null,
    };
}

/// <summary>Which rules play a greeting, by the model's slot table (<see cref="DocumentRules.GreetingSlot"/>).</summary>
public static class GreetingSlots
{
    public static bool PlayedByRules(string type) => new Dispatch().GreetingSlot(type) is not null;

    /// <summary>The v1 answering rule that plays a greeting, if any: how a read shows <c>answeringRule</c> on old accounts.</summary>
    public static string? V1RuleOf(CallHandlingDocument document, long greetingId, string type)
    {
        foreach (var (state, id) in new[] { (StateId.WorkHours, RuleRef.BusinessHoursRuleId), (StateId.AfterHours, RuleRef.AfterHoursRuleId) })
        {
            if (document.Find(new RuleRef(state, null)) is { } dispatch && dispatch.GreetingSlot(type)?.CustomId == greetingId) return id;
        }
        return document.Rules.FirstOrDefault(r => r.Dispatch.GreetingSlot(type)?.CustomId == greetingId)?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
