using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// A user's call handling, in the platform's order: forward all calls, do not disturb, custom rules, then
/// work or after hours by the business-hours schedule. The agent state handles call-queue calls only, and
/// Switchboard has no call queues yet, so it is never chosen here.
/// </summary>
internal static class UserRouting
{
    public static RoutingPlan Route(CallContext call, ExtensionSnapshot user)
    {
        var (rule, state, dispatch) = Choose(call, user);
        if (dispatch is null)
        {
            // Only a hand-built or damaged document lacks a state; voicemail loses nothing.
            var voicemail = new Terminate(EndKind.VoiceMail, user.Id, null,
                $"The call goes to the voicemail of {CallContext.Name(user)}, which has no {state} rule.");
            return call.Plan(user.Id, rule, [voicemail]);
        }
        return call.Plan(user.Id, rule, DispatchPlanner.Steps(call, user, dispatch));
    }

    private static (string Rule, string State, Dispatch? Dispatch) Choose(CallContext call, ExtensionSnapshot user)
    {
        var states = user.Rules.States;
        if (states.GetValueOrDefault(StateId.ForwardAllCalls) is { Enabled: true } forward)
        {
            call.Why.Add("Forward all calls is on.");
            return (StateName(StateId.ForwardAllCalls), "forward all calls", forward.Dispatch);
        }
        if (DoNotDisturb(user) is { } dnd)
        {
            call.Why.Add(dnd);
            return (StateName(StateId.Dnd), "do not disturb", states.GetValueOrDefault(StateId.Dnd)?.Dispatch);
        }
        var clock = LocalClock.For(call, user);
        if (CustomRules.Pick(call, user, clock) is { } custom) return ($"interaction:{custom.Id}", $"custom rule '{custom.Name}'", custom.Dispatch);

        var hours = user.Rules.BusinessHours;
        StateId chosen;
        if (hours.IsEmpty)
        {
            call.Why.Add("The business hours are 24/7, so the work-hours rule applies.");
            chosen = StateId.WorkHours;
        }
        else
        {
            chosen = clock.Within(hours) ? StateId.WorkHours : StateId.AfterHours;
            call.Why.Add(clock.DescribeHours(hours, "business hours"));
            call.Why.Add(chosen == StateId.WorkHours ? "The work-hours rule applies." : "The after-hours rule applies.");
        }
        return (StateName(chosen), chosen == StateId.WorkHours ? "work hours" : "after hours", states.GetValueOrDefault(chosen)?.Dispatch);
    }

    /// <summary>
    /// Do not disturb for a call to the user directly. Presence DoNotAcceptAnyCalls and
    /// TakeDepartmentCallsOnly both refuse personal calls; DoNotAcceptDepartmentCalls refuses only calls
    /// that come through a department. The v2 dnd state is the same switch, so an enabled state counts too.
    /// </summary>
    private static string? DoNotDisturb(ExtensionSnapshot user) => user.Dnd switch
    {
        DndStatus.DoNotAcceptAnyCalls => "Do not disturb is on: the user takes no calls.",
        DndStatus.TakeDepartmentCallsOnly => "Do not disturb is on for personal calls: the user takes department calls only.",
        DndStatus.TakeAllCalls or DndStatus.DoNotAcceptDepartmentCalls =>
            user.Rules.States.GetValueOrDefault(StateId.Dnd) is { Enabled: true } ? "Do not disturb is on." : null,
    };

    /// <summary>The v2 state ids (the plan's rule names).</summary>
    internal static string StateName(StateId state) => state switch
    {
        StateId.ForwardAllCalls => "forward-all-calls",
        StateId.Dnd => "dnd",
        StateId.Agent => "agent",
        StateId.WorkHours => "work-hours",
        StateId.AfterHours => "after-hours",
    };
}
