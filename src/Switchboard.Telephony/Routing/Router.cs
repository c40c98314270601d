namespace Switchboard.Telephony.Routing;

/// <summary>The routing decision: a pure function of the account's snapshot, the call and the time.</summary>
public static class Router
{
    /// <summary>
    /// Follows the number dialled to an extension, then routes by the extension's type: a user by its
    /// call handling rules, other types by what the type does. A call nobody can take gets an empty plan
    /// whose rule is "refused" and whose reasons say why.
    /// </summary>
    public static RoutingPlan Route(RoutingRequest request)
    {
        var call = new CallContext(request);
        var (target, extensionId) = Destination.Find(call);
        if (target is null) return call.Refuse(extensionId);
        if (!target.Enabled) return call.Refuse(target.Id, $"{Text.Capitalize(CallContext.Name(target))} is disabled and takes no calls.");
        return target.Kind switch
        {
            ExtensionKind.User => UserRouting.Route(call, target),
            ExtensionKind.Department => ExtensionTypes.Department(call, target),
            ExtensionKind.IvrMenu => ExtensionTypes.IvrMenu(call, target),
            ExtensionKind.AnnouncementOnly => ExtensionTypes.AnnouncementOnly(call, target),
            ExtensionKind.TakeMessagesOnly => ExtensionTypes.TakeMessagesOnly(call, target),
            ExtensionKind.ParkLocation => ExtensionTypes.ParkLocation(call, target),
            ExtensionKind.SharedLinesGroup => ExtensionTypes.SharedLinesGroup(call, target),
            // Fax users, virtual users and paging groups do not take voice calls.
            ExtensionKind.Other => call.Refuse(target.Id, $"{Text.Capitalize(CallContext.Name(target))} does not take voice calls."),
        };
    }
}
