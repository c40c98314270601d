using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// One method per command; each returns a failure (and the transition is thrown away) or null.
internal sealed partial class Transition
{
    public Failure? StartInbound(StartInbound c)
    {
        if (Parties.Length != 0) return new Failure(CallError.InvalidState, "The call has already started.");
        var plan = _rules.Route(new RoutingRequest(_s.Account, c.From, c.To, null, _now));
        _s.Caller = new CallEndpoint(c.From);
        _s.CalledNumber = c.To;
        _s.CalledExtensionId = plan.ExtensionId;
        var callee = plan.ExtensionId is { } id && _s.Account.Extensions.TryGetValue(id, out var ext) ? ext : null;
        // The caller's party is the account's view of the outside leg: account path, no extension (2.9).
        Add(null, CallDirection.Outbound, _s.Caller, new CallEndpoint(c.To, callee?.Name, callee?.Id), PartyStatus.Setup);
        _s.Plan = plan;
        _s.Phase = CallPhase.Ringing;
        RunPlan();
        return null;
    }

    public Failure? StartFromDevice(StartFromDevice c)
    {
        if (Parties.Length != 0) return new Failure(CallError.InvalidState, "The call has already started.");
        if (Dialler(c.ExtensionId, c.DeviceId, out var ext) is { } refused) return refused;
        var callee = InternalTarget(c.To);
        _s.Caller = LineOf(ext);
        _s.CalledNumber = c.To;
        _s.CalledExtensionId = callee?.Id;
        Add(ext.Id, CallDirection.Outbound, _s.Caller with { DeviceId = c.DeviceId }, new CallEndpoint(c.To, callee?.Name, callee?.Id), PartyStatus.Setup);
        _s.Phase = CallPhase.DeviceSetup;
        var own = c.DeviceId is { } d ? _rules.Behaviours.OfDeviceOutbound(d) : CallBehaviours.DeviceOutboundDefault;
        switch (own.Kind)
        {
            case BehaviourKind.AnswerAfter:
                if (own.After <= TimeSpan.Zero) Dial();
                else StartTimer(TimerPurpose.DeviceAnswer, own.After);
                break;
            case BehaviourKind.NeverAnswer:
                break;
            case BehaviourKind.Busy:
                EndSession("TargetBusy");
                break;
            case BehaviourKind.Reject:
                EndSession("Rejected");
                break;
        }
        return null;
    }

    /// <summary>The extension placing a call from one of its devices (any, when <paramref name="deviceId"/> is null); a refusal otherwise.</summary>
    private Failure? Dialler(long extensionId, long? deviceId, out ExtensionSnapshot ext)
    {
        if (!_s.Account.Extensions.TryGetValue(extensionId, out ext!) || !ext.Enabled)
            return new Failure(CallError.InvalidTarget, $"Extension {extensionId} cannot place calls.");
        if (deviceId is { } device && !HasDevice(ext, device))
            return new Failure(CallError.InvalidTarget, $"Device {device} is not a device of extension {ext.Id}.");
        return null;
    }

    /// <summary>An extension as the other side of its calls sees it: its direct number (else its extension number), name and id.</summary>
    private static CallEndpoint LineOf(ExtensionSnapshot ext) => new(ext.DirectNumber ?? ext.ExtensionNumber, ext.Name, ext.Id);

    private static bool HasDevice(ExtensionSnapshot ext, long deviceId)
    {
        foreach (var d in ext.Devices)
            if (d.Id == deviceId) return true;
        return false;
    }

    /// <summary>The extension a dialled extension number or account number reaches; null for an outside number.</summary>
    private ExtensionSnapshot? InternalTarget(string to)
    {
        if (_s.Account.ByExtensionNumber(to) is { } byNumber) return byNumber;
        if (_s.Account.Numbers.TryGetValue(to, out var n) && n.ExtensionId is { } id && _s.Account.Extensions.TryGetValue(id, out var ext)) return ext;
        return null;
    }

    /// <summary>The caller's device has its leg: the far end is dialled (routed when it is the account's).</summary>
    private void Dial()
    {
        CancelAllTimers();
        var inside = _s.Account.Numbers.ContainsKey(_s.CalledNumber) || _s.Account.ByExtensionNumber(_s.CalledNumber) is not null;
        _s.Plan = inside
            ? _rules.Route(new RoutingRequest(_s.Account, _s.Caller.PhoneNumber ?? "", _s.CalledNumber, _s.Caller.ExtensionId, _now))
            : OutsidePlan(_s.CalledNumber, "an outside number was dialled");
        _s.Step = 0;
        _s.Phase = CallPhase.Ringing;
        // A refused call (a fax number, a disabled extension) never rings: the RingOut's second leg fails.
        if (_s.Plan.Steps.Count == 0) NoteCalleeFailure(CallingStatus.GenericError);
        RunPlan();
    }

    public Failure? Answer(AnswerParty c) => Answer(c.PartyId, c.DeviceId);

    private Failure? Answer(string partyId, long? deviceId)
    {
        var i = IndexOf(partyId);
        if (i < 0) return new Failure(CallError.PartyNotFound, $"Party {partyId} is not in this call.");
        var party = Parties[i];
        if (_s.Phase == CallPhase.DeviceSetup && i == 0)
        {
            if (deviceId is { } own && party.From.DeviceId is { } placed && own != placed)
                return new Failure(CallError.InvalidTarget, $"The call was placed from device {placed}.");
            Dial();
            return null;
        }
        if (_s.Phase == CallPhase.RingOutFirstLeg && i == 0)
        {
            if (deviceId is { } own && party.To.DeviceId is { } rung && own != rung)
                return new Failure(CallError.InvalidTarget, $"The RingOut rings device {rung}.");
            FirstLegAnswered();
            return null;
        }
        if (_s.Phase != CallPhase.Ringing || !IsRinging(party)) return new Failure(CallError.InvalidState, $"Party {partyId} is not ringing.");
        var chosen = -1;
        foreach (var leg in _s.Legs)
        {
            if (leg.Status != LegStatus.Ringing || leg.PartyId != partyId) continue;
            if (deviceId is null || (leg.Leg.Kind == LegKind.Device && leg.Leg.DeviceId == deviceId))
            {
                chosen = leg.Key;
                break;
            }
            if (chosen < 0) chosen = leg.Key;
        }
        if (chosen < 0) return new Failure(CallError.InvalidState, $"Party {partyId} is not ringing.");
        if (deviceId is { } device && !(party.ExtensionId is { } e && _s.Account.Extensions.TryGetValue(e, out var ext) && HasDevice(ext, device)))
            return new Failure(CallError.InvalidTarget, $"Device {device} cannot answer party {partyId}.");
        AnswerLeg(chosen);
        return null;
    }

    public Failure? Decline(DeclineParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return new Failure(CallError.PartyNotFound, $"Party {c.PartyId} is not in this call.");
        if (_s.Phase == CallPhase.DeviceSetup && i == 0)
        {
            EndSession("Rejected");
            return null;
        }
        if (_s.Phase == CallPhase.RingOutFirstLeg && i == 0)
        {
            FailFirstLeg("Rejected", CallingStatus.Rejected);
            return null;
        }
        return StopRinging(c.PartyId, deviceId: null);
    }

    /// <summary>
    /// The party's ringing legs (only those of one device when <paramref name="deviceId"/> is set) stop;
    /// when nothing rings any more the plan moves on to its next step.
    /// </summary>
    private Failure? StopRinging(string partyId, long? deviceId)
    {
        var rings = false;
        foreach (var leg in _s.Legs) rings |= leg.Status == LegStatus.Ringing && leg.PartyId == partyId && OnDevice(leg.Leg, deviceId);
        if (_s.Phase != CallPhase.Ringing || !rings)
            return new Failure(CallError.InvalidState, deviceId is null ? $"Party {partyId} is not ringing." : $"Party {partyId} is not ringing on device {deviceId}.");
        var exhausted = false;
        foreach (var leg in _s.Legs)
            if (leg.Status == LegStatus.Ringing && leg.PartyId == partyId && OnDevice(leg.Leg, deviceId)) exhausted = DropLeg(leg.Key, null);
        if (exhausted) NextStep();
        return null;
    }

    private static bool OnDevice(RingLeg leg, long? deviceId) => deviceId is null || (leg.Kind == LegKind.Device && leg.DeviceId == deviceId);

    public Failure? HangUp(HangUpParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return new Failure(CallError.PartyNotFound, $"Party {c.PartyId} is not in this call.");
        if (!IsLive(Parties[i].Status)) return new Failure(CallError.InvalidState, $"Party {c.PartyId} has already left the call.");
        if (_s.Conference is not null) return LeaveConference(i, keepAlive: false);
        if (IsSupervisor(i))
        {
            Unsupervise(i); // a supervisor hanging up leaves the call to its parties
            return null;
        }
        // A ringing phone hung up is a decline: the rest of the call goes on.
        if (i != _s.CallerIndex && _s.Phase == CallPhase.Ringing && IsRinging(Parties[i]) && Decline(new DeclineParty(c.PartyId)) is null) return null;
        if (i == 0 && _s.Phase == CallPhase.RingOutFirstLeg)
        {
            FailFirstLeg("Rejected", CallingStatus.Rejected);
            return null;
        }
        // The guide: the user dropping the first leg while the second rings leaves the second 'Rejected'.
        if (i == 0) NoteCalleeFailure(CallingStatus.Rejected);
        EndSession();
        return null;
    }

    public Failure? Digits(SendDigits c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return new Failure(CallError.PartyNotFound, $"Party {c.PartyId} is not in this call.");
        if (_s.Phase != CallPhase.Menu) return null; // keys pressed in a conversation are only heard
        if (i != _s.CallerIndex) return new Failure(CallError.InvalidState, "Only the caller chooses in a menu.");
        var target = _s.Account.ByExtensionNumber(c.Digits.Trim().TrimEnd('#'));
        if (target is null || !target.Enabled) return null; // an unknown choice: the menu keeps waiting
        CancelAllTimers();
        CloseSystemParty("CallerInputRedirect");
        if (Reroute(target)) RunPlan();
        return null;
    }

    public Failure? Timer(TimerFired c)
    {
        if (!TakeTimer(c.Token, out var timer)) return null;
        switch (timer.Purpose)
        {
            case TimerPurpose.StepTimeout:
                if (_s.Phase == CallPhase.RingOutFirstLeg)
                {
                    FailFirstLeg(null, CallingStatus.NoAnswer);
                    break;
                }
                if (_s.Phase == CallPhase.Announcement)
                {
                    EndSession();
                    break;
                }
                if (_s.Phase == CallPhase.Menu) CloseSystemParty("Timeout");
                NextStep();
                break;
            case TimerPurpose.LegJoin:
                if (_s.Legs[timer.LegKey].Status != LegStatus.Waiting) break;
                RingLegNow(timer.LegKey);
                if (_s.Phase == CallPhase.Ringing && LegsExhausted()) NextStep();
                break;
            case TimerPurpose.LegAnswer:
                if (_s.Legs[timer.LegKey].Status == LegStatus.Ringing) AnswerLeg(timer.LegKey);
                break;
            case TimerPurpose.DeviceAnswer:
                if (_s.Phase == CallPhase.DeviceSetup) Dial();
                else if (_s.Phase == CallPhase.RingOutFirstLeg) FirstLegAnswered();
                break;
            case TimerPurpose.ConferenceJoin:
                ConferenceJoinTimedOut();
                break;
        }
        return null;
    }
}
