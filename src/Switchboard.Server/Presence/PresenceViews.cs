using System.Globalization;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Presence;

public sealed record PresenceExtension(long Id, string Uri, string ExtensionNumber);

/// <summary>DetailedCallInfo: Switchboard has no SIP, so the dialog is named after the party.</summary>
public sealed record SipData(string CallId, string ToTag, string FromTag, string RemoteUri, string LocalUri);

/// <summary>ActiveCallInfo.</summary>
public sealed record ActiveCallInfo(
    string Id,
    string Direction,
    string? From,
    string? FromName,
    string? To,
    string? ToName,
    DateTime StartTime,
    string TelephonyStatus,
    SipData? SipData,
    string SessionId,
    string TelephonySessionId,
    string PartyId);

/// <summary>PresenceInfoResponse.</summary>
public sealed record PresenceInfo(
    string Uri,
    PresenceExtension Extension,
    string PresenceStatus,
    string TelephonyStatus,
    string UserStatus,
    string? DndStatus,
    string? DndStatusPersonal,
    string? Message,
    bool AllowSeeMyPresence,
    bool RingOnMonitoredCall,
    bool PickUpCallsOnHold,
    IReadOnlyList<ActiveCallInfo>? ActiveCalls);

public static class PresenceViews
{
    /// <summary>What the presence shows: the settings the user stored and the calls the engine has now.</summary>
    public static PresenceInfo Describe(Extension e, bool newCallHandling, bool dndState, IReadOnlyList<ActiveCall> calls, bool detailed, bool sipData, Links links)
    {
        var telephony = TelephonyStatus(calls);
        var dnd = newCallHandling && Extensions.ExtensionViews.IsUser(e.Type)
            ? (dndState ? Data.DndStatus.DoNotAcceptAnyCalls : Data.DndStatus.TakeAllCalls)
            : e.DndStatus;
        return new PresenceInfo(
            $"{links.Extension(e.AccountId, e.Id)}/presence",
            new PresenceExtension(e.Id, links.Extension(e.AccountId, e.Id), e.ExtensionNumber),
            PresenceStatus(e.UserStatus, dnd, telephony),
            telephony,
            e.UserStatus.ToString(),
            newCallHandling && Extensions.ExtensionViews.IsUser(e.Type) ? null : e.DndStatus.ToString(),
            newCallHandling && Extensions.ExtensionViews.IsUser(e.Type) ? dnd.ToString() : null,
            e.PresenceMessage,
            e.AllowSeeMyPresence,
            e.RingOnMonitoredCall,
            e.PickUpCallsOnHold,
            detailed ? [.. calls.Select(c => Call(c, sipData))] : null);
    }

    /// <summary>The most pressing call decides: ringing, then connected, then on hold, then parked.</summary>
    public static string TelephonyStatus(IReadOnlyList<ActiveCall> calls)
    {
        foreach (var status in (string[])["Ringing", "CallConnected", "OnHold", "ParkedCall"])
            if (calls.Any(c => c.TelephonyStatus == status)) return status;
        return "NoCall";
    }

    /// <summary>The aggregate: offline when the user says so, busy on a call, in do-not-disturb or when set busy.</summary>
    private static string PresenceStatus(UserStatus user, Data.DndStatus dnd, string telephony) =>
        user == UserStatus.Offline ? "Offline"
        : user == UserStatus.Busy || dnd == Data.DndStatus.DoNotAcceptAnyCalls || telephony != "NoCall" ? "Busy"
        : "Available";

    private static ActiveCallInfo Call(ActiveCall c, bool sipData) => new(
        c.PartyId,
        c.Direction.ToString(),
        c.From,
        c.FromName,
        c.To,
        c.ToName,
        c.StartTime.UtcDateTime,
        c.TelephonyStatus,
        sipData ? new SipData(c.PartyId, c.PartyId + "-to", c.PartyId + "-from", "-", "-") : null,
        c.SessionId,
        c.TelephonySessionId,
        c.PartyId);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
