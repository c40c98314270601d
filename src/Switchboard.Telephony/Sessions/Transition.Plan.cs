using Switchboard.Telephony.Routing;

namespace Switchboard.Telephony.Sessions;

// Running the routing plan: step after step until one waits (rings, a menu, voicemail...) or the call ends.
internal sealed partial class Transition
{
    /// <summary>The plan for a call to an outside number: it rings until the platform gives up, then the call ends.</summary>
    internal static RoutingPlan OutsidePlan(string phoneNumber, string why) => new(
        null, "outside-number",
        [
            new Ring([new RingLeg(LegKind.OutsideNumber, null, null, phoneNumber, TimeSpan.Zero)], SessionRules.OutsideRingTimeout, why),
            new Terminate(EndKind.Disconnect, null, null, "nobody answered"),
        ],
        [why]);

    private void RunPlan()
    {
        while (_s.Phase is not (CallPhase.Connected or CallPhase.Ended))
        {
            var steps = _s.Plan?.Steps;
            if (steps is null || _s.Step >= steps.Count)
            {
                EndSession();
                return;
            }
            switch (steps[_s.Step])
            {
                // Prompts and screening take no virtual time and show no party change (no audio is simulated).
                case PlayPrompt or ScreenCaller:
                    _s.Step++;
                    break;
                case Ring ring:
                    if (StartRing(ring)) return;
                    _s.Step++;
                    break;
                case CollectDigits menu:
                    StartMenu(menu);
                    return;
                case Terminate end:
                    if (!Terminate(end)) return;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown plan step {steps[_s.Step].GetType().Name}.");
            }
        }
    }

    /// <summary>The current step is over (timed out, or nothing rings any more): on to the next.</summary>
    private void NextStep()
    {
        CancelAllTimers();
        ClearLegs();
        _s.Step++;
        RunPlan();
    }

    /// <summary>A new plan replaces the current one (a forward, an IVR choice); false when the call ended instead.</summary>
    private bool Reroute(Routing.ExtensionSnapshot extension)
    {
        if (++_s.Reroutes > SessionRules.MaxReroutes)
        {
            EndSession();
            return false;
        }
        _s.Plan = _rules.Route(new RoutingRequest(_s.Account, _s.Caller.PhoneNumber ?? "", extension.ExtensionNumber, _s.Caller.ExtensionId, _now, extension.Id));
        _s.Step = 0;
        return true;
    }

    /// <summary>Starts a ring step; false when nothing can ring (every leg busy at once), so the plan moves on.</summary>
    private bool StartRing(Ring ring)
    {
        _s.Phase = CallPhase.Ringing;
        CloseRingingNotIn(ring);
        var legs = new LegRun[ring.Legs.Count];
        for (var i = 0; i < legs.Length; i++)
            legs[i] = new LegRun(i, ring.Legs[i], null, ring.Legs[i].Offset < ring.Duration ? LegStatus.Waiting : LegStatus.Dropped);
        _s.Legs = legs;
        _legsOwned = true;
        for (var i = 0; i < legs.Length && _s.Phase == CallPhase.Ringing; i++)
        {
            var leg = _s.Legs[i];
            if (leg.Status != LegStatus.Waiting) continue;
            if (leg.Leg.Offset > TimeSpan.Zero) StartTimer(TimerPurpose.LegJoin, leg.Leg.Offset, i);
            else RingLegNow(i);
        }
        if (_s.Phase != CallPhase.Ringing) return true; // answered at once
        if (LegsExhausted())
        {
            CancelAllTimers();
            ClearLegs();
            return false;
        }
        StartTimer(TimerPurpose.StepTimeout, ring.Duration);
        return true;
    }

    /// <summary>A leg starts ringing: its party appears (Setup, Proceeding) and its phone's behaviour is scripted.</summary>
    private void RingLegNow(int key)
    {
        var leg = _s.Legs[key].Leg;
        var party = RingingPartyFor(leg);
        SetLeg(key, LegStatus.Ringing, Parties[party].Id);
        var behaviour = leg.Kind switch
        {
            LegKind.Device => leg.DeviceId is { } d ? _rules.Behaviours.OfDeviceRing(d) : Runtime.CallBehaviours.DeviceRingDefault,
            LegKind.Apps => Runtime.CallBehaviours.DeviceRingDefault,
            LegKind.OutsideNumber => _rules.Behaviours.OfNumber(leg.PhoneNumber ?? ""),
        };
        switch (behaviour.Kind)
        {
            case Runtime.BehaviourKind.AnswerAfter:
                if (behaviour.After <= TimeSpan.Zero) AnswerLeg(key);
                else StartTimer(TimerPurpose.LegAnswer, behaviour.After, key);
                break;
            case Runtime.BehaviourKind.NeverAnswer:
                break;
            case Runtime.BehaviourKind.Busy:
                DropLeg(key, "TargetBusy");
                break;
            case Runtime.BehaviourKind.Reject:
                DropLeg(key, "Rejected");
                break;
        }
    }

    /// <summary>Whose party a leg rings for: its extension (a user's forwarding numbers ring for the user), or the number itself.</summary>
    private long? OwnerOf(RingLeg leg) => leg.ExtensionId ?? _s.Plan?.ExtensionId;

    private bool IsMainParty(Party p) => p.ExtensionId is { } e && e == _s.Plan?.ExtensionId && p.Direction == CallDirection.Inbound;

    private int RingingPartyFor(RingLeg leg)
    {
        var owner = OwnerOf(leg);
        for (var i = 0; i < Parties.Length; i++)
        {
            var p = Parties[i];
            if (i == _s.CallerIndex || !IsLive(p.Status) || p.Direction != CallDirection.Inbound) continue;
            if (owner is not null ? p.ExtensionId == owner : p.ExtensionId is null && p.To.PhoneNumber == leg.PhoneNumber)
            {
                if (p.Status == PartyStatus.Setup) SetStatus(i, PartyStatus.Proceeding);
                return i;
            }
        }
        int index;
        if (owner is { } id)
        {
            index = Add(id, CallDirection.Inbound, _s.Caller, EndpointOf(id), PartyStatus.Setup);
            SetStatus(index, PartyStatus.Proceeding);
        }
        else
        {
            // An outside phone: the platform shows its party (account, no extension) from Proceeding on.
            index = Add(null, CallDirection.Inbound, _s.Caller, new CallEndpoint(leg.PhoneNumber), PartyStatus.Proceeding);
        }
        if (Parties[_s.CallerIndex].Status == PartyStatus.Setup) SetStatus(_s.CallerIndex, PartyStatus.Proceeding);
        return index;
    }

    private CallEndpoint EndpointOf(long extensionId)
    {
        if (!_s.Account.Extensions.TryGetValue(extensionId, out var ext)) return new CallEndpoint(_s.CalledNumber, null, extensionId);
        var number = ext.Id == _s.CalledExtensionId ? _s.CalledNumber : ext.DirectNumber ?? ext.ExtensionNumber;
        return new CallEndpoint(number, ext.Name, ext.Id);
    }

    private bool LegsExhausted()
    {
        foreach (var l in _s.Legs)
            if (l.Status != LegStatus.Dropped) return false;
        return true;
    }

    /// <summary>Ringing parties that the new ring step does not ring stop (the called extension's own party stays).</summary>
    private void CloseRingingNotIn(Ring ring)
    {
        for (var i = 0; i < Parties.Length; i++)
        {
            var p = Parties[i];
            if (i == _s.CallerIndex || !IsLive(p.Status) || !IsRinging(p) || IsMainParty(p)) continue;
            var rung = false;
            foreach (var leg in ring.Legs)
            {
                var owner = OwnerOf(leg);
                rung |= owner is not null ? p.ExtensionId == owner : p.ExtensionId is null && p.To.PhoneNumber == leg.PhoneNumber;
            }
            if (!rung) SetStatus(i, PartyStatus.Disconnected);
        }
    }

    /// <summary>Every ringing or waiting party but <paramref name="keep"/>'s stops.</summary>
    private void CloseRinging(long? keep, string? reason = null)
    {
        for (var i = 0; i < Parties.Length; i++)
        {
            var p = Parties[i];
            if (i != _s.CallerIndex && IsLive(p.Status) && IsRinging(p) && (keep is null || p.ExtensionId != keep)) SetStatus(i, PartyStatus.Disconnected, reason);
        }
    }
}
