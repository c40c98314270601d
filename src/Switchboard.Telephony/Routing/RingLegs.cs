using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>A leg that will ring, with how to name it to a person.</summary>
internal readonly record struct Candidate(RingLeg Leg, string Label);

/// <summary>
/// Ring targets resolved to legs. Only registered devices ring, as on the platform: an offline device is
/// left out, and the plan's reasons say so.
/// </summary>
internal static class RingLegs
{
    public static IEnumerable<Candidate> Resolve(CallContext call, ExtensionSnapshot owner, RingTarget target, TimeSpan offset) => target.Kind switch
    {
        TargetKind.AllDesktop or TargetKind.AllMobile => [Apps(owner, offset)],
        TargetKind.Device or TargetKind.PhoneNumber => Forwarding(call, owner, target.ForwardingNumberId, offset),
        TargetKind.Coworker => Coworker(call, target.ExtensionId, offset),
    };

    /// <summary>The RingCentral apps of an extension (desktop and mobile are one leg: the call shows in both).</summary>
    public static Candidate Apps(ExtensionSnapshot extension, TimeSpan offset) =>
        new(new RingLeg(LegKind.Apps, extension.Id, null, null, offset), $"the apps of {CallContext.Name(extension)}");

    /// <summary>
    /// Everything of an extension that rings: its registered devices and its apps. Mobile-app devices are
    /// the apps themselves, so they are not a second leg.
    /// </summary>
    public static List<Candidate> Everything(CallContext call, ExtensionSnapshot extension, TimeSpan offset)
    {
        var legs = new List<Candidate>();
        foreach (var device in extension.Devices.Where(d => d.Kind != DeviceKind.MobileApp))
            if (Device(call, extension, device, offset) is { } leg) legs.Add(leg);
        legs.Add(Apps(extension, offset));
        return legs;
    }

    /// <summary>One leg per endpoint; the earliest offset wins when a group repeats another's target.</summary>
    public static List<Candidate> Distinct(IEnumerable<Candidate> legs) =>
        [.. legs.OrderBy(c => c.Leg.Offset).DistinctBy(c => (c.Leg.Kind, c.Leg.ExtensionId, c.Leg.DeviceId, c.Leg.PhoneNumber))];

    private static List<Candidate> Forwarding(CallContext call, ExtensionSnapshot owner, long? forwardingId, TimeSpan offset)
    {
        if (forwardingId is not { } id || !owner.Forwarding.TryGetValue(id, out var number))
        {
            call.Why.Add($"A ring target of {CallContext.Name(owner)} points at forwarding number {forwardingId}, which no longer exists; it is skipped.");
            return [];
        }
        if (number.DeviceId is not { } deviceId)
            return [new(new RingLeg(LegKind.OutsideNumber, owner.Id, null, number.PhoneNumber, offset), $"{number.PhoneNumber} ({number.Label})")];
        if (owner.Devices.FirstOrDefault(d => d.Id == deviceId) is not { } device)
        {
            call.Why.Add($"The device of '{number.Label}' ({number.PhoneNumber}) is no longer assigned to {CallContext.Name(owner)}; it is skipped.");
            return [];
        }
        return Device(call, owner, device, offset) is { } leg ? [leg] : [];
    }

    private static Candidate? Device(CallContext call, ExtensionSnapshot owner, DeviceSnapshot device, TimeSpan offset)
    {
        if (!device.Online)
        {
            call.Why.Add($"The device '{device.Name}' of {CallContext.Name(owner)} is offline, so it does not ring.");
            return null;
        }
        return new Candidate(new RingLeg(LegKind.Device, owner.Id, device.Id, null, offset), $"the device '{device.Name}'");
    }

    private static List<Candidate> Coworker(CallContext call, long? extensionId, TimeSpan offset)
    {
        if (extensionId is not { } id || !call.Account.Extensions.TryGetValue(id, out var coworker))
        {
            call.Why.Add($"A ring target points at {(extensionId is { } missing ? $"extension id {missing}" : "no extension")}, which does not exist; it is skipped.");
            return [];
        }
        var reason = !coworker.Enabled ? "is disabled"
            : coworker.Dnd is DndStatus.DoNotAcceptAnyCalls or DndStatus.TakeDepartmentCallsOnly ? "is on do not disturb"
            : null;
        if (reason is not null)
        {
            call.Why.Add($"The coworker {CallContext.Name(coworker)} {reason}, so it does not ring.");
            return [];
        }
        return Everything(call, coworker, offset);
    }
}
