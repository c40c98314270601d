namespace Switchboard.Telephony.Routing;

/// <summary>The routing decision: a pure function of the account's snapshot, the call and the time.</summary>
public static class Router
{
    public static RoutingPlan Route(RoutingRequest request) => throw new NotImplementedException("routing: in progress");
}
