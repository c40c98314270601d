using System.Globalization;
using Switchboard.Greetings;
using Switchboard.Http;
using Switchboard.PhoneNumbers;

namespace Switchboard.CallHandling.V1;

/// <summary>
/// Applies a v1 answering rule body to a draft of the model. Absent fields keep their value, and what
/// v1 cannot express (a ring group's start offset, v2-only targets) is kept by position, so a rule
/// read through v2 and written back unchanged through v1 stays as it was.
/// </summary>
public static class AnsweringRuleWrite
{
    public const int MaxRingCount = 15;

    public static ApiError? Dispatch(CallHandlingContext context, Dispatch dispatch, AnsweringRule body)
    {
        if (body.Screening is { } screening)
        {
            if (screening is not ("Off" or "NoCallerId" or "UnknownCallerId" or "Always")) return Errors.InvalidParameter("screening", screening);
            dispatch.Screening.Mode = screening;
        }
        if (body.Greetings is { } greetings && Greetings(context, dispatch, greetings) is { } greetingError) return greetingError;
        if (body.Forwarding is { } forwarding && Forwarding(context, dispatch, forwarding) is { } forwardingError) return forwardingError;
        return Action(context, dispatch, body);
    }

    private static ApiError? Greetings(CallHandlingContext context, Dispatch dispatch, IReadOnlyList<GreetingSetting?> greetings)
    {
        for (var i = 0; i < greetings.Count; i++)
        {
            var at = $"greetings[{i}]";
            if (greetings[i] is not { } g) return Errors.InvalidParameter(at);
            if (g.Type is null) return Errors.RequiredParameter($"{at}.type");
            if (dispatch.GreetingSlot(g.Type) is not { } slot) continue; // A type of the enum that user rules do not play (HoldMusic, ...).
            if (GreetingChoice(context, g.Type, g.Preset?.Id, g.Custom?.Id, $"{at}.preset.id", $"{at}.custom.id", out var preset, out var custom) is { } error)
                return error;
            slot.Enabled = preset is not null || custom is not null;
            slot.PresetId = preset ?? slot.PresetId;
            slot.CustomId = custom;
        }
        return null;
    }

    /// <summary>A standard greeting of the right type, and a custom greeting of this extension; either may be absent.</summary>
    public static ApiError? GreetingChoice(CallHandlingContext context, string type, string? presetId, string? customId,
        string presetParameter, string customParameter, out string? preset, out long? custom)
    {
        preset = null;
        custom = null;
        if (presetId is not null)
        {
            if (StandardGreetings.Find(presetId) is not { } standard || standard.Type != type) return Errors.UnknownReference(presetParameter, presetId);
            preset = standard.Id;
        }
        if (customId is not null)
        {
            if (!long.TryParse(customId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !context.References.GreetingTypes.ContainsKey(id))
                return Errors.UnknownReference(customParameter, customId);
            custom = id;
        }
        return null;
    }

    private static ApiError? Forwarding(CallHandlingContext context, Dispatch dispatch, ForwardingSettings forwarding)
    {
        var soft = dispatch.SoftPhones;
        if (forwarding.SoftPhonesRingCount is { } count)
        {
            if (count is < 1 or > MaxRingCount) return Errors.InvalidParameter("forwarding.softPhonesRingCount", Text(count));
            soft.RingCount = count;
        }
        soft.Notify = forwarding.NotifyMySoftPhones ?? soft.Notify;
        soft.NotifyAdmin = forwarding.NotifyAdminSoftPhones ?? soft.NotifyAdmin;
        soft.AlwaysRing = forwarding.SoftPhonesAlwaysRing ?? soft.AlwaysRing;
        soft.PositionTop = forwarding.SoftPhonesPositionTop ?? soft.PositionTop;
        soft.MobileTimeout = forwarding.MobileTimeout ?? soft.MobileTimeout;

        switch (forwarding.RingingMode)
        {
            case null: break;
            case "Sequentially": if (dispatch.Type != DispatchType.Custom) dispatch.Type = DispatchType.RingInOrder; break;
            case "Simultaneously": dispatch.Type = DispatchType.RingAtOnce; break;
            default: return Errors.InvalidParameter("forwarding.ringingMode", forwarding.RingingMode);
        }

        if (forwarding.Rules is not { } rules) return null;
        var groups = new List<RingGroup>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"forwarding.rules[{i}]";
            if (rules[i] is not { } rule) return Errors.InvalidParameter(at);
            var existing = i < dispatch.Rings.Count ? dispatch.Rings[i] : null;
            var group = new RingGroup
            {
                Enabled = rule.Enabled ?? existing?.Enabled ?? true,
                Duration = existing?.Duration ?? 20,
                Offset = existing?.Offset ?? 0,
                Targets = existing is null ? [] : [.. existing.Targets.Where(t => t.Kind is not (TargetKind.Device or TargetKind.PhoneNumber))],
            };
            if (rule.RingCount is { } ringCount)
            {
                if (ringCount is < 1 or > MaxRingCount) return Errors.InvalidParameter($"{at}.ringCount", Text(ringCount));
                group.Duration = ringCount * 5;
            }
            var numbers = rule.ForwardingNumbers ?? [];
            for (var j = 0; j < numbers.Count; j++)
            {
                var id = numbers[j]?.Id;
                if (id is null) return Errors.RequiredParameter($"{at}.forwardingNumbers[{j}].id");
                if (context.Book.Find(id) is not { } entry) return Errors.UnknownReference($"{at}.forwardingNumbers[{j}].id", id);
                group.Targets.Add(new RingTarget(entry.DeviceId is null ? TargetKind.PhoneNumber : TargetKind.Device, entry.Id));
            }
            groups.Add(group);
        }
        dispatch.Rings = groups;
        return null;
    }

    private static ApiError? Action(CallHandlingContext context, Dispatch dispatch, AnsweringRule body)
    {
        var terminating = dispatch.Terminating;
        switch (body.CallHandlingAction)
        {
            case null: break;
            case "ForwardCalls":
                if (dispatch.Type == DispatchType.Terminate)
                    dispatch.Type = body.Forwarding?.RingingMode == "Simultaneously" ? DispatchType.RingAtOnce : DispatchType.RingInOrder;
                break;
            case "TakeMessagesOnly":
                dispatch.Type = DispatchType.Terminate;
                terminating.Kind = TerminatingKind.VoiceMail;
                terminating.ExtensionId ??= context.Extension.Id;
                break;
            case "TransferToExtension":
            {
                var id = body.Transfer?.Extension?.Id;
                if (id is null && !(dispatch.Type == DispatchType.Terminate && terminating.Kind == TerminatingKind.Extension))
                    return Errors.RequiredParameter("transfer.extension.id");
                if (id is not null)
                {
                    if (ExtensionTarget(context, id, "transfer.extension.id", out var target) is { } error) return error;
                    terminating.ExtensionId = target;
                }
                dispatch.Type = DispatchType.Terminate;
                terminating.Kind = TerminatingKind.Extension;
                break;
            }
            case "UnconditionalForwarding":
            {
                var number = body.UnconditionalForwarding?.PhoneNumber;
                if (number is null && !(dispatch.Type == DispatchType.Terminate && terminating.Kind == TerminatingKind.PhoneNumber))
                    return Errors.RequiredParameter("unconditionalForwarding.phoneNumber");
                string? normalized = null;
                if (number is not null && (normalized = E164.Normalize(number, context.Book.Country)) is null)
                    return Errors.InvalidParameter("unconditionalForwarding.phoneNumber", number);
                dispatch.Type = DispatchType.Terminate;
                terminating.Kind = TerminatingKind.PhoneNumber;
                terminating.PhoneNumber = normalized ?? terminating.PhoneNumber;
                break;
            }
            case "PlayAnnouncementOnly":
                dispatch.Type = DispatchType.Terminate;
                terminating.Kind = TerminatingKind.PlayAnnouncement;
                break;
            case "AgentQueue" or "SharedLines":
                return Errors.Invalid("callHandlingAction", body.CallHandlingAction, "The action is for call queues and shared lines groups, not users.");
            default:
                return Errors.InvalidParameter("callHandlingAction", body.CallHandlingAction);
        }
        return dispatch.Type == DispatchType.Terminate ? null : NoAnswer(context, terminating, body);
    }

    /// <summary>What ForwardCalls does when nobody answers: voicemail, or missedCall's action (seed 002's first table).</summary>
    private static ApiError? NoAnswer(CallHandlingContext context, Terminating terminating, AnsweringRule body)
    {
        if (body.Voicemail?.Enabled == true && body.MissedCall is not null)
            return Errors.Invalid("missedCall", null, "A rule that sends missed calls to voicemail has no other missed call action.");
        if (body.Voicemail is { } voicemail)
        {
            if (voicemail.Recipient?.Id is { } recipient)
            {
                if (ExtensionTarget(context, recipient, "voicemail.recipient.id", out var id) is { } error) return error;
                if (voicemail.Enabled != false) terminating.ExtensionId = id;
            }
            if (voicemail.Enabled == true)
            {
                terminating.Kind = TerminatingKind.VoiceMail;
                terminating.ExtensionId ??= context.Extension.Id;
            }
            else if (voicemail.Enabled == false && body.MissedCall is null && terminating.Kind == TerminatingKind.VoiceMail)
                terminating.Kind = TerminatingKind.PlayAnnouncement;
        }
        if (body.MissedCall is not { } missed) return null;
        switch (missed.ActionType)
        {
            case "PlayGreetingAndDisconnect":
                terminating.Kind = TerminatingKind.PlayAnnouncement;
                return null;
            case "ConnectToExtension":
                if (missed.Extension?.Id is not { } extensionId) return Errors.RequiredParameter("missedCall.extension.id");
                if (ExtensionTarget(context, extensionId, "missedCall.extension.id", out var target) is { } error) return error;
                terminating.Kind = TerminatingKind.Extension;
                terminating.ExtensionId = target;
                return null;
            case "ConnectToExternalNumber":
                if (missed.ExternalNumber?.PhoneNumber is not { } number) return Errors.RequiredParameter("missedCall.externalNumber.phoneNumber");
                if (E164.Normalize(number, context.Book.Country) is not { } normalized) return Errors.InvalidParameter("missedCall.externalNumber.phoneNumber", number);
                terminating.Kind = TerminatingKind.PhoneNumber;
                terminating.PhoneNumber = normalized;
                return null;
            default:
                return missed.ActionType is null ? Errors.RequiredParameter("missedCall.actionType") : Errors.InvalidParameter("missedCall.actionType", missed.ActionType);
        }
    }

    public static ApiError? ExtensionTarget(CallHandlingContext context, string id, string parameter, out long extensionId)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out extensionId) || !context.References.Extensions.ContainsKey(extensionId))
            return Errors.UnknownReference(parameter, id);
        return null;
    }

    /// <summary>A custom rule's name, switch and conditions; at least one condition must remain.</summary>
    public static ApiError? Conditions(CallHandlingContext context, InteractionRule rule, AnsweringRule body)
    {
        if (body.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 64) return Errors.InvalidParameter("name", name);
            rule.Name = name.Trim();
        }
        rule.Enabled = body.Enabled ?? rule.Enabled;
        if (body.Callers is { } callers)
        {
            var list = new List<Caller>(callers.Count);
            for (var i = 0; i < callers.Count; i++)
            {
                if (callers[i]?.CallerId is not { } callerId) return Errors.RequiredParameter($"callers[{i}].callerId");
                if (E164.Normalize(callerId, context.Book.Country) is not { } number) return Errors.InvalidParameter($"callers[{i}].callerId", callerId);
                list.Add(new Caller(number, callers[i]!.Name));
            }
            rule.Callers = list;
        }
        if (body.CalledNumbers is { } called)
        {
            var list = new List<string>(called.Count);
            for (var i = 0; i < called.Count; i++)
            {
                var number = E164.Normalize(called[i]?.PhoneNumber, context.Book.Country);
                if (number is null || !context.References.AccountNumbers.Contains(number))
                    return Errors.UnknownReference($"calledNumbers[{i}].phoneNumber", called[i]?.PhoneNumber);
                list.Add(number);
            }
            rule.CalledNumbers = list;
        }
        if (body.Schedule is { } schedule)
        {
            var (parsed, error) = Schedule(schedule);
            if (parsed is null) return error;
            rule.Schedule = parsed.Ref is null && parsed.Weekly.IsEmpty && parsed.Ranges.Count == 0 ? null : parsed;
        }
        if (rule.Callers.Count == 0 && rule.CalledNumbers.Count == 0 && rule.Schedule is null)
            return Errors.Invalid("schedule", null, "A custom rule needs at least one condition: callers, calledNumbers or schedule.");
        return null;
    }

    public static (RuleSchedule? Schedule, ApiError? Error) Schedule(RuleScheduleInfo schedule)
    {
        var result = new RuleSchedule();
        if (schedule.Ref is { } reference)
        {
            result.Ref = reference switch { "BusinessHours" => StateId.WorkHours, "AfterHours" => StateId.AfterHours, _ => null };
            if (result.Ref is null) return (null, Errors.InvalidParameter("schedule.ref", reference));
            if (schedule.WeeklyRanges is not null || schedule.Ranges is not null)
                return (null, Errors.Invalid("schedule.ref", reference, "A schedule is either a reference or ranges."));
            return (result, null);
        }
        if (schedule.WeeklyRanges is { } weekly)
        {
            var (week, error) = Weekly(weekly, "schedule.weeklyRanges");
            if (week is null) return (null, error);
            result.Weekly = week;
        }
        if (schedule.Ranges is { } ranges)
        {
            var (dates, error) = Schedules.Dates([.. ranges.Select(r => (r?.From, r?.To))], "schedule.ranges", "from", "to");
            if (dates is null) return (null, error);
            result.Ranges = dates;
        }
        if (!result.Weekly.IsEmpty && result.Ranges.Count > 0)
            return (null, Errors.Invalid("schedule.ranges", null, "A schedule has weekly ranges or date ranges, not both."));
        return (result, null);
    }

    public static (WeeklySchedule? Week, ApiError? Error) Weekly(WeeklyRanges weekly, string parameter)
    {
        var week = new WeeklySchedule();
        foreach (var (day, ranges) in new[]
                 {
                     (DayOfWeek.Monday, weekly.Monday), (DayOfWeek.Tuesday, weekly.Tuesday), (DayOfWeek.Wednesday, weekly.Wednesday),
                     (DayOfWeek.Thursday, weekly.Thursday), (DayOfWeek.Friday, weekly.Friday), (DayOfWeek.Saturday, weekly.Saturday),
                     (DayOfWeek.Sunday, weekly.Sunday),
                 })
        {
            if (ranges is null) continue;
            var (parsed, error) = Schedules.Day([.. ranges.Select(r => (r?.From, r?.To))], $"{parameter}.{Schedules.DayName(day)}");
            if (parsed is null) return (null, error);
            if (parsed.Count > 0) week.Days[day] = parsed;
        }
        return (week, null);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
