using Switchboard.Greetings;

namespace Switchboard.CallHandling;

/// <summary>The call handling a new user extension has, as the platform sets it up.</summary>
public static class Defaults
{
    /// <summary>Monday to Friday, 9 to 5: the platform's default work hours, so both v1 rules exist.</summary>
    public static WeeklySchedule BusinessHours()
    {
        var week = new WeeklySchedule();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            week.Days[day] = [new TimeRange("09:00:00", "17:00:00")];
        return week;
    }

    /// <summary>Ring the apps and every desk phone for four rings, then voicemail.</summary>
    public static Dispatch Ringing(long extensionId, IEnumerable<long> deviceEntryIds) => new()
    {
        Type = DispatchType.RingInOrder,
        Welcome = new Greeting { Enabled = true, PresetId = StandardGreetings.Welcome },
        ConnectingMessage = new Greeting { Enabled = false, PresetId = StandardGreetings.ConnectingMessage },
        ConnectingAudio = new Greeting { Enabled = true, PresetId = StandardGreetings.ConnectingAudio },
        Rings = [new RingGroup { Duration = 20, Targets = [.. deviceEntryIds.Select(id => new RingTarget(TargetKind.Device, id))] }],
        Terminating = VoiceMail(extensionId),
    };

    public static Terminating VoiceMail(long extensionId) => new()
    {
        Kind = TerminatingKind.VoiceMail,
        ExtensionId = extensionId,
        VoicemailGreeting = new Greeting { Enabled = true, PresetId = StandardGreetings.Voicemail },
        Announcement = new Greeting { Enabled = true, PresetId = StandardGreetings.Announcement },
    };

    /// <summary>Forward all calls and do not disturb send calls straight to voicemail until a user changes them.</summary>
    public static Dispatch Terminate(long extensionId) => new()
    {
        Type = DispatchType.Terminate,
        Welcome = new Greeting { Enabled = false, PresetId = StandardGreetings.Welcome },
        ConnectingMessage = new Greeting { Enabled = false, PresetId = StandardGreetings.ConnectingMessage },
        ConnectingAudio = new Greeting { Enabled = false, PresetId = StandardGreetings.ConnectingAudio },
        SoftPhones = new SoftPhones { Notify = false, AlwaysRing = false },
        Terminating = VoiceMail(extensionId),
    };

    public static CallHandlingDocument Document(long extensionId, IEnumerable<long> deviceEntryIds)
    {
        var devices = deviceEntryIds.ToList();
        return new CallHandlingDocument
        {
            BusinessHours = BusinessHours(),
            States =
            {
                [StateId.ForwardAllCalls] = new StateRule { Enabled = false, Dispatch = Terminate(extensionId) },
                [StateId.Dnd] = new StateRule { Enabled = false, Dispatch = Terminate(extensionId) },
                [StateId.Agent] = new StateRule { Enabled = true, Dispatch = Ringing(extensionId, devices) },
                [StateId.WorkHours] = new StateRule { Enabled = true, Dispatch = Ringing(extensionId, devices) },
                [StateId.AfterHours] = new StateRule { Enabled = true, Dispatch = Ringing(extensionId, devices) },
            },
        };
    }
}
