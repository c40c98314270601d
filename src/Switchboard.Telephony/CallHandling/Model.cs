namespace Switchboard.CallHandling;

// The one stored model of an extension's call handling (design rule 1). It follows v2's shape, which
// is the richer one; v1 answering rules are a projection of it (seed 002's mapping tables). It lives
// with the engine, which routes calls by it; the server stores it and shows it through both views.

/// <summary>The five call handling states, in the order the platform evaluates them.</summary>
public enum StateId { ForwardAllCalls, Dnd, Agent, WorkHours, AfterHours }

/// <summary>How a rule dispatches a call (CommDispatchingTypeResource).</summary>
public enum DispatchType { RingInOrder, RingAtOnce, Custom, Terminate }

/// <summary>What happens when nobody answers, or at once for <see cref="DispatchType.Terminate"/>.</summary>
public enum TerminatingKind { VoiceMail, Extension, PhoneNumber, PlayAnnouncement }

/// <summary>Whom a ring group rings (CommRingTargetTypeResource, the kinds Switchboard routes to).</summary>
public enum TargetKind { AllDesktop, AllMobile, Coworker, Device, PhoneNumber }

public sealed class CallHandlingDocument
{
    public Dictionary<StateId, StateRule> States { get; set; } = [];
    public List<InteractionRule> Rules { get; set; } = [];
    /// <summary>The work-hours schedule; empty means 24/7, when there is no after-hours state.</summary>
    public WeeklySchedule BusinessHours { get; set; } = new();
}

public sealed class StateRule
{
    /// <summary>Only forward-all-calls, dnd and agent can be switched; work and after hours are always on.</summary>
    public bool Enabled { get; set; }
    public Dispatch Dispatch { get; set; } = new();
}

public sealed class InteractionRule
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public List<Caller> Callers { get; set; } = [];
    public List<string> CalledNumbers { get; set; } = [];
    public RuleSchedule? Schedule { get; set; }
    public Dispatch Dispatch { get; set; } = new();
}

public sealed record Caller(string CallerId, string? Name);

/// <summary>When a custom rule applies: weekly ranges, date ranges, or the business-hours state.</summary>
public sealed class RuleSchedule
{
    public WeeklySchedule Weekly { get; set; } = new();
    public List<DateRange> Ranges { get; set; } = [];
    /// <summary>Set when the rule follows the work-hours or after-hours state.</summary>
    public StateId? Ref { get; set; }
}

/// <summary>Local date-times in the extension's time zone, "yyyy-MM-ddTHH:mm:ss".</summary>
public sealed record DateRange(string From, string To);

/// <summary>Times of day "HH:mm:ss"; "24:00:00" ends a range at midnight.</summary>
public sealed record TimeRange(string From, string To);

public sealed class WeeklySchedule
{
    public Dictionary<DayOfWeek, List<TimeRange>> Days { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Days.Values.All(d => d.Count == 0);
}

public sealed class Dispatch
{
    public DispatchType Type { get; set; } = DispatchType.RingInOrder;
    public Greeting Welcome { get; set; } = new();
    public Greeting ConnectingMessage { get; set; } = new();
    public Greeting ConnectingAudio { get; set; } = new();
    public Screening Screening { get; set; } = new();
    public SoftPhones SoftPhones { get; set; } = new();
    /// <summary>Ring groups in order: in turn (RingInOrder), together (RingAtOnce) or at their own offsets (Custom).</summary>
    public List<RingGroup> Rings { get; set; } = [];
    public Terminating Terminating { get; set; } = new();
    /// <summary>v2's callTypes.queueCallsIncluded; not in v1.</summary>
    public bool? QueueCallsIncluded { get; set; }
}

/// <summary>A prompt: a standard greeting from the dictionary, or a custom recording over it.</summary>
public sealed class Greeting
{
    public bool Enabled { get; set; }
    public string PresetId { get; set; } = "";
    public long? CustomId { get; set; }
}

public sealed class Screening
{
    /// <summary>Off, NoCallerId, UnknownCallerId or Always.</summary>
    public string Mode { get; set; } = "Off";
    /// <summary>AskToAnswer or PlayCallerNameOnly (v2 only).</summary>
    public string Result { get; set; } = "AskToAnswer";
}

/// <summary>The user's RingCentral apps: v1's notifyMySoftPhones and friends, v2's AllDesktop/AllMobile targets.</summary>
public sealed class SoftPhones
{
    public bool Notify { get; set; } = true;
    public int RingCount { get; set; } = 1;
    public bool AlwaysRing { get; set; } = true;
    public bool NotifyAdmin { get; set; }
    public bool PositionTop { get; set; }
    public bool MobileTimeout { get; set; }
}

public sealed class RingGroup
{
    public bool Enabled { get; set; } = true;
    /// <summary>Seconds; the platform's ring is 5 seconds, so v1's ringCount is Duration / 5.</summary>
    public int Duration { get; set; } = 20;
    public int Offset { get; set; }
    public List<RingTarget> Targets { get; set; } = [];
}

/// <summary>Device and PhoneNumber targets point at the extension's forwarding numbers, so changing a number's phone number changes every rule.</summary>
public sealed record RingTarget(TargetKind Kind, long? ForwardingNumberId = null, long? ExtensionId = null);

public sealed class Terminating
{
    public TerminatingKind Kind { get; set; } = TerminatingKind.VoiceMail;
    /// <summary>The voicemail recipient, or the extension calls are sent to.</summary>
    public long? ExtensionId { get; set; }
    public string? PhoneNumber { get; set; }
    /// <summary>The voicemail greeting, or the announcement.</summary>
    public Greeting VoicemailGreeting { get; set; } = new();
    public Greeting Announcement { get; set; } = new();
}
