using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// A rule's dispatch as steps, in the order the v2 dispatching actions run: welcome prompt, screening,
/// connecting message and music, ringing, then what happens when nobody answers. A Terminate dispatch
/// plays only its welcome prompt before its action, as the v2 view of such a rule shows.
/// </summary>
internal static class DispatchPlanner
{
    public static List<PlanStep> Steps(CallContext call, ExtensionSnapshot owner, Dispatch dispatch)
    {
        var steps = new List<PlanStep>();
        if (dispatch.Welcome.Enabled) steps.Add(Prompt("Welcome", dispatch.Welcome, "The welcome greeting plays first."));
        if (dispatch.Type != DispatchType.Terminate)
        {
            if (Screening(call, dispatch.Screening.Mode) is { } screen) steps.Add(screen);
            if (dispatch.ConnectingMessage.Enabled)
                steps.Add(Prompt("ConnectingMessage", dispatch.ConnectingMessage, "The caller is told the call is being connected."));
            if (dispatch.ConnectingAudio.Enabled)
                steps.Add(Prompt("ConnectingAudio", dispatch.ConnectingAudio, "Music plays to the caller while the call connects."));
            steps.AddRange(RingPlanner.Rings(call, owner, dispatch));
        }
        steps.AddRange(Terminating(call, owner, dispatch.Terminating, rang: steps.Any(s => s is Ring)));
        return steps;
    }

    public static PlayPrompt Prompt(string prompt, Greeting greeting, string why) =>
        new(prompt, greeting.CustomId, string.IsNullOrEmpty(greeting.PresetId) ? null : greeting.PresetId, why);

    /// <summary>Screening modes from the spec: NoCallerId, UnknownCallerId (not in the contacts) and Always.</summary>
    private static ScreenCaller? Screening(CallContext call, string mode) => mode switch
    {
        "Always" => new ScreenCaller(mode, "Call screening is always on, so the caller is asked for their name."),
        "NoCallerId" when call.CallerNumber is null =>
            new ScreenCaller(mode, "The call has no caller id, so the caller is asked for their name."),
        "UnknownCallerId" when call.CallerNumber is null =>
            new ScreenCaller(mode, "The call has no caller id, so the caller is asked for their name."),
        "UnknownCallerId" when !call.KnownCaller =>
            new ScreenCaller(mode, $"The caller {call.CallerNumber} is not in the company directory, so the caller is asked for their name."),
        _ => null,
    };

    private static PlanStep[] Terminating(CallContext call, ExtensionSnapshot owner, Terminating terminating, bool rang)
    {
        var when = rang ? "If nobody answers, the call" : "The call";
        return terminating.Kind switch
        {
            TerminatingKind.VoiceMail => [VoiceMail(call, terminating.ExtensionId ?? owner.Id, when)],
            TerminatingKind.Extension when terminating.ExtensionId is { } id =>
                [new Terminate(EndKind.ForwardToExtension, id, null, $"{when} is forwarded to {call.NameOf(id)}.")],
            TerminatingKind.PhoneNumber when !string.IsNullOrEmpty(terminating.PhoneNumber) =>
                [new Terminate(EndKind.ForwardToNumber, null, terminating.PhoneNumber, $"{when} is forwarded to {terminating.PhoneNumber}.")],
            TerminatingKind.Extension or TerminatingKind.PhoneNumber =>
                [new Terminate(EndKind.Disconnect, null, null, $"{when} would be forwarded, but no destination is set, so it ends.")],
            TerminatingKind.PlayAnnouncement =>
            [
                Prompt("Announcement", terminating.Announcement, rang ? "If nobody answers, the caller hears the announcement." : "The caller hears the announcement."),
                new Terminate(EndKind.PlayAnnouncement, null, null, "After the announcement the call ends."),
            ],
        };
    }

    public static Terminate VoiceMail(CallContext call, long recipient, string when) =>
        new(EndKind.VoiceMail, recipient, null, $"{when} goes to the voicemail of {call.NameOf(recipient)}.");
}
