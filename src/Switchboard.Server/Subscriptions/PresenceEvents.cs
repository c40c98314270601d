using Switchboard.Presence;

namespace Switchboard.Subscriptions;

/// <summary>
/// DetailedExtensionPresenceEventBody (ExtensionPresenceEventBody without <c>activeCalls</c>):
/// what a presence subscriber receives when an extension's telephony status changes.
/// </summary>
public sealed record PresenceEventBody(
    string ExtensionId,
    string TelephonyStatus,
    IReadOnlyList<ActiveCallInfo>? ActiveCalls,
    long Sequence,
    string PresenceStatus,
    string UserStatus,
    string? DndStatus,
    string? DndStatusPersonal,
    bool AllowSeeMyPresence,
    bool RingOnMonitoredCall,
    bool PickUpCallsOnHold,
    int? TotalActiveCalls,
    string OwnerId);

public static class PresenceEvents
{
    public static string ExtensionPath(long accountId, long extensionId) =>
        $"/restapi/v1.0/account/{PresenceViews.Id(accountId)}/extension/{PresenceViews.Id(extensionId)}/presence";

    /// <summary>The body for one subscriber; the detailed form (active calls) only when its filter asks for it.</summary>
    public static PresenceEventBody Body(PresenceInfo detailed, long sequence, EventFilter filter, long ownerId)
    {
        var withCalls = filter.Flag("detailedTelephonyState");
        var calls = withCalls && detailed.ActiveCalls is { } all
            ? [.. all.Take(7).Select(c => filter.Flag("sipData") ? c : c with { SipData = null })]
            : (IReadOnlyList<ActiveCallInfo>?)null;
        return new PresenceEventBody(
            PresenceViews.Id(detailed.Extension.Id), detailed.TelephonyStatus, calls, sequence, detailed.PresenceStatus, detailed.UserStatus,
            detailed.DndStatus, detailed.DndStatusPersonal, detailed.AllowSeeMyPresence, detailed.RingOnMonitoredCall, detailed.PickUpCallsOnHold,
            withCalls ? detailed.ActiveCalls?.Count ?? 0 : null, PresenceViews.Id(ownerId));
    }
}
