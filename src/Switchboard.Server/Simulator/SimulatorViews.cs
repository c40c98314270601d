using Switchboard.CallControl;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Simulator;

public sealed record LegView(string Kind, string? ExtensionId, string? DeviceId, string? PhoneNumber, int OffsetSeconds);

/// <summary>One step of a routing plan, flattened: the fields that apply to its type are present.</summary>
public sealed record PlanStepView(
    string Type,
    string Why,
    string? Prompt = null,
    string? GreetingId = null,
    string? PresetId = null,
    string? Mode = null,
    IReadOnlyList<LegView>? Legs = null,
    int? DurationSeconds = null,
    string? MenuExtensionId = null,
    int? TimeoutSeconds = null,
    string? End = null,
    string? ExtensionId = null,
    string? PhoneNumber = null);

public sealed record PlanView(string? ExtensionId, string Rule, IReadOnlyList<string> Why, IReadOnlyList<PlanStepView> Steps);

public sealed record SessionList(IReadOnlyList<CallSessionObject> Records);

public sealed record BehaviourView(string Kind, int AfterSeconds);

/// <summary>The telephony-session event body as subscribers receive it (one party per event).</summary>
public sealed record EventParty(
    string AccountId, string? ExtensionId, string Id, string Direction, PartyInfo To, PartyInfo From,
    CallStatusInfo Status, bool MissedCall, bool StandAlone, bool Muted,
    // Not in the spec's event schema, but sent by the platform (RingCentral's widgets read it from events).
    string? RingOutRole = null);

public sealed record TelephonySessionEventBody(
    long Sequence, string SessionId, string TelephonySessionId, string ServerId, DateTime EventTime,
    IReadOnlyList<EventParty> Parties, OriginInfo Origin);

public sealed record EventRecord(string Event, TelephonySessionEventBody Body);

public sealed record EventList(IReadOnlyList<EventRecord> Records);

public static class SimulatorViews
{
    /// <summary>The server id Switchboard reports in telephony events.</summary>
    public const string ServerId = "switchboard.TAM";

    public static PlanView Plan(RoutingPlan plan) =>
        new(SessionViews.Id(plan.ExtensionId), plan.Rule, plan.Why, [.. plan.Steps.Select(Step)]);

    private static PlanStepView Step(PlanStep step) => step switch
    {
        PlayPrompt p => new("PlayPrompt", p.Why, Prompt: p.Prompt, GreetingId: SessionViews.Id(p.GreetingId), PresetId: p.PresetId),
        ScreenCaller s => new("ScreenCaller", s.Why, Mode: s.Mode),
        Ring r => new("Ring", r.Why, Legs: [.. r.Legs.Select(Leg)], DurationSeconds: (int)r.Duration.TotalSeconds),
        CollectDigits c => new("CollectDigits", c.Why, MenuExtensionId: SessionViews.Id(c.MenuExtensionId), TimeoutSeconds: (int)c.Timeout.TotalSeconds),
        Terminate t => new("Terminate", t.Why, End: t.Kind.ToString(), ExtensionId: SessionViews.Id(t.ExtensionId), PhoneNumber: t.PhoneNumber),
        _ => new(step.GetType().Name, step.Why),
    };

    private static LegView Leg(RingLeg l) =>
        new(l.Kind.ToString(), SessionViews.Id(l.ExtensionId), SessionViews.Id(l.DeviceId), l.PhoneNumber, (int)l.Offset.TotalSeconds);

    public static BehaviourView Behaviour(Behaviour b) => new(b.Kind.ToString(), (int)b.After.TotalSeconds);

    /// <summary>The event path a subscriber sees: the party's extension, or the account for parties without one.</summary>
    public static string EventPath(TelephonyEvent e) => e.Party.ExtensionId is { } extension
        ? $"/restapi/v1.0/account/{e.Party.AccountId ?? e.AccountId}/extension/{extension}/telephony/sessions"
        : $"/restapi/v1.0/account/{e.Party.AccountId ?? e.AccountId}/telephony/sessions";

    public static TelephonySessionEventBody Body(TelephonyEvent e)
    {
        var p = e.Party;
        var party = new EventParty(
            SessionViews.Id(p.AccountId ?? e.AccountId)!, SessionViews.Id(p.ExtensionId), p.Id, p.Direction.ToString(),
            SessionViews.Endpoint(p.To), SessionViews.Endpoint(p.From),
            new CallStatusInfo(p.Status.ToString(), p.Reason, p.PeerId is null ? null : new PeerInfo(e.SessionId, e.TelephonySessionId, p.PeerId), false),
            p.MissedCall, p.StandAlone, p.Muted, p.RingOutRole?.ToString());
        return new TelephonySessionEventBody(e.Sequence, e.SessionId, e.TelephonySessionId, ServerId, e.EventTime.UtcDateTime, [party], new OriginInfo(e.Origin.ToString()));
    }
}
