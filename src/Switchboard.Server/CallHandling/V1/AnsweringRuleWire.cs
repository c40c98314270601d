using System.Text.Json.Serialization;
using Switchboard.Http;

namespace Switchboard.CallHandling.V1;

// The v1 answering rule as the spec shapes it (CallHandlingRuleInfo, CreateAnsweringRuleRequest,
// UpdateAnsweringRuleRequest): one set of records for requests and responses; null means absent.

public sealed record TimeInterval(string? From, string? To);

public sealed record WeeklyRanges(
    IReadOnlyList<TimeInterval?>? Monday = null, IReadOnlyList<TimeInterval?>? Tuesday = null, IReadOnlyList<TimeInterval?>? Wednesday = null,
    IReadOnlyList<TimeInterval?>? Thursday = null, IReadOnlyList<TimeInterval?>? Friday = null, IReadOnlyList<TimeInterval?>? Saturday = null,
    IReadOnlyList<TimeInterval?>? Sunday = null);

public sealed record DateTimeRange(string? From, string? To);

public sealed record RuleScheduleInfo(WeeklyRanges? WeeklyRanges = null, IReadOnlyList<DateTimeRange?>? Ranges = null, string? Ref = null);

public sealed record CallerInfo(string? CallerId, string? Name = null);

public sealed record CalledNumber(string? PhoneNumber);

public sealed record RuleForwardingNumber([property: JsonConverter(typeof(LenientString))] string? Id, string? Uri = null, string? PhoneNumber = null, string? Label = null, string? Type = null);

public sealed record ForwardingRule(int? Index, int? RingCount, bool? Enabled, IReadOnlyList<RuleForwardingNumber?>? ForwardingNumbers);

public sealed record ForwardingSettings(
    bool? NotifyMySoftPhones = null, bool? NotifyAdminSoftPhones = null, int? SoftPhonesRingCount = null, bool? SoftPhonesAlwaysRing = null,
    string? RingingMode = null, IReadOnlyList<ForwardingRule?>? Rules = null, bool? SoftPhonesPositionTop = null, bool? MobileTimeout = null);

public sealed record Reference([property: JsonConverter(typeof(LenientString))] string? Id, string? Uri = null);

public sealed record UnconditionalForwarding(string? PhoneNumber, string? Action = null);

public sealed record TransferInfo(Reference? Extension);

public sealed record VoicemailSettings(bool? Enabled, Reference? Recipient = null);

public sealed record ExternalNumber(string? PhoneNumber);

public sealed record MissedCall(string? ActionType, Reference? Extension = null, ExternalNumber? ExternalNumber = null);

public sealed record Preset([property: JsonConverter(typeof(LenientString))] string? Id, string? Uri = null, string? Name = null);

public sealed record CustomGreetingRef([property: JsonConverter(typeof(LenientString))] string? Id);

public sealed record GreetingSetting(string? Type, Preset? Preset = null, CustomGreetingRef? Custom = null);

public sealed record AnsweringRule(
    string? Uri = null,
    string? Id = null,
    string? Type = null,
    string? Name = null,
    bool? Enabled = null,
    RuleScheduleInfo? Schedule = null,
    IReadOnlyList<CalledNumber?>? CalledNumbers = null,
    IReadOnlyList<CallerInfo?>? Callers = null,
    string? CallHandlingAction = null,
    ForwardingSettings? Forwarding = null,
    UnconditionalForwarding? UnconditionalForwarding = null,
    TransferInfo? Transfer = null,
    VoicemailSettings? Voicemail = null,
    IReadOnlyList<GreetingSetting?>? Greetings = null,
    string? Screening = null,
    MissedCall? MissedCall = null);

public sealed record BusinessHoursSchedule(WeeklyRanges? WeeklyRanges);

public sealed record BusinessHours(string? Uri = null, BusinessHoursSchedule? Schedule = null);
