using Switchboard.CallControl;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

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

public sealed record EventRecord(string Event, Subscriptions.TelephonySessionEventBody Body);

public sealed record EventList(IReadOnlyList<EventRecord> Records);

public static class SimulatorViews
{
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
}
