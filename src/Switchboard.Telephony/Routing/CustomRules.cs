using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// A user's custom (interaction) rules: a rule applies when every condition it sets matches the call;
/// among several, the developer guide's priority table decides, then the order of the list.
/// </summary>
internal static class CustomRules
{
    private sealed record Match(InteractionRule Rule, int Priority, IReadOnlyList<string> Reasons);

    public static InteractionRule? Pick(CallContext call, ExtensionSnapshot user, LocalClock clock)
    {
        var matches = new List<Match>();
        foreach (var rule in user.Rules.Rules.Where(r => r.Enabled))
        {
            var (reasons, failure) = Evaluate(call, user, clock, rule);
            if (failure is not null) call.Why.Add($"Custom rule '{rule.Name}' does not apply: {failure}.");
            else if (reasons.Count > 0) matches.Add(new Match(rule, Priority(rule), reasons));
        }
        if (matches.Count == 0) return null;

        // OrderByDescending is stable, so rules of equal priority keep the order of the list.
        var best = matches.OrderByDescending(m => m.Priority).First();
        call.Why.Add($"Custom rule '{best.Rule.Name}' matches: {Text.List(best.Reasons)}.");
        var others = matches.Where(m => m != best).ToList();
        if (others.Count > 0)
            call.Why.Add($"Custom rule '{best.Rule.Name}' (priority {best.Priority}: {Conditions(best.Rule)}) is chosen over "
                + Text.List([.. others.Select(o => $"'{o.Rule.Name}' (priority {o.Priority}: {Conditions(o.Rule)})")]) + ".");
        return best.Rule;
    }

    /// <summary>
    /// The developer guide's table (user call handling, interaction rules): schedule + caller + called = 10,
    /// caller + called = 9, schedule + caller = 8, schedule + called = 7, caller = 6, called = 5, schedule = 4.
    /// </summary>
    internal static int Priority(InteractionRule rule) => (HasSchedule(rule), rule.Callers.Count > 0, rule.CalledNumbers.Count > 0) switch
    {
        (true, true, true) => 10,
        (false, true, true) => 9,
        (true, true, false) => 8,
        (true, false, true) => 7,
        (false, true, false) => 6,
        (false, false, true) => 5,
        (true, false, false) => 4,
        (false, false, false) => 0,
    };

    private static bool HasSchedule(InteractionRule rule) =>
        rule.Schedule is { } s && (s.Ref is not null || !s.Weekly.IsEmpty || s.Ranges.Count > 0);

    private static string Conditions(InteractionRule rule)
    {
        var set = new List<string>();
        if (HasSchedule(rule)) set.Add("schedule");
        if (rule.Callers.Count > 0) set.Add("caller");
        if (rule.CalledNumbers.Count > 0) set.Add("called number");
        return Text.List(set);
    }

    /// <summary>The reasons each set condition matches, or the first condition that fails.</summary>
    private static (List<string> Reasons, string? Failure) Evaluate(CallContext call, ExtensionSnapshot user, LocalClock clock, InteractionRule rule)
    {
        var reasons = new List<string>();
        if (rule.Callers.Count > 0)
        {
            var numbers = call.CallerNumbers().ToList();
            var caller = rule.Callers.FirstOrDefault(c => numbers.Contains(c.CallerId));
            if (caller is null)
                return (reasons, call.CallerNumber is null ? "the call has no caller id" : $"the caller {call.CallerNumber} is not one of its callers");
            reasons.Add($"the caller {caller.CallerId}{(caller.Name is { Length: > 0 } name ? $" ({name})" : "")} is one of its callers");
        }
        if (rule.CalledNumbers.Count > 0)
        {
            if (!rule.CalledNumbers.Contains(call.Dialled)) return (reasons, $"the number dialled {call.Dialled} is not one of its numbers");
            reasons.Add($"the number dialled {call.Dialled} is one of its numbers");
        }
        if (rule.Schedule is { } schedule && HasSchedule(rule))
        {
            if (Schedule(user, clock, schedule) is not { } when) return (reasons, $"{clock.Moment} is outside its schedule");
            reasons.Add(when);
        }
        return (reasons, null);
    }

    private static string? Schedule(ExtensionSnapshot user, LocalClock clock, RuleSchedule schedule)
    {
        if (schedule.Ref is { } state)
        {
            var hours = user.Rules.BusinessHours;
            var atWork = hours.IsEmpty || clock.Within(hours);
            var wanted = state == StateId.WorkHours;
            if (atWork != wanted) return null;
            return hours.IsEmpty ? "work hours are 24/7" : $"{clock.Moment} is {(atWork ? "within" : "outside")} the work hours";
        }
        if (!schedule.Weekly.IsEmpty && clock.Within(schedule.Weekly)) return $"{clock.Moment} is within its weekly schedule";
        if (clock.Within(schedule.Ranges) is { } range) return $"{clock.Moment} is within its dates {range.From} to {range.To}";
        return null;
    }
}
