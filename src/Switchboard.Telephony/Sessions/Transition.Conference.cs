using System.Globalization;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// Conferences (ConferenceCommands.cs). A conference is Connected from its start; its parties are
// all Inbound, from the phone that joined to the conference, and at most 10 are in it at once.
internal sealed partial class Transition
{
    /// <summary>The guide: "each account has its own conferencing line where up to 10 parties can join a call".</summary>
    public const int ConferenceSize = 10;

    /// <summary>The guide: the conference waits 38 seconds for the host's phone, then it is terminated.</summary>
    public static readonly TimeSpan ConferenceJoinTimeout = TimeSpan.FromSeconds(38);

    private static readonly CallEndpoint ConferenceLine = new("conference", "Conference");

    public Failure? StartConference(StartConference c)
    {
        if (Parties.Length != 0 || _s.Conference is not null) return new Failure(CallError.InvalidState, "The conference has already started.");
        if (!_s.Account.Extensions.TryGetValue(c.HostExtensionId, out var host) || !host.Enabled)
            return new Failure(CallError.InvalidTarget, $"Extension {c.HostExtensionId} cannot host a conference.");
        _s.Conference = new ConferenceInfo(host.Id, VoiceCallToken(_s.TelephonySessionId));
        _s.Phase = CallPhase.Connected;
        StartTimer(TimerPurpose.ConferenceJoin, ConferenceJoinTimeout);
        return null;
    }

    public Failure? JoinConference(JoinConference c)
    {
        if (_s.Conference is not { } conference) return new Failure(CallError.InvalidState, "The session is not a conference.");
        if (Dialler(c.ExtensionId, c.DeviceId, out var ext) is { } refused) return refused;
        if (Full() is { } full) return full;
        var role = ext.Id == conference.HostExtensionId && HostIndex() < 0 ? ConferenceRole.Host : ConferenceRole.Participant;
        var from = LineOf(ext) with { DeviceId = c.DeviceId };
        JoinAnswered(new Party(NextPartyId(), _s.Account.Id, ext.Id, CallDirection.Inbound, from, ConferenceLine, PartyStatus.Setup, ConferenceRole: role));
        return null;
    }

    /// <summary>The other call's talker joins; its own side (the caller of an inbound call, the callee of an outbound one) is what the conference sees.</summary>
    public Failure? ConferenceBringIn(ConferenceBringIn c)
    {
        if (_s.Conference is null) return new Failure(CallError.InvalidState, "The session is not a conference.");
        var host = HostIndex();
        if (host < 0 || Parties[host].Status is not (PartyStatus.Answered or PartyStatus.Hold))
            return new Failure(CallError.InvalidState, "The host has not joined the conference from a phone yet; dial its voiceCallToken first.");
        if (Parties[host].ExtensionId != c.UserExtensionId)
            return new Failure(CallError.InvalidTarget, $"The conference is extension {Parties[host].ExtensionId}'s; a user brings their own calls into their own conference.");
        if (Full() is { } full) return full;
        var incoming = c.Incoming;
        var own = incoming.Direction == CallDirection.Outbound ? incoming.From : incoming.To;
        JoinAnswered(new Party(NextPartyId(), incoming.AccountId, incoming.ExtensionId, CallDirection.Inbound, own, ConferenceLine, PartyStatus.Setup,
            Muted: incoming.Muted, ConferenceRole: ConferenceRole.Participant));
        return null;
    }

    /// <summary>
    /// A party leaves the conference (hangs up, or is deleted): the host leaving ends it for everyone
    /// unless kept alive; it ends too when nobody is left.
    /// </summary>
    private Failure? LeaveConference(int index, bool keepAlive)
    {
        if (!IsLive(Parties[index].Status)) return NotAllowed(index, "it has already left the call");
        if (Parties[index].ConferenceRole == ConferenceRole.Host && !keepAlive)
        {
            EndSession();
            return null;
        }
        SetStatus(index, PartyStatus.Disconnected);
        foreach (var p in Parties)
            if (IsLive(p.Status)) return null;
        EndSession();
        return null;
    }

    /// <summary>Nobody dialled in within the time allowed.</summary>
    private void ConferenceJoinTimedOut()
    {
        if (Parties.Length == 0) EndSession();
    }

    /// <summary>"conf_" and the session id's characters in hex, as the platform's tokens are made.</summary>
    public static string VoiceCallToken(string telephonySessionId) => "conf_" + Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(telephonySessionId));

    /// <summary>The session a voiceCallToken names; null when it is not one.</summary>
    public static string? SessionOfToken(string token)
    {
        if (!token.StartsWith("conf_", StringComparison.Ordinal) || token.Length % 2 == 0) return null;
        try
        {
            var id = System.Text.Encoding.ASCII.GetString(Convert.FromHexString(token.AsSpan(5)));
            return id.StartsWith("s-", StringComparison.Ordinal) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private int HostIndex()
    {
        for (var i = 0; i < Parties.Length; i++)
            if (Parties[i].ConferenceRole == ConferenceRole.Host && IsLive(Parties[i].Status)) return i;
        return -1;
    }

    private Failure? Full()
    {
        var live = 0;
        foreach (var p in Parties) live += IsLive(p.Status) ? 1 : 0;
        return live < ConferenceSize
            ? null
            : new Failure(CallError.InvalidState, string.Create(CultureInfo.InvariantCulture, $"The conference has {ConferenceSize} parties already, as many as it takes."));
    }

    /// <summary>A phone joining a conference is connected at once: Setup, then Answered. The first to join stops the wait.</summary>
    private void JoinAnswered(Party party)
    {
        CancelAllTimers();
        SetStatus(Append(party), PartyStatus.Answered);
    }
}
