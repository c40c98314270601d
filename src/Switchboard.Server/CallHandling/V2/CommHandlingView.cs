using System.Globalization;

namespace Switchboard.CallHandling.V2;

/// <summary>The model seen as v2 comm-handling (seed 002's mapping tables read left to right).</summary>
public static class CommHandlingView
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string DisplayName(StateId state) => state switch
    {
        StateId.ForwardAllCalls => "Forward all calls",
        StateId.Dnd => "Do not disturb",
        StateId.Agent => "Agent",
        StateId.WorkHours => "Work Hours",
        StateId.AfterHours => "After Hours",
    };

    public static IEnumerable<StateId> States(CallHandlingDocument document) =>
        Enum.GetValues<StateId>().Where(document.HasState);

    public static StateResource State(CallHandlingDocument document, StateId state)
    {
        var schedule = state switch
        {
            StateId.WorkHours when !document.BusinessHours.IsEmpty => document.BusinessHours,
            StateId.AfterHours => Schedules.Complement(document.BusinessHours),
            _ => null,
        };
        return new StateResource(RuleRef.StateName(state), document.States[state].Enabled, DisplayName(state),
            schedule is null ? [] : [new StateCondition("Schedule", new CommSchedule([Weekly(schedule)]))]);
    }

    public static StateRuleResource StateRule(CallHandlingContext context, StateId state) =>
        new(RuleRef.StateName(state), DisplayName(state), Dispatching(context, context.Document.States[state].Dispatch), State(context.Document, state));

    public static InteractionRuleResource Rule(CallHandlingContext context, InteractionRule rule)
    {
        var conditions = new List<RuleCondition>();
        if (rule.Callers.Count > 0 || rule.CalledNumbers.Count > 0)
            conditions.Add(new RuleCondition("Interaction", [.. rule.Callers.Select(c => new FromNumber(c.CallerId, c.Name ?? ""))], [.. rule.CalledNumbers]));
        if (rule.Schedule is { Ref: { } state })
            conditions.Add(new RuleCondition("State", State: State(context.Document, state)));
        else if (rule.Schedule is { } schedule)
        {
            var triggers = new List<Trigger>();
            if (!schedule.Weekly.IsEmpty) triggers.Add(Weekly(schedule.Weekly));
            if (schedule.Ranges.Count > 0) triggers.Add(new Trigger("Range", schedule.Ranges.Select(r => new DateTimeRange(r.From, r.To)).ToList()));
            conditions.Add(new RuleCondition("Schedule", Schedule: new CommSchedule(triggers)));
        }
        return new InteractionRuleResource(Id(rule.Id), rule.Name, rule.Enabled, conditions, Dispatching(context, rule.Dispatch));
    }

    private static Trigger Weekly(WeeklySchedule week)
    {
        IReadOnlyList<WeeklyRange?>? Day(DayOfWeek day) => week.Days.TryGetValue(day, out var ranges) && ranges.Count > 0
            ? [.. ranges.Select(r => new WeeklyRange(r.From, r.To))]
            : null;
        return new Trigger("Weekly", new WeeklyItems(Day(DayOfWeek.Monday), Day(DayOfWeek.Tuesday), Day(DayOfWeek.Wednesday),
            Day(DayOfWeek.Thursday), Day(DayOfWeek.Friday), Day(DayOfWeek.Saturday), Day(DayOfWeek.Sunday)));
    }

    /// <summary>Prompts, screening, the apps, each ring group, then the terminating action; Terminate keeps only the welcome prompt.</summary>
    public static CommDispatching Dispatching(CallHandlingContext context, Dispatch dispatch)
    {
        var actions = new List<CommAction?> { new("PlayWelcomePromptAction", dispatch.Welcome.Enabled, Greeting(dispatch.Welcome)) };
        if (dispatch.Type != DispatchType.Terminate)
        {
            var screening = dispatch.Screening;
            actions.Add(new CommAction("ScreeningAction", screening.Mode != "Off", Screening: screening.Mode == "Off" ? null : screening.Mode, ScreeningResult: screening.Result));
            actions.Add(new CommAction("PlayConnectingMessageAction", dispatch.ConnectingMessage.Enabled, Greeting(dispatch.ConnectingMessage)));
            actions.Add(new CommAction("PlayConnectingPromptAction", dispatch.ConnectingAudio.Enabled, Greeting(dispatch.ConnectingAudio)));
            var soft = dispatch.SoftPhones;
            if (soft.AlwaysRing)
                actions.Add(new CommAction("RingAlwaysGroupAction", true, Targets: Apps()));
            else if (soft.Notify)
                actions.Add(new CommAction("RingGroupAction", true, Targets: Apps(), Duration: soft.RingCount * 5));
            foreach (var group in dispatch.Rings)
                actions.Add(new CommAction("RingGroupAction", group.Enabled, Targets: [.. group.Targets.Select(t => Target(context, t)).Where(t => t is not null)],
                    Duration: group.Duration, CustomStartOffset: dispatch.Type == DispatchType.Custom ? group.Offset : null));
        }
        var terminating = Terminating(context, dispatch.Terminating);
        actions.Add(new CommAction("TerminatingAction", Targets: [terminating], TerminatingTargetType: terminating.Type));
        return new CommDispatching(dispatch.Type.ToString(), actions, dispatch.QueueCallsIncluded is { } queue ? new CallTypes(queue) : null);
    }

    private static List<CommTarget?> Apps() => [new CommTarget("AllDesktopRingTarget", "All desktop apps"), new CommTarget("AllMobileRingTarget", "All mobile apps")];

    public static CommGreeting Greeting(Greeting greeting) =>
        new(greeting.CustomId is null ? "Preset" : "Custom", new GreetingIdRef(greeting.PresetId), greeting.CustomId is { } custom ? new GreetingIdRef(Id(custom)) : null);

    private static CommTarget? Target(CallHandlingContext context, RingTarget target)
    {
        switch (target.Kind)
        {
            case TargetKind.AllDesktop: return new CommTarget("AllDesktopRingTarget", "All desktop apps");
            case TargetKind.AllMobile: return new CommTarget("AllMobileRingTarget", "All mobile apps");
            case TargetKind.Coworker:
                var name = context.References.Extensions.TryGetValue(target.ExtensionId ?? 0, out var coworker) ? coworker.Name : null;
                return new CommTarget("CoworkerRingTarget", name, new ExtensionIdRef(Id(target.ExtensionId ?? 0)));
            case TargetKind.Device or TargetKind.PhoneNumber:
                if (context.Book.Find(Id(target.ForwardingNumberId ?? 0)) is not { } entry) return null;
                return entry.DeviceId is { } device
                    ? new CommTarget("DeviceRingTarget", entry.Label, Device: new TargetDevice(Id(device), entry.Label, entry.PhoneNumber))
                    : new CommTarget("PhoneNumberRingTarget", entry.Label, Destination: new TargetDestination(entry.PhoneNumber));
        }
        return null;
    }

    private static CommTarget Terminating(CallHandlingContext context, Terminating terminating) => terminating.Kind switch
    {
        TerminatingKind.VoiceMail => new CommTarget("VoiceMailTerminatingTarget", "Voicemail",
            new ExtensionIdRef(Id(terminating.ExtensionId ?? context.Extension.Id)), Prompt: new TerminatingPrompt(Greeting(terminating.VoicemailGreeting))),
        TerminatingKind.PlayAnnouncement => new CommTarget("PlayAnnouncementTerminatingTarget", "Announcement",
            Prompt: new TerminatingPrompt(Greeting(terminating.Announcement))),
        TerminatingKind.PhoneNumber => new CommTarget("PhoneNumberTerminatingTarget", terminating.PhoneNumber,
            Destination: new TargetDestination(terminating.PhoneNumber)),
        TerminatingKind.Extension => new CommTarget("ExtensionTerminatingTarget",
            context.References.Extensions.TryGetValue(terminating.ExtensionId ?? 0, out var e) ? e.Name : Id(terminating.ExtensionId ?? 0),
            new ExtensionIdRef(Id(terminating.ExtensionId ?? 0))),
    };
}
