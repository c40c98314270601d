using Switchboard.Http;
using Switchboard.PhoneNumbers;

namespace Switchboard.CallHandling.V2;

/// <summary>An interaction rule's conditions (ANDed): who calls, which number, and when.</summary>
public static class RuleConditions
{
    public static ApiError? Apply(CallHandlingContext context, InteractionRule rule, IReadOnlyList<RuleConditionRequest?> conditions)
    {
        if (conditions.Count == 0) return Errors.RequiredParameter("conditions");
        var callers = new List<Caller>();
        var called = new List<string>();
        RuleSchedule? schedule = null;
        for (var i = 0; i < conditions.Count; i++)
        {
            var at = $"conditions[{i}]";
            var condition = conditions[i];
            switch (condition?.Type)
            {
                case "Interaction":
                    var from = condition.From ?? [];
                    for (var j = 0; j < from.Count; j++)
                    {
                        var raw = from[j]?.PhoneNumber;
                        if (raw is null) return Errors.RequiredParameter($"{at}.from[{j}].phoneNumber");
                        if (E164.Normalize(raw, context.Book.Country) is not { } number) return Errors.InvalidParameter($"{at}.from[{j}].phoneNumber", raw);
                        callers.Add(new Caller(number, string.IsNullOrEmpty(from[j]!.Name) ? null : from[j]!.Name));
                    }
                    var to = condition.To ?? [];
                    for (var j = 0; j < to.Count; j++)
                    {
                        var number = E164.Normalize(to[j], context.Book.Country);
                        if (number is null || !context.References.AccountNumbers.Contains(number)) return Errors.UnknownReference($"{at}.to[{j}]", to[j]);
                        called.Add(number);
                    }
                    break;
                case "Schedule":
                    if (schedule is not null) return Errors.Invalid(at, null, "A rule has one Schedule or State condition.");
                    if (condition.Schedule is null) return Errors.RequiredParameter($"{at}.schedule");
                    var (parsed, error) = CommHandlingWrite.Schedule(condition.Schedule, $"{at}.schedule", weeklyOnly: false);
                    if (parsed is null) return error;
                    if (!parsed.Weekly.IsEmpty && parsed.Ranges.Count > 0)
                        return Errors.Invalid($"{at}.schedule.triggers", null, "A schedule has weekly ranges or date ranges, not both.");
                    schedule = parsed;
                    break;
                case "State":
                    if (schedule is not null) return Errors.Invalid(at, null, "A rule has one Schedule or State condition.");
                    var state = condition.State?.Id;
                    if (state is null) return Errors.RequiredParameter($"{at}.state.id");
                    if (state is not ("work-hours" or "after-hours")) return Errors.InvalidParameter($"{at}.state.id", state);
                    schedule = new RuleSchedule { Ref = RuleRef.ParseState(state) };
                    break;
                case null: return Errors.RequiredParameter($"{at}.type");
                default: return Errors.InvalidParameter($"{at}.type", condition.Type);
            }
        }
        if (callers.Count == 0 && called.Count == 0 && schedule is null) return Errors.Invalid("conditions", null, "A rule needs at least one condition.");
        rule.Callers = callers;
        rule.CalledNumbers = called;
        rule.Schedule = schedule;
        return null;
    }
}
