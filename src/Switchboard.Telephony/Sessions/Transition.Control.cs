using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// Call Control: the API acting on a live call. A command the party's state does not allow is refused
// with InvalidState (409 TAS-102 on the API) and changes nothing; the table is in docs/compat.md.
internal sealed partial class Transition
{
    /// <summary>
    /// Everyone is disconnected, the caller last. A RingOut dropped is a RingOut cancelled: while the
    /// user's phone rings it fails as rejected, afterwards the number called is left 'Rejected' if it rang.
    /// </summary>
    public Failure? Drop()
    {
        if (_s.Phase == CallPhase.RingOutFirstLeg)
        {
            FailFirstLeg("Rejected", CallingStatus.Rejected);
            return null;
        }
        NoteCalleeFailure(CallingStatus.Rejected);
        EndSession();
        return null;
    }

    /// <summary>
    /// Only a ringing party of an extension, on a device of that extension. The device need not be one
    /// that rings: the platform connects the call to the device named (forwarding numbers included).
    /// </summary>
    public Failure? AnswerOnDevice(AnswerOnDevice c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (!RingsNow(i)) return NotAllowed(i, "only a ringing party can be answered");
        if (!DeviceOf(Parties[i], c.DeviceId)) return NotItsDevice(c.PartyId, c.DeviceId);
        return Answer(c.PartyId, c.DeviceId);
    }

    /// <summary>The held party shows Hold; its peer stays Answered and gets no event (PLATFORM.md 2.9, seq 9 and 10).</summary>
    public Failure? Hold(HoldParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (Parties[i].Status != PartyStatus.Answered || _s.Phase != CallPhase.Connected)
            return NotAllowed(i, "only an answered party of a connected call can be put on hold");
        if (IsSupervisor(i)) return NotAllowed(i, "a supervisor's listening party is not put on hold");
        SetStatus(i, PartyStatus.Hold);
        return null;
    }

    public Failure? Unhold(UnholdParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (Parties[i].Status != PartyStatus.Hold) return NotAllowed(i, "only a party on hold can be taken off hold");
        SetStatus(i, PartyStatus.Answered);
        return null;
    }

    /// <summary>Muted and stand-alone, for a party of a connected call. An update that changes nothing publishes nothing.</summary>
    public Failure? Update(UpdateParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        var party = Parties[i];
        if (party.Status is not (PartyStatus.Answered or PartyStatus.Hold) || _s.Phase != CallPhase.Connected)
            return NotAllowed(i, "only a party of a connected call (Answered or Hold) can be muted or made stand-alone");
        var muted = c.Muted ?? party.Muted;
        var standAlone = c.StandAlone ?? party.StandAlone;
        if (muted != party.Muted || standAlone != party.StandAlone) Put(i, party with { Muted = muted, StandAlone = standAlone });
        return null;
    }

    /// <summary>
    /// Seed 004: reject works as Ignore in the desktop app: the caller hears ringing until another
    /// phone of the plan answers or voicemail takes the call. The party stops ringing; a RingOut whose
    /// user rejects their own phone ends there.
    /// </summary>
    public Failure? Reject(RejectParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (!RingsNow(i)) return NotAllowed(i, "only a ringing party can be rejected");
        if (_s.Phase == CallPhase.RingOutFirstLeg && i == 0)
        {
            FailFirstLeg("Rejected", CallingStatus.Rejected);
            return null;
        }
        return StopRinging(c.PartyId, deviceId: null);
    }

    /// <summary>One device stops ringing; the party's other phones go on. With none left, as a reject.</summary>
    public Failure? Ignore(IgnoreParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (!RingsNow(i)) return NotAllowed(i, "only a ringing party can be ignored");
        if (!DeviceOf(Parties[i], c.DeviceId)) return NotItsDevice(c.PartyId, c.DeviceId);
        if (_s.Phase == CallPhase.RingOutFirstLeg && i == 0)
        {
            if (Parties[i].To.DeviceId != c.DeviceId) return new Failure(CallError.InvalidState, $"Party {c.PartyId} is not ringing on device {c.DeviceId}.");
            FailFirstLeg("Rejected", CallingStatus.Rejected);
            return null;
        }
        return StopRinging(c.PartyId, c.DeviceId);
    }

    /// <summary>
    /// The party leaves the call. Switchboard's calls have two sides, so the call ends for everyone
    /// (the guide's "Ending Calls"); a supervisor leaves alone. A ringing party is rejected, not deleted.
    /// </summary>
    public Failure? Remove(RemoveParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (_s.Conference is not null) return LeaveConference(i, c.KeepConferenceAlive);
        if (!IsLive(Parties[i].Status)) return NotAllowed(i, "it has already left the call");
        if (RingsNow(i)) return NotAllowed(i, "a ringing party is rejected (POST .../reject), not deleted");
        if (IsSupervisor(i))
        {
            Unsupervise(i); // the supervisor stops listening; the call goes on
            return null;
        }
        if (i == 0) NoteCalleeFailure(CallingStatus.Rejected);
        EndSession();
        return null;
    }

    /// <summary>A phone rings for the party: an inbound party in Setup or Proceeding that is not a menu, announcement or park location.</summary>
    private bool RingsNow(int index) => IsRinging(Parties[index]) && Parties[index].Id != _s.SystemPartyId;

    private bool DeviceOf(Party party, long deviceId) =>
        party.ExtensionId is { } e && _s.Account.Extensions.TryGetValue(e, out var extension) && HasDevice(extension, deviceId);

    private static Failure Missing(string partyId) => new(CallError.PartyNotFound, $"Party {partyId} is not in this call.");

    private Failure NotAllowed(int index, string rule) => new(CallError.InvalidState, $"Party {Parties[index].Id} is {Parties[index].Status}; {rule}.");

    private static Failure NotItsDevice(string partyId, long deviceId) =>
        new(CallError.InvalidTarget, $"Device {deviceId} is not a device of the extension party {partyId} rings for.");
}
