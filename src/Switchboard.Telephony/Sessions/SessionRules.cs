using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

/// <summary>
/// What a session's decisions read besides its own state: the routing function (re-routing after a
/// forward or an IVR choice), how simulated phones behave, and the platform's fixed durations.
/// </summary>
public sealed class SessionRules(Func<RoutingRequest, RoutingPlan> route, CallBehaviours behaviours)
{
    /// <summary>How long an outside number rings before the platform gives up (a forward or an outbound call).</summary>
    public static readonly TimeSpan OutsideRingTimeout = TimeSpan.FromSeconds(60);

    /// <summary>An announcement's length before the call is ended.</summary>
    public static readonly TimeSpan AnnouncementLength = TimeSpan.FromSeconds(10);

    /// <summary>Forwards and IVR choices followed in one call; one more ends it (a forwarding loop).</summary>
    public const int MaxReroutes = 10;

    public Func<RoutingRequest, RoutingPlan> Route { get; } = route;
    public CallBehaviours Behaviours { get; } = behaviours;
}
