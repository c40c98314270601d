using System.Globalization;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// Call Control, continued: recordings, reply, supervision and bridging (MediaCommands.cs). A command
// the party's state does not allow is refused with InvalidState and changes nothing (docs/compat.md).
internal sealed partial class Transition
{
    /// <summary>One recording per party (pause and resume it); its id is the session's numeric id and a counter.</summary>
    public Failure? StartRecording(StartRecording c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (IsSupervisor(i)) return NotAllowed(i, "a supervisor's listening party is not recorded");
        if (!InConversation(i)) return NotAllowed(i, "only a party of a connected call (Answered or Hold) can be recorded");
        if (Parties[i].Recordings is [var existing, ..])
            return new Failure(CallError.InvalidState, $"Party {c.PartyId} is already recorded (recording {existing.Id}); pause or resume that recording.");
        var count = 0;
        foreach (var p in Parties) count += p.Recordings?.Count ?? 0;
        var id = string.Concat(_s.SessionId, (count + 1).ToString("D3", CultureInfo.InvariantCulture));
        Put(i, Parties[i] with { Recordings = [new PartyRecording(id, Active: true)] });
        return null;
    }

    /// <summary>Pause or resume: one event with the party's recordings; setting the state it already has publishes nothing.</summary>
    public Failure? SetRecording(SetRecording c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        var recordings = Parties[i].Recordings ?? [];
        var r = 0;
        while (r < recordings.Count && recordings[r].Id != c.RecordingId) r++;
        if (r == recordings.Count) return new Failure(CallError.InvalidTarget, $"Recording {c.RecordingId} is not a recording of party {c.PartyId}.");
        if (!InConversation(i)) return NotAllowed(i, "a recording is paused or resumed while the call is connected (Answered or Hold)");
        if (recordings[r].Active == c.Active) return null;
        var changed = recordings.ToArray();
        changed[r] = recordings[r] with { Active = c.Active };
        Put(i, Parties[i] with { Recordings = changed });
        return null;
    }

    /// <summary>
    /// The web phone's reply: "the call session is terminated for the callee, but not for the caller",
    /// who hears the message and may leave a voicemail. The replying party is Disconnected (CallReplied,
    /// not a missed call), every other ringing phone stops, and the caller goes to the voicemail the plan
    /// has further on (as if choosing "leave a voicemail"); without one the call ends.
    /// </summary>
    public Failure? Reply(ReplyToCaller c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (_s.Phase != CallPhase.Ringing || !RingsNow(i)) return NotAllowed(i, "only a party ringing for an incoming call can reply");
        if (Parties[i].ExtensionId is null) return NotAllowed(i, "only a party of an extension can reply (this one rings an outside phone)");
        NoteCalleeFailure(CallingStatus.Rejected);
        CancelAllTimers();
        ClearLegs();
        SetStatus(i, PartyStatus.Disconnected, "CallReplied", answeredElsewhere: true);
        for (var k = 1; k < Parties.Length; k++)
            if (IsLive(Parties[k].Status) && IsRinging(Parties[k])) SetStatus(k, PartyStatus.Disconnected, answeredElsewhere: true);
        var steps = _s.Plan?.Steps ?? [];
        for (var step = _s.Step + 1; step < steps.Count; step++)
        {
            if (steps[step] is not Terminate { Kind: EndKind.VoiceMail } voicemail) continue;
            _s.Step = step;
            Terminate(voicemail);
            return null;
        }
        EndSession();
        return null;
    }

    /// <summary>
    /// A supervisor's device joins a connected call to listen: one supervisor at a time, on the whole
    /// call or party by party (the spec's dual channel). The agent must be in the conversation; the
    /// supervisor must not. The device answers at once (auto-answer).
    /// </summary>
    public Failure? Supervise(Supervise c)
    {
        if (c.Supervisor.ExtensionId is not { } supervisor) throw new ArgumentException("A supervisor is an extension.", nameof(c));
        if (c.PartyId is { } partyId)
        {
            var monitored = IndexOf(partyId);
            if (monitored < 0) return Missing(partyId);
            if (IsSupervisor(monitored)) return NotAllowed(monitored, "a supervisor's listening party is not supervised");
            if (!InConversation(monitored)) return NotAllowed(monitored, "only a party of a connected call (Answered or Hold) can be supervised");
        }
        else if (_s.Phase != CallPhase.Connected)
            return new Failure(CallError.InvalidState, "The call is not connected; only a connected call can be supervised.");
        if (ConversationPartyOf(c.AgentExtensionId) < 0)
            return new Failure(CallError.InvalidTarget, $"Extension {c.AgentExtensionId} has no answered party in this call.");
        if (ConversationPartyOf(supervisor) >= 0 || supervisor == c.AgentExtensionId)
            return new Failure(CallError.InvalidState, $"Extension {supervisor} takes part in this call; a supervisor listens to the calls of others.");
        foreach (var s in _s.Supervisions)
        {
            if (s.SupervisorExtensionId != supervisor)
                return new Failure(CallError.InvalidState, $"The call is already supervised by extension {s.SupervisorExtensionId}; a call has one supervisor at a time.");
            if (s.MonitoredPartyId is null || c.PartyId is null || s.MonitoredPartyId == c.PartyId)
                return new Failure(CallError.InvalidState, s.MonitoredPartyId is null ? "The call is already supervised." : $"Party {s.MonitoredPartyId} is already supervised.");
        }
        var agent = _s.Account.Extensions.TryGetValue(c.AgentExtensionId, out var ext)
            ? new CallEndpoint(ext.ExtensionNumber, ext.Name, ext.Id)
            : new CallEndpoint(null, null, c.AgentExtensionId);
        var index = Append(new Party(NextPartyId(), _s.Account.Id, supervisor, CallDirection.Outbound, c.Supervisor, agent, PartyStatus.Setup));
        SetStatus(index, PartyStatus.Answered, "Supervising");
        _s.Supervisions = [.. _s.Supervisions, new Supervision(Parties[index].Id, supervisor, c.PartyId)];
        return null;
    }

    /// <summary>
    /// The leaving side of a bridge: supervisors of this call hang up, the user's party and the party it
    /// talks to go Gone (AttendedTransfer) with their peers in the target session, and the call ends.
    /// </summary>
    public Failure? BridgeAway(BridgeAway c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (BridgeRefusal(i) is { } refused) return refused;
        var peer = PeerIndex(_s, i);
        if (peer < 0) return NotAllowed(i, "nobody else is in the conversation");
        for (var k = 0; k < Parties.Length; k++)
            if (IsSupervisor(k) && IsLive(Parties[k].Status)) SetStatus(k, PartyStatus.Disconnected);
        _s.Supervisions = [];
        Put(i, Parties[i] with { Status = PartyStatus.Gone, Reason = c.Reason, PeerId = c.TargetPartyId, PeerSession = c.Target });
        Put(peer, Parties[peer] with { Status = PartyStatus.Gone, Reason = c.Reason, PeerId = c.JoinedPartyId, PeerSession = c.Target });
        EndSession();
        return null;
    }

    /// <summary>The side that stays: the other call's talker joins Answered, then the user's party leaves (and whoever listened to it alone).</summary>
    public Failure? BridgeIn(BridgeIn c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (BridgeRefusal(i) is { } refused) return refused;
        if (Parties[i].ExtensionId != c.UserExtensionId)
            return new Failure(CallError.InvalidTarget, $"Party {c.PartyId} is not extension {c.UserExtensionId}'s; a user bridges two calls of their own.");
        var incoming = c.Incoming;
        Append(new Party(NextPartyId(), incoming.AccountId, incoming.ExtensionId, incoming.Direction, incoming.From, incoming.To, PartyStatus.Answered,
            Muted: incoming.Muted, StandAlone: incoming.StandAlone));
        var user = Parties[i].Id;
        foreach (var s in _s.Supervisions)
            if (s.MonitoredPartyId == user) SetStatus(IndexOf(s.PartyId), PartyStatus.Disconnected);
        _s.Supervisions = [.. _s.Supervisions.Where(s => s.MonitoredPartyId != user)];
        SetStatus(i, PartyStatus.Disconnected, "AttendedTransfer");
        return null;
    }

    /// <summary>The party the user's party <paramref name="partyId"/> talks to, which a bridge moves to the other call; null when none.</summary>
    internal static Party? BridgedPeer(SessionState state, string partyId)
    {
        for (var i = 0; i < state.Parties.Length; i++)
            if (state.Parties[i].Id == partyId) return PeerIndex(state, i) is >= 0 and var peer ? state.Parties[peer] : null;
        return null;
    }

    /// <summary>A supervisor leaves alone (hangs up, or is deleted): the call goes on.</summary>
    private void Unsupervise(int index)
    {
        var id = Parties[index].Id;
        SetStatus(index, PartyStatus.Disconnected);
        _s.Supervisions = [.. _s.Supervisions.Where(s => s.PartyId != id)];
    }

    private Failure? BridgeRefusal(int i)
    {
        if (IsSupervisor(i)) return NotAllowed(i, "a supervisor's listening party cannot be bridged");
        if (!InConversation(i)) return NotAllowed(i, "only a party of a connected call (Answered or Hold) can be bridged");
        if (Parties[i].ExtensionId is null)
            return new Failure(CallError.InvalidTarget, $"Party {Parties[i].Id} is not a user's; a user bridges two calls with their own parties.");
        return null;
    }

    private bool IsSupervisor(int index)
    {
        var id = Parties[index].Id;
        foreach (var s in _s.Supervisions)
            if (s.PartyId == id) return true;
        return false;
    }

    /// <summary>A party talking in a connected call: Answered or on Hold, not a supervisor.</summary>
    private bool InConversation(int index) => _s.Phase == CallPhase.Connected && IsTalking(_s, index);

    private int ConversationPartyOf(long extensionId)
    {
        if (_s.Phase != CallPhase.Connected) return -1;
        for (var i = 0; i < Parties.Length; i++)
            if (Parties[i].ExtensionId == extensionId && IsTalking(_s, i)) return i;
        return -1;
    }

    private static bool IsTalking(SessionState s, int index)
    {
        if (s.Parties[index].Status is not (PartyStatus.Answered or PartyStatus.Hold)) return false;
        foreach (var v in s.Supervisions)
            if (v.PartyId == s.Parties[index].Id) return false;
        return true;
    }

    private static int PeerIndex(SessionState s, int index)
    {
        for (var k = 0; k < s.Parties.Length; k++)
            if (k != index && IsTalking(s, k)) return k;
        return -1;
    }
}
