using Switchboard.CallControl;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Subscriptions;

/// <summary>The telephony-session event body as subscribers receive it (one party per event).</summary>
public sealed record EventParty(
    string AccountId, string? ExtensionId, string Id, string Direction, PartyInfo To, PartyInfo From,
    CallStatusInfo Status, bool MissedCall, bool StandAlone, bool Muted,
    // Not in the spec's event schema, but sent by the platform (RingCentral's widgets read it from events).
    string? RingOutRole = null,
    // Where a Parked party waits (and waited, once Gone).
    ParkInfoView? Park = null,
    IReadOnlyList<RecordingInfo>? Recordings = null,
    // Host or Participant, on the parties of a conference only.
    string? ConferenceRole = null);

public sealed record TelephonySessionEventBody(
    long Sequence, string SessionId, string TelephonySessionId, string ServerId, DateTime EventTime,
    IReadOnlyList<EventParty> Parties, OriginInfo Origin);

/// <summary>One engine event as the simulator's log, webhooks and WebSockets show it: one shape for all.</summary>
public static class TelephonyEvents
{
    /// <summary>The server id Switchboard reports in telephony events.</summary>
    public const string ServerId = "switchboard.TAM";

    /// <summary>The event path a subscriber sees: the party's extension, or the account for parties without one.</summary>
    public static string EventPath(TelephonyEvent e) => e.Party.ExtensionId is { } extension
        ? $"/restapi/v1.0/account/{e.Party.AccountId ?? e.AccountId}/extension/{extension}/telephony/sessions"
        : AccountPath(e);

    public static string AccountPath(TelephonyEvent e) => $"/restapi/v1.0/account/{e.Party.AccountId ?? e.AccountId}/telephony/sessions";

    public static TelephonySessionEventBody Body(TelephonyEvent e)
    {
        var p = e.Party;
        var party = new EventParty(
            SessionViews.Id(p.AccountId ?? e.AccountId)!, SessionViews.Id(p.ExtensionId), p.Id, p.Direction.ToString(),
            SessionViews.Endpoint(p.To), SessionViews.Endpoint(p.From),
            SessionViews.Status(p, e.SessionId, e.TelephonySessionId),
            p.MissedCall, p.StandAlone, p.Muted, p.RingOutRole?.ToString(), p.Park is null ? null : new ParkInfoView(p.Park.Id), SessionViews.Recordings(p),
            p.ConferenceRole?.ToString());
        return new TelephonySessionEventBody(e.Sequence, e.SessionId, e.TelephonySessionId, ServerId, e.EventTime.UtcDateTime, [party], new OriginInfo(e.Origin.ToString()));
    }
}
