using System.Text.Json;
using Switchboard.CallHandling.V1;
using Switchboard.Http;
using Switchboard.PhoneNumbers;

namespace Switchboard.CallHandling.V2;

/// <summary>
/// Applies a v2 dispatching or condition body to the model. Actions that are absent keep their value,
/// so v1 settings that v2 does not show survive a v2 write of what was read.
/// </summary>
public sealed class CommHandlingWrite(CallHandlingContext context, Func<long> newForwardingId)
{
    public const int MaxDuration = AnsweringRuleWrite.MaxRingCount * 5;

    private static readonly JsonSerializerOptions WireOptions = new(JsonSerializerDefaults.Web);

    /// <summary>How many ids a body may need for outside numbers it adds as forwarding targets.</summary>
    public static int NewNumbers(CommDispatching? dispatching) =>
        dispatching?.Actions?.Sum(a => a?.Targets?.Count(t => t?.Type == "PhoneNumberRingTarget") ?? 0) ?? 0;

    public ApiError? Dispatching(Dispatch dispatch, CommDispatching body, string at)
    {
        if (body.Type is null) return Errors.RequiredParameter($"{at}.type");
        if (!WireEnum.TryParse<DispatchType>(body.Type, out var type)) return Errors.InvalidParameter($"{at}.type", body.Type);
        if (body.Actions is not { Count: > 0 } actions) return Errors.RequiredParameter($"{at}.actions");
        dispatch.Type = type;
        if (body.CallTypes?.QueueCallsIncluded is { } queue) dispatch.QueueCallsIncluded = queue;

        List<RingGroup>? rings = null;
        SoftPhones? apps = null;
        for (var i = 0; i < actions.Count; i++)
        {
            var a = $"{at}.actions[{i}]";
            if (actions[i] is not { } action) return Errors.InvalidParameter(a);
            var error = action.Type switch
            {
                "PlayWelcomePromptAction" => Prompt(dispatch.Welcome, "Introductory", action, a),
                "PlayConnectingMessageAction" => Prompt(dispatch.ConnectingMessage, "ConnectingMessage", action, a),
                "PlayConnectingPromptAction" => Prompt(dispatch.ConnectingAudio, "ConnectingAudio", action, a),
                "ScreeningAction" => Screening(dispatch.Screening, action, a),
                "RingAlwaysGroupAction" => RingAlways(apps ??= Apps(dispatch), action, a),
                "RingGroupAction" => RingGroup(rings ??= [], apps ??= Apps(dispatch), action, a),
                "TerminatingAction" => Terminating(dispatch.Terminating, action, a),
                null => Errors.RequiredParameter($"{a}.type"),
                _ => Errors.InvalidParameter($"{a}.type", action.Type),
            };
            if (error is not null) return error;
        }
        if (rings is not null) dispatch.Rings = rings;
        if (apps is not null) dispatch.SoftPhones = apps;
        return null;
    }

    /// <summary>Ring actions replace the apps settings: they ring only if an action says so.</summary>
    private static SoftPhones Apps(Dispatch dispatch) => new()
    {
        Notify = false, AlwaysRing = false, RingCount = dispatch.SoftPhones.RingCount, NotifyAdmin = dispatch.SoftPhones.NotifyAdmin,
        PositionTop = dispatch.SoftPhones.PositionTop, MobileTimeout = dispatch.SoftPhones.MobileTimeout,
    };

    private ApiError? Prompt(Greeting slot, string greetingType, CommAction action, string at)
    {
        if (action.Greeting is { } greeting && Greeting(slot, greetingType, greeting, $"{at}.greeting") is { } error) return error;
        slot.Enabled = action.Enabled ?? slot.Enabled;
        return null;
    }

    private ApiError? Greeting(Greeting slot, string greetingType, CommGreeting greeting, string at)
    {
        if (greeting.EffectiveGreetingType is not ("Custom" or "Preset")) return Errors.InvalidParameter($"{at}.effectiveGreetingType", greeting.EffectiveGreetingType);
        if (greeting.EffectiveGreetingType == "Custom" && greeting.Custom?.Id is null) return Errors.RequiredParameter($"{at}.custom.id");
        if (AnsweringRuleWrite.GreetingChoice(context, greetingType, greeting.Preset?.Id, greeting.Custom?.Id, $"{at}.preset.id", $"{at}.custom.id",
                out var preset, out var custom) is { } error)
            return error;
        slot.PresetId = preset ?? slot.PresetId;
        slot.CustomId = greeting.EffectiveGreetingType == "Custom" ? custom : null;
        return null;
    }

    private static ApiError? Screening(Screening screening, CommAction action, string at)
    {
        if (action.ScreeningResult is { } result)
        {
            if (result is not ("AskToAnswer" or "PlayCallerNameOnly")) return Errors.InvalidParameter($"{at}.screeningResult", result);
            screening.Result = result;
        }
        if (action.Screening is { } mode && mode is not ("NoCallerId" or "UnknownCallerId" or "Always")) return Errors.InvalidParameter($"{at}.screening", mode);
        if (action.Enabled == false) screening.Mode = "Off";
        else if (action.Screening is { } on) screening.Mode = on;
        else if (action.Enabled == true && screening.Mode == "Off") return Errors.RequiredParameter($"{at}.screening");
        return null;
    }

    private static ApiError? RingAlways(SoftPhones apps, CommAction action, string at)
    {
        var targets = action.Targets ?? [];
        for (var j = 0; j < targets.Count; j++)
            if (targets[j]?.Type is not ("AllDesktopRingTarget" or "AllMobileRingTarget"))
                return Errors.InvalidParameter($"{at}.targets[{j}].type", targets[j]?.Type);
        if (action.Enabled != false && targets.Count > 0) apps.AlwaysRing = apps.Notify = true;
        return null;
    }

    private ApiError? RingGroup(List<RingGroup> rings, SoftPhones apps, CommAction action, string at)
    {
        var duration = action.Duration ?? 20;
        if (duration is < 5 or > MaxDuration || duration % 5 != 0)
            return Errors.Invalid($"{at}.duration", duration.ToString(System.Globalization.CultureInfo.InvariantCulture), "Ringing lasts whole rings of 5 seconds, 1 to 15 of them.");
        if (action.CustomStartOffset is < 0) return Errors.InvalidParameter($"{at}.customStartOffset");
        var group = new RingGroup { Enabled = action.Enabled ?? true, Duration = duration, Offset = action.CustomStartOffset ?? 0 };
        var targets = action.Targets ?? [];
        for (var j = 0; j < targets.Count; j++)
        {
            var (target, error) = RingTarget(targets[j], $"{at}.targets[{j}]");
            if (target is null) return error;
            group.Targets.Add(target);
        }
        // A leading group of only the user's apps is v1's "notify my soft phones" for softPhonesRingCount rings.
        var appsOnly = group.Targets.Count > 0 && group.Targets.All(t => t.Kind is TargetKind.AllDesktop or TargetKind.AllMobile);
        if (appsOnly && rings.Count == 0 && !apps.Notify && group.Enabled && group.Offset == 0)
        {
            apps.Notify = true;
            apps.RingCount = duration / 5;
            return null;
        }
        rings.Add(group);
        return null;
    }

    private (RingTarget? Target, ApiError? Error) RingTarget(CommTarget? target, string at)
    {
        switch (target?.Type)
        {
            case "AllDesktopRingTarget": return (new RingTarget(TargetKind.AllDesktop), null);
            case "AllMobileRingTarget": return (new RingTarget(TargetKind.AllMobile), null);
            case "CoworkerRingTarget":
                if (target.Extension?.Id is not { } coworker) return (null, Errors.RequiredParameter($"{at}.extension.id"));
                if (AnsweringRuleWrite.ExtensionTarget(context, coworker, $"{at}.extension.id", out var coworkerId) is { } error) return (null, error);
                return (new RingTarget(TargetKind.Coworker, ExtensionId: coworkerId), null);
            case "DeviceRingTarget":
                if (target.Device?.Id is not { } deviceId) return (null, Errors.RequiredParameter($"{at}.device.id"));
                var line = context.Book.Entries.FirstOrDefault(e => e.DeviceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == deviceId);
                return line is null ? (null, Errors.UnknownReference($"{at}.device.id", deviceId)) : (new RingTarget(TargetKind.Device, line.Id), null);
            case "PhoneNumberRingTarget":
                var raw = target.Destination?.PhoneNumber;
                if (raw is null) return (null, Errors.RequiredParameter($"{at}.destination.phoneNumber"));
                if (E164.Normalize(raw, context.Book.Country) is not { } number) return (null, Errors.InvalidParameter($"{at}.destination.phoneNumber", raw));
                var entry = context.Book.Entries.FirstOrDefault(e => e.DeviceId is null && e.PhoneNumber == number);
                if (entry is null)
                {
                    var (added, addError) = context.Book.AddForwardingTarget(number, target.Name, newForwardingId(), context.Account.Id, context.Extension.Id, $"{at}.destination.phoneNumber");
                    if (added is null) return (null, addError);
                    entry = added;
                }
                entry.Forwarding = true;
                return (new RingTarget(TargetKind.PhoneNumber, entry.Id), null);
            case null: return (null, Errors.RequiredParameter($"{at}.type"));
            case "HotdeskRingTarget" or "ImsPhoneNumberRingTarget" or "FmcPhoneNumberRingTarget" or "IntegrationRingTarget" or "CloudConnectorRingTarget":
                return (null, Errors.Invalid($"{at}.type", target.Type, "Switchboard does not route to this target type."));
            default: return (null, Errors.InvalidParameter($"{at}.type", target.Type));
        }
    }

    private ApiError? Terminating(Terminating terminating, CommAction action, string at)
    {
        if (action.Targets is not { Count: 1 } targets || targets[0] is not { } target) return Errors.Invalid($"{at}.targets", null, "A terminating action has one target.");
        var t = $"{at}.targets[0]";
        switch (target.Type)
        {
            case "VoiceMailTerminatingTarget":
                long recipient = context.Extension.Id;
                if (target.Extension?.Id is { } id && AnsweringRuleWrite.ExtensionTarget(context, id, $"{t}.extension.id", out recipient) is { } error) return error;
                if (target.Prompt?.Greeting is { } voicemail && Greeting(terminating.VoicemailGreeting, "Voicemail", voicemail, $"{t}.prompt.greeting") is { } greetingError)
                    return greetingError;
                terminating.Kind = TerminatingKind.VoiceMail;
                terminating.ExtensionId = recipient;
                return null;
            case "PlayAnnouncementTerminatingTarget":
                if (target.Prompt?.Greeting is { } announcement && Greeting(terminating.Announcement, "Announcement", announcement, $"{t}.prompt.greeting") is { } promptError)
                    return promptError;
                terminating.Kind = TerminatingKind.PlayAnnouncement;
                return null;
            case "PhoneNumberTerminatingTarget":
                var raw = target.Destination?.PhoneNumber;
                if (raw is null) return Errors.RequiredParameter($"{t}.destination.phoneNumber");
                if (E164.Normalize(raw, context.Book.Country) is not { } number) return Errors.InvalidParameter($"{t}.destination.phoneNumber", raw);
                terminating.Kind = TerminatingKind.PhoneNumber;
                terminating.PhoneNumber = number;
                return null;
            case "ExtensionTerminatingTarget":
                if (target.Extension?.Id is not { } extension) return Errors.RequiredParameter($"{t}.extension.id");
                if (AnsweringRuleWrite.ExtensionTarget(context, extension, $"{t}.extension.id", out var extensionId) is { } extensionError) return extensionError;
                terminating.Kind = TerminatingKind.Extension;
                terminating.ExtensionId = extensionId;
                return null;
            case null: return Errors.RequiredParameter($"{t}.type");
            case "CloudConnectorTerminatingTarget": return Errors.Invalid($"{t}.type", target.Type, "Switchboard does not route to this target type.");
            default: return Errors.InvalidParameter($"{t}.type", target.Type);
        }
    }

    /// <summary>Weekly, Daily (the same hours every day) and Range triggers.</summary>
    public static (RuleSchedule? Schedule, ApiError? Error) Schedule(CommScheduleRequest schedule, string at, bool weeklyOnly)
    {
        if (schedule.Triggers is not { Count: > 0 } triggers) return (null, Errors.RequiredParameter($"{at}.triggers"));
        var result = new RuleSchedule();
        for (var i = 0; i < triggers.Count; i++)
        {
            var t = $"{at}.triggers[{i}]";
            var trigger = triggers[i];
            switch (trigger?.TriggerType)
            {
                case "Daily":
                    var (day, dayError) = Schedules.Day([(trigger.StartTime, trigger.EndTime)], t, "startTime", "endTime");
                    if (day is null) return (null, dayError);
                    foreach (var d in Schedules.Week) result.Weekly.Days[d] = [.. result.Weekly.Days.GetValueOrDefault(d) ?? [], .. day];
                    break;
                case "Weekly":
                    if (Read<WeeklyItems>(trigger.Ranges) is not { } items) return (null, Errors.RequiredParameter($"{t}.ranges"));
                    foreach (var (d, ranges) in new[]
                             {
                                 (DayOfWeek.Monday, items.Monday), (DayOfWeek.Tuesday, items.Tuesday), (DayOfWeek.Wednesday, items.Wednesday),
                                 (DayOfWeek.Thursday, items.Thursday), (DayOfWeek.Friday, items.Friday), (DayOfWeek.Saturday, items.Saturday),
                                 (DayOfWeek.Sunday, items.Sunday),
                             })
                    {
                        if (ranges is null) continue;
                        var (parsed, error) = Schedules.Day([.. ranges.Select(r => (r?.StartTime, r?.EndTime))], $"{t}.ranges.{Schedules.DayName(d)}", "startTime", "endTime");
                        if (parsed is null) return (null, error);
                        if (parsed.Count > 0) result.Weekly.Days[d] = [.. result.Weekly.Days.GetValueOrDefault(d) ?? [], .. parsed];
                    }
                    break;
                case "Range" when !weeklyOnly:
                    if (Read<List<DateTimeRange?>>(trigger.Ranges) is not { Count: > 0 } dates) return (null, Errors.RequiredParameter($"{t}.ranges"));
                    var (parsedDates, dateError) = Schedules.Dates([.. dates.Select(r => (r?.StartDateTime, r?.EndDateTime))], $"{t}.ranges", "startDateTime", "endDateTime");
                    if (parsedDates is null) return (null, dateError);
                    result.Ranges.AddRange(parsedDates);
                    break;
                case null: return (null, Errors.RequiredParameter($"{t}.triggerType"));
                default: return (null, Errors.InvalidParameter($"{t}.triggerType", trigger.TriggerType));
            }
        }
        // Several triggers may not overlap on a day either.
        foreach (var (d, ranges) in result.Weekly.Days)
        {
            var (_, overlap) = Schedules.Day([.. ranges.Select(r => ((string?)r.From, (string?)r.To))], $"{at}.triggers");
            if (overlap is not null) return (null, overlap);
            result.Weekly.Days[d] = [.. ranges.OrderBy(r => r.From, StringComparer.Ordinal)];
        }
        // A day covered whole, every day, is 24/7.
        if (Schedules.Week.All(d => result.Weekly.Days.GetValueOrDefault(d) is [{ From: "00:00:00", To: "24:00:00" or "23:59:59" }]))
            result.Weekly = new WeeklySchedule();
        return (result, null);
    }

    private static T? Read<T>(JsonElement? element) where T : class
    {
        if (element is not { } e) return null;
        try { return e.Deserialize<T>(WireOptions); }
        catch (JsonException) { return null; }
    }
}
