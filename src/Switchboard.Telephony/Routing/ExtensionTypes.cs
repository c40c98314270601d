using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// Extensions that are not users route by what their type does (seed 003's extension types); their
/// call handling document, a default one, is read only for the prompts they play.
/// </summary>
internal static class ExtensionTypes
{
    /// <summary>Departments and shared lines ring four rings (20 s), the platform's default for a user's devices.</summary>
    public static readonly TimeSpan GroupRing = TimeSpan.FromSeconds(20);

    /// <summary>How long an IVR menu waits for a digit before the caller goes to the operator.</summary>
    public static readonly TimeSpan MenuTimeout = TimeSpan.FromSeconds(10);

    public static RoutingPlan Department(CallContext call, ExtensionSnapshot department)
    {
        var legs = new List<Candidate>();
        foreach (var id in department.Members)
        {
            if (!call.Account.Extensions.TryGetValue(id, out var member))
            {
                call.Why.Add($"Member extension id {id} does not exist; it is skipped.");
                continue;
            }
            var reason = !member.Enabled ? "is disabled"
                : member.Dnd == DndStatus.DoNotAcceptAnyCalls ? "is on do not disturb"
                : member.Dnd == DndStatus.DoNotAcceptDepartmentCalls ? "does not take department calls"
                : null;
            if (reason is null) legs.AddRange(RingLegs.Everything(call, member, TimeSpan.Zero));
            else call.Why.Add($"The member {CallContext.Name(member)} {reason}, so it does not ring.");
        }
        legs = RingLegs.Distinct(legs);
        var steps = new List<PlanStep>();
        if (legs.Count > 0)
        {
            call.Why.Add($"{Text.Capitalize(CallContext.Name(department))} is a department: its members ring together.");
            steps.Add(new Ring([.. legs.Select(l => l.Leg)], GroupRing,
                $"The department rings {Text.List([.. legs.Select(l => l.Label)])} together for {Text.Seconds(GroupRing)}."));
        }
        else call.Why.Add($"{Text.Capitalize(CallContext.Name(department))} is a department, but no member can take the call.");
        steps.Add(DispatchPlanner.VoiceMail(call, department.Id, legs.Count > 0 ? "If nobody answers, the call" : "The call"));
        return call.Plan(department.Id, "department", steps);
    }

    public static RoutingPlan TakeMessagesOnly(CallContext call, ExtensionSnapshot extension)
    {
        call.Why.Add($"{Text.Capitalize(CallContext.Name(extension))} takes messages only.");
        return call.Plan(extension.Id, "take-messages-only", [DispatchPlanner.VoiceMail(call, extension.Id, "The call")]);
    }

    public static RoutingPlan AnnouncementOnly(CallContext call, ExtensionSnapshot extension)
    {
        call.Why.Add($"{Text.Capitalize(CallContext.Name(extension))} plays an announcement only.");
        var greeting = WorkHours(extension)?.Terminating.Announcement ?? new Greeting();
        return call.Plan(extension.Id, "announcement-only",
        [
            DispatchPlanner.Prompt("Announcement", greeting, "The caller hears the extension's announcement."),
            new Terminate(EndKind.Disconnect, null, null, "After the announcement the call ends."),
        ]);
    }

    /// <summary>The menu plays, waits for an extension number, and sends a caller who dials nothing to the operator.</summary>
    public static RoutingPlan IvrMenu(CallContext call, ExtensionSnapshot menu)
    {
        call.Why.Add($"{Text.Capitalize(CallContext.Name(menu))} is an IVR menu (auto-receptionist).");
        var greeting = WorkHours(menu)?.Welcome ?? new Greeting();
        var steps = new List<PlanStep>
        {
            DispatchPlanner.Prompt("Welcome", greeting, "The auto-receptionist plays its menu prompt."),
            new CollectDigits(menu.Id, MenuTimeout,
                $"The caller may dial an extension number; the menu waits {Text.Seconds(MenuTimeout)}."),
        };
        var operatorId = call.Account.Id;
        steps.Add(call.Account.Extensions.TryGetValue(operatorId, out var @operator) && @operator.Enabled && @operator.Id != menu.Id
            ? new Terminate(EndKind.ForwardToExtension, operatorId, null,
                $"If nothing is dialled, the call goes to the operator, {CallContext.Name(@operator)}.")
            : new Terminate(EndKind.Disconnect, null, null, "If nothing is dialled, the call ends: the account has no operator to take it."));
        return call.Plan(menu.Id, "ivr-menu", steps);
    }

    public static RoutingPlan ParkLocation(CallContext call, ExtensionSnapshot location)
    {
        call.Why.Add($"{Text.Capitalize(CallContext.Name(location))} is a park location.");
        return call.Plan(location.Id, "park-location",
            [new Terminate(EndKind.Park, location.Id, null, $"The call is parked at {CallContext.Name(location)}.")]);
    }

    /// <summary>A shared lines group rings every phone it owns at once, then takes a message.</summary>
    public static RoutingPlan SharedLinesGroup(CallContext call, ExtensionSnapshot group)
    {
        call.Why.Add($"{Text.Capitalize(CallContext.Name(group))} is a shared lines group: its phones ring together.");
        var legs = new List<Candidate>();
        foreach (var device in group.Devices)
        {
            if (device.Online) legs.Add(new Candidate(new RingLeg(LegKind.Device, group.Id, device.Id, null, TimeSpan.Zero), $"the device '{device.Name}'"));
            else call.Why.Add($"The device '{device.Name}' of the group is offline, so it does not ring.");
        }
        var steps = new List<PlanStep>();
        if (legs.Count > 0)
            steps.Add(new Ring([.. legs.Select(l => l.Leg)], GroupRing,
                $"The group rings {Text.List([.. legs.Select(l => l.Label)])} together for {Text.Seconds(GroupRing)}."));
        else call.Why.Add("None of the group's phones is online.");
        steps.Add(DispatchPlanner.VoiceMail(call, group.Id, legs.Count > 0 ? "If nobody answers, the call" : "The call"));
        return call.Plan(group.Id, "shared-lines-group", steps);
    }

    private static Dispatch? WorkHours(ExtensionSnapshot extension) => extension.Rules.States.GetValueOrDefault(StateId.WorkHours)?.Dispatch;
}
