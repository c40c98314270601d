namespace Switchboard.Telephony.Routing;

/// <summary>
/// A call to route: from an outside number (or an extension of the account, for internal calls) to
/// a number of the account, or to an extension number dialled from inside it. <see cref="ToExtensionId"/>
/// is set when the account itself hands the call to an extension (an IVR choice, a forward, a
/// transfer): the extension is reached whoever the caller is.
/// </summary>
public sealed record RoutingRequest(AccountSnapshot Account, string From, string To, long? FromExtensionId, DateTimeOffset Now, long? ToExtensionId = null);

/// <summary>
/// What happens to a call, step by step, and why. <see cref="ExtensionId"/> is the extension the call
/// was delivered to (after following the number); <see cref="Rule"/> names the rule that decided:
/// "forward-all-calls", "dnd", "agent", "work-hours", "after-hours", "interaction:{id}", or the
/// extension type's own handling ("department", "ivr-menu", "announcement-only", "take-messages-only",
/// "park-location", "shared-lines-group"). An empty plan whose rule is "refused", with a reason, means
/// the call is refused (unknown number, fax number, disabled extension).
/// </summary>
public sealed record RoutingPlan(long? ExtensionId, string Rule, IReadOnlyList<PlanStep> Steps, IReadOnlyList<string> Why);

/// <summary>One step of a plan; <see cref="Why"/> says in a sentence why it was chosen.</summary>
public abstract record PlanStep(string Why);

/// <summary>A prompt is played (Welcome, ConnectingMessage, ConnectingAudio, Announcement). Events only: no audio.</summary>
public sealed record PlayPrompt(string Prompt, long? GreetingId, string? PresetId, string Why) : PlanStep(Why);

/// <summary>The caller is asked for their name first (screening mode NoCallerId, UnknownCallerId or Always applied).</summary>
public sealed record ScreenCaller(string Mode, string Why) : PlanStep(Why);

/// <summary>
/// Endpoints ring together for <see cref="Duration"/>; each leg may join later by its offset (Custom
/// dispatch). Ring steps run in order; the first leg that answers takes the call.
/// </summary>
public sealed record Ring(IReadOnlyList<RingLeg> Legs, TimeSpan Duration, string Why) : PlanStep(Why);

public enum LegKind
{
    /// <summary>A device of an extension (desk phone, soft phone).</summary>
    Device,
    /// <summary>The RingCentral apps of a user (desktop and mobile), which show the call without a device id.</summary>
    Apps,
    /// <summary>An outside number: a forwarding number or a phone number target.</summary>
    OutsideNumber,
}

public sealed record RingLeg(LegKind Kind, long? ExtensionId, long? DeviceId, string? PhoneNumber, TimeSpan Offset);

/// <summary>An IVR menu plays its prompt and waits for digits; an extension number dialled goes to that extension.</summary>
public sealed record CollectDigits(long MenuExtensionId, TimeSpan Timeout, string Why) : PlanStep(Why);

public enum EndKind { VoiceMail, ForwardToExtension, ForwardToNumber, PlayAnnouncement, Park, Disconnect }

/// <summary>
/// How the call ends when no one answered (or at once): voicemail of <see cref="ExtensionId"/>, a
/// transfer to another extension (routed anew) or an outside number, an announcement and hang-up, a
/// park location, or a plain hang-up.
/// </summary>
public sealed record Terminate(EndKind Kind, long? ExtensionId, string? PhoneNumber, string Why) : PlanStep(Why);
