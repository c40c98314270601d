using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// A rule's ring groups as Ring steps: in turn (RingInOrder), all at once (RingAtOnce), or at their own
/// start offsets (Custom); then the user's apps as the soft phone settings say.
/// </summary>
/// <remarks>
/// Soft phones, from the spec's v1 forwarding fields (seed 001's <c>notifyMySoftPhones</c> and
/// <c>softPhonesRingCount</c>) and their v2 form (seed 002's ring actions): with
/// <c>softPhonesAlwaysRing</c> (v2 RingAlwaysGroupAction) the apps "ring till the end of the forwarding
/// list", so they join every ring step; without it they ring alone first, for
/// <c>softPhonesRingCount</c> rings, "before forwarding starts" (v2: a leading RingGroupAction of the apps).
/// <c>softPhonesPositionTop</c> has no v2 counterpart and is not used.
/// </remarks>
internal static class RingPlanner
{
    public static readonly TimeSpan RingLength = TimeSpan.FromSeconds(5);

    public static List<PlanStep> Rings(CallContext call, ExtensionSnapshot owner, Dispatch dispatch)
    {
        var soft = dispatch.SoftPhones;
        var appsAlways = soft.Notify && soft.AlwaysRing;
        var steps = new List<PlanStep>();
        if (soft.Notify && !soft.AlwaysRing)
        {
            var rings = Math.Max(1, soft.RingCount);
            steps.Add(new Ring([RingLegs.Apps(owner, TimeSpan.Zero).Leg], RingLength * rings,
                $"The apps of {CallContext.Name(owner)} ring first, alone, for {rings} ring{(rings == 1 ? "" : "s")} ({Text.Seconds(RingLength * rings)}) before forwarding starts."));
        }

        var groups = new List<(RingGroup Group, int Number)>();
        for (var i = 0; i < dispatch.Rings.Count; i++)
        {
            if (dispatch.Rings[i].Enabled) groups.Add((dispatch.Rings[i], i + 1));
            else call.Why.Add($"Ring group {i + 1} is disabled and does not ring.");
        }
        var apps = appsAlways ? new[] { RingLegs.Apps(owner, TimeSpan.Zero) } : [];
        var ringSteps = groups.Count == 0 ? [] : dispatch.Type switch
        {
            DispatchType.RingInOrder => InOrder(call, owner, groups, apps),
            DispatchType.RingAtOnce => AtOnce(call, owner, groups, apps),
            DispatchType.Custom => Custom(call, owner, groups, apps),
            DispatchType.Terminate => [],
        };
        if (appsAlways && ringSteps.Count == 0)
        {
            var rings = Math.Max(1, soft.RingCount);
            ringSteps.Add(new Ring([.. apps.Select(a => a.Leg)], RingLength * rings,
                $"No ring group rings, so only the apps of {CallContext.Name(owner)} ring, for {Text.Seconds(RingLength * rings)}."));
        }
        else if (appsAlways)
            call.Why.Add($"The apps of {CallContext.Name(owner)} ring along with every ring group (soft phones always ring).");
        steps.AddRange(ringSteps);
        return steps;
    }

    private static List<PlanStep> InOrder(CallContext call, ExtensionSnapshot owner, List<(RingGroup Group, int Number)> groups, Candidate[] apps)
    {
        var steps = new List<PlanStep>();
        foreach (var (group, number) in groups)
        {
            var legs = RingLegs.Distinct([.. Legs(call, owner, group, TimeSpan.Zero), .. apps]);
            var duration = TimeSpan.FromSeconds(group.Duration);
            if (legs.Count == 0) call.Why.Add($"Ring group {number} has nothing that can ring, so it is skipped.");
            else steps.Add(new Ring([.. legs.Select(l => l.Leg)], duration,
                $"Ring group {number} rings {Text.List([.. legs.Select(l => l.Label)])} for {Text.Seconds(duration)}."));
        }
        return steps;
    }

    private static List<PlanStep> AtOnce(CallContext call, ExtensionSnapshot owner, List<(RingGroup Group, int Number)> groups, Candidate[] apps)
    {
        var legs = RingLegs.Distinct([.. groups.SelectMany(g => Legs(call, owner, g.Group, TimeSpan.Zero)), .. apps]);
        if (legs.Count == 0) return [];
        var duration = TimeSpan.FromSeconds(groups.Max(g => g.Group.Duration));
        return [new Ring([.. legs.Select(l => l.Leg)], duration,
            $"{Text.Capitalize(Text.List([.. legs.Select(l => l.Label)]))} ring all together for {Text.Seconds(duration)}.")];
    }

    private static List<PlanStep> Custom(CallContext call, ExtensionSnapshot owner, List<(RingGroup Group, int Number)> groups, Candidate[] apps)
    {
        var legs = new List<Candidate>();
        // The step lasts until the last group that rings stops; apps that always ring last until the last group ends.
        var end = apps.Length > 0 ? groups.Max(g => g.Group.Offset + g.Group.Duration) : 0;
        foreach (var (group, number) in groups)
        {
            var offset = TimeSpan.FromSeconds(group.Offset);
            var groupLegs = Legs(call, owner, group, offset).ToList();
            if (groupLegs.Count == 0)
            {
                call.Why.Add($"Ring group {number} has nothing that can ring, so it is skipped.");
                continue;
            }
            legs.AddRange(groupLegs);
            end = Math.Max(end, group.Offset + group.Duration);
        }
        legs = RingLegs.Distinct([.. legs, .. apps]);
        if (legs.Count == 0) return [];
        var described = legs.Select(l => l.Leg.Offset == TimeSpan.Zero ? l.Label : $"{l.Label} from {Text.Seconds(l.Leg.Offset)}");
        var duration = TimeSpan.FromSeconds(end);
        return [new Ring([.. legs.Select(l => l.Leg)], duration,
            $"Each ring group starts at its own time, ringing for {Text.Seconds(duration)} in all: {Text.List([.. described])}.")];
    }

    private static IEnumerable<Candidate> Legs(CallContext call, ExtensionSnapshot owner, RingGroup group, TimeSpan offset) =>
        group.Targets.SelectMany(t => RingLegs.Resolve(call, owner, t, offset));
}
