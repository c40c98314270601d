using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Http;

namespace Switchboard.CallHandling.V2;

// v2 comm-handling as the spec shapes it. The spec's polymorphic actions, targets, conditions and
// triggers are each one flat record here: the discriminator says which fields apply, absent ones are null.

public sealed record GreetingIdRef([property: JsonConverter(typeof(LenientString))] string? Id);

public sealed record CommGreeting(string? EffectiveGreetingType, GreetingIdRef? Preset, GreetingIdRef? Custom = null);

public sealed record ExtensionIdRef([property: JsonConverter(typeof(LenientString))] string? Id);

public sealed record TargetDevice([property: JsonConverter(typeof(LenientString))] string? Id, string? Name = null, string? PhoneNumber = null);

public sealed record TargetDestination(string? PhoneNumber);

public sealed record TerminatingPrompt(CommGreeting? Greeting);

public sealed record CommTarget(
    string? Type,
    string? Name = null,
    ExtensionIdRef? Extension = null,
    TargetDevice? Device = null,
    TargetDestination? Destination = null,
    TerminatingPrompt? Prompt = null);

public sealed record CommAction(
    string? Type,
    bool? Enabled = null,
    CommGreeting? Greeting = null,
    string? Screening = null,
    string? ScreeningResult = null,
    IReadOnlyList<CommTarget?>? Targets = null,
    int? Duration = null,
    int? CustomStartOffset = null,
    string? TerminatingTargetType = null);

public sealed record CallTypes(bool? QueueCallsIncluded);

public sealed record CommDispatching(string? Type, IReadOnlyList<CommAction?>? Actions, CallTypes? CallTypes = null);

public sealed record StateRuleResource(string Id, string DisplayName, CommDispatching Dispatching, StateResource State);

public sealed record StateRuleUpdate(CommDispatching? Dispatching);

public sealed record WeeklyRange(string? StartTime, string? EndTime);

public sealed record WeeklyItems(
    IReadOnlyList<WeeklyRange?>? Monday = null, IReadOnlyList<WeeklyRange?>? Tuesday = null, IReadOnlyList<WeeklyRange?>? Wednesday = null,
    IReadOnlyList<WeeklyRange?>? Thursday = null, IReadOnlyList<WeeklyRange?>? Friday = null, IReadOnlyList<WeeklyRange?>? Saturday = null,
    IReadOnlyList<WeeklyRange?>? Sunday = null);

public sealed record DateTimeRange(string? StartDateTime, string? EndDateTime);

/// <summary>Daily (startTime, endTime), Weekly (ranges: WeeklyItems) or Range (ranges: DateTimeRange[]); ranges is read per type.</summary>
public sealed record Trigger(string? TriggerType, object? Ranges = null, string? StartTime = null, string? EndTime = null);

public sealed record TriggerRequest(string? TriggerType, JsonElement? Ranges = null, string? StartTime = null, string? EndTime = null);

public sealed record CommSchedule(IReadOnlyList<Trigger> Triggers);

public sealed record CommScheduleRequest(IReadOnlyList<TriggerRequest?>? Triggers, string? StartDateTime = null, string? EndDateTime = null);

public sealed record StateCondition(string Type, CommSchedule Schedule);

public sealed record StateResource(string Id, bool Enabled, string DisplayName, IReadOnlyList<StateCondition> Conditions);

public sealed record StateConditionRequest(string? Type, CommScheduleRequest? Schedule);

public sealed record StateUpdate(bool? Enabled, IReadOnlyList<StateConditionRequest?>? Conditions);

public sealed record FromNumber(string? PhoneNumber, string? Name);

public sealed record StateRef(string? Id);

/// <summary>An interaction rule condition: Interaction (from, to), Schedule or State.</summary>
public sealed record RuleCondition(string Type, IReadOnlyList<FromNumber>? From = null, IReadOnlyList<string>? To = null, CommSchedule? Schedule = null, StateResource? State = null);

public sealed record RuleConditionRequest(string? Type, IReadOnlyList<FromNumber?>? From = null, IReadOnlyList<string?>? To = null, CommScheduleRequest? Schedule = null, StateRef? State = null);

public sealed record InteractionRuleResource(string Id, string DisplayName, bool Enabled, IReadOnlyList<RuleCondition> Conditions, CommDispatching Dispatching);

public sealed record InteractionRuleRequest(string? DisplayName, bool? Enabled, IReadOnlyList<RuleConditionRequest?>? Conditions, CommDispatching? Dispatching);
