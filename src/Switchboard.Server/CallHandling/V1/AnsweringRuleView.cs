using System.Globalization;
using Switchboard.Greetings;
using Switchboard.Http;

namespace Switchboard.CallHandling.V1;

/// <summary>The model seen as v1 answering rules (seed 001; seed 002's mapping tables read right to left).</summary>
public static class AnsweringRuleView
{
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static AnsweringRule State(CallHandlingContext context, StateId state, Links links, bool detailed = true)
    {
        var id = state == StateId.WorkHours ? RuleRef.BusinessHoursRuleId : RuleRef.AfterHoursRuleId;
        var summary = new AnsweringRule(
            Uri: RuleUri(context, id, links), Id: id,
            Type: state == StateId.WorkHours ? "BusinessHours" : "AfterHours",
            Name: state == StateId.WorkHours ? "Work Hours" : "After Hours",
            Enabled: true,
            Schedule: new RuleScheduleInfo(Ref: state == StateId.WorkHours ? "BusinessHours" : "AfterHours"));
        return detailed ? WithDispatch(summary, context, context.Document.States[state].Dispatch, links) : Simple(summary, context.Document.States[state].Dispatch);
    }

    public static AnsweringRule Custom(CallHandlingContext context, InteractionRule rule, Links links, bool detailed = true)
    {
        var summary = new AnsweringRule(
            Uri: RuleUri(context, Id(rule.Id), links), Id: Id(rule.Id), Type: "Custom", Name: rule.Name, Enabled: rule.Enabled,
            Schedule: rule.Schedule is null ? null : Schedule(rule.Schedule),
            CalledNumbers: rule.CalledNumbers.Count == 0 ? null : [.. rule.CalledNumbers.Select(n => new CalledNumber(n))],
            Callers: rule.Callers.Count == 0 ? null : [.. rule.Callers.Select(c => new CallerInfo(c.CallerId, c.Name))]);
        return detailed ? WithDispatch(summary, context, rule.Dispatch, links) : Simple(summary, rule.Dispatch);
    }

    private static AnsweringRule Simple(AnsweringRule summary, Dispatch dispatch) => summary with { CallHandlingAction = Action(dispatch) };

    private static string RuleUri(CallHandlingContext context, string id, Links links) =>
        links.Path($"/restapi/v1.0/account/{context.Account.Id}/extension/{context.Extension.Id}/answering-rule/{id}");

    public static RuleScheduleInfo Schedule(RuleSchedule schedule) => schedule.Ref is { } state
        ? new RuleScheduleInfo(Ref: state == StateId.WorkHours ? "BusinessHours" : "AfterHours")
        : new RuleScheduleInfo(
            WeeklyRanges: schedule.Weekly.IsEmpty ? null : Weekly(schedule.Weekly),
            Ranges: schedule.Ranges.Count == 0 ? null : [.. schedule.Ranges.Select(r => new DateTimeRange(r.From, r.To))]);

    public static WeeklyRanges Weekly(WeeklySchedule week)
    {
        IReadOnlyList<TimeInterval?>? Day(DayOfWeek day) => week.Days.TryGetValue(day, out var ranges) && ranges.Count > 0
            ? [.. ranges.Select(r => new TimeInterval(Schedules.ShortTime(r.From), Schedules.ShortTime(r.To)))]
            : null;
        return new WeeklyRanges(Day(DayOfWeek.Monday), Day(DayOfWeek.Tuesday), Day(DayOfWeek.Wednesday), Day(DayOfWeek.Thursday),
            Day(DayOfWeek.Friday), Day(DayOfWeek.Saturday), Day(DayOfWeek.Sunday));
    }

    public static string Action(Dispatch dispatch) => dispatch.Type switch
    {
        DispatchType.Terminate => dispatch.Terminating.Kind switch
        {
            TerminatingKind.VoiceMail => "TakeMessagesOnly",
            TerminatingKind.Extension => "TransferToExtension",
            TerminatingKind.PhoneNumber => "UnconditionalForwarding",
            TerminatingKind.PlayAnnouncement => "PlayAnnouncementOnly",
        },
        DispatchType.RingInOrder or DispatchType.RingAtOnce or DispatchType.Custom => "ForwardCalls",
    };

    private static AnsweringRule WithDispatch(AnsweringRule rule, CallHandlingContext context, Dispatch dispatch, Links links)
    {
        var terminating = dispatch.Terminating;
        var forwardCalls = dispatch.Type != DispatchType.Terminate;
        var self = context.Extension.Id;
        return rule with
        {
            CallHandlingAction = Action(dispatch),
            Forwarding = Forwarding(context, dispatch, links),
            UnconditionalForwarding = !forwardCalls && terminating.Kind == TerminatingKind.PhoneNumber ? new UnconditionalForwarding(terminating.PhoneNumber) : null,
            Transfer = !forwardCalls && terminating.Kind == TerminatingKind.Extension ? new TransferInfo(ExtensionRef(context, terminating.ExtensionId, links)) : null,
            Voicemail = new VoicemailSettings(
                terminating.Kind == TerminatingKind.VoiceMail,
                ExtensionRef(context, terminating.Kind == TerminatingKind.VoiceMail ? terminating.ExtensionId ?? self : self, links)),
            MissedCall = forwardCalls ? MissedCall(context, terminating) : null,
            Greetings = Greetings(dispatch, links),
            Screening = dispatch.Screening.Mode,
        };
    }

    private static MissedCall? MissedCall(CallHandlingContext context, Terminating terminating) => terminating.Kind switch
    {
        TerminatingKind.VoiceMail => null,
        TerminatingKind.PlayAnnouncement => new MissedCall("PlayGreetingAndDisconnect"),
        TerminatingKind.Extension => new MissedCall("ConnectToExtension", Extension: new Reference(Id(terminating.ExtensionId ?? context.Extension.Id))),
        TerminatingKind.PhoneNumber => new MissedCall("ConnectToExternalNumber", ExternalNumber: new ExternalNumber(terminating.PhoneNumber)),
    };

    private static Reference ExtensionRef(CallHandlingContext context, long? extensionId, Links links)
    {
        var id = extensionId ?? context.Extension.Id;
        return new Reference(Id(id), links.Path($"/restapi/v1.0/account/{context.Account.Id}/extension/{id}"));
    }

    private static ForwardingSettings Forwarding(CallHandlingContext context, Dispatch dispatch, Links links)
    {
        var soft = dispatch.SoftPhones;
        var rules = new List<ForwardingRule?>();
        foreach (var group in dispatch.Rings)
        {
            var numbers = new List<RuleForwardingNumber?>();
            foreach (var target in group.Targets)
            {
                if (target.Kind is not (TargetKind.Device or TargetKind.PhoneNumber)) continue;
                if (context.Book.Find(Id(target.ForwardingNumberId ?? 0)) is not { } entry) continue;
                numbers.Add(new RuleForwardingNumber(Id(entry.Id),
                    links.Path($"/restapi/v1.0/account/{context.Account.Id}/extension/{context.Extension.Id}/forwarding-number/{entry.Id}"),
                    entry.PhoneNumber, entry.Label, entry.Type.ToString()));
            }
            rules.Add(new ForwardingRule(rules.Count + 1, group.Duration / 5, group.Enabled, numbers));
        }
        return new ForwardingSettings(soft.Notify, soft.NotifyAdmin, soft.RingCount, soft.AlwaysRing,
            dispatch.Type == DispatchType.RingAtOnce ? "Simultaneously" : "Sequentially", rules, soft.PositionTop, soft.MobileTimeout);
    }

    /// <summary>A disabled prompt shows as its bare type, as seed 001's Introductory does.</summary>
    private static List<GreetingSetting?> Greetings(Dispatch dispatch, Links links)
    {
        GreetingSetting Show(string type, Greeting greeting) => !greeting.Enabled
            ? new GreetingSetting(type)
            : new GreetingSetting(type,
                StandardGreetings.Find(greeting.PresetId) is { } preset
                    ? new Preset(preset.Id, links.Path($"/restapi/v1.0/dictionary/greeting/{preset.Id}"), preset.Name)
                    : null,
                greeting.CustomId is { } custom ? new CustomGreetingRef(Id(custom)) : null);
        return
        [
            Show("Voicemail", dispatch.Terminating.VoicemailGreeting),
            Show("Introductory", dispatch.Welcome),
            Show("ConnectingAudio", dispatch.ConnectingAudio),
            Show("ConnectingMessage", dispatch.ConnectingMessage),
            Show("Announcement", dispatch.Terminating.Announcement),
        ];
    }
}
