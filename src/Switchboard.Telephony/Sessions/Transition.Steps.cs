using Switchboard.Telephony.Routing;

namespace Switchboard.Telephony.Sessions;

// The plan's waiting steps and how they end: a leg answers or drops, a menu, a terminating action, the end.
internal sealed partial class Transition
{
    /// <summary>The first leg to answer takes the call; every other leg and ringing party stops.</summary>
    private void AnswerLeg(int key)
    {
        var party = IndexOf(_s.Legs[key].PartyId!);
        CancelAllTimers();
        ClearLegs();
        _s.Phase = CallPhase.Connected;
        SetStatus(party, PartyStatus.Answered);
        for (var i = 0; i < Parties.Length; i++)
            if (i != party && i != _s.CallerIndex && IsLive(Parties[i].Status) && IsRinging(Parties[i])) SetStatus(i, PartyStatus.Disconnected, answeredElsewhere: true);
        // The caller (on hold while a flip rings) is connected.
        if (Parties[_s.CallerIndex].Status != PartyStatus.Answered) SetStatus(_s.CallerIndex, PartyStatus.Answered);
    }

    /// <summary>
    /// A leg stops ringing (declined, busy, rejected). Its party ends with it unless another of its legs
    /// still rings or it is the called extension's own party, which waits for the plan's next step.
    /// True when nothing rings or waits to ring any more.
    /// </summary>
    private bool DropLeg(int key, string? reason)
    {
        var leg = _s.Legs[key];
        if (leg.Status == LegStatus.Dropped) return LegsExhausted();
        SetLeg(key, LegStatus.Dropped, leg.PartyId);
        CancelLegTimers(key);
        NoteCalleeFailure(reason == "TargetBusy" ? CallingStatus.Busy : CallingStatus.Rejected);
        if (leg.PartyId is { } partyId)
        {
            var stillRings = false;
            foreach (var l in _s.Legs) stillRings |= l.Status == LegStatus.Ringing && l.PartyId == partyId;
            var index = IndexOf(partyId);
            if (!stillRings && !IsMainParty(Parties[index]) && IsLive(Parties[index].Status)) SetStatus(index, PartyStatus.Disconnected, reason);
        }
        return LegsExhausted();
    }

    /// <summary>An IVR menu takes the call (2.9: the menu's party Setup, the caller Answered) and waits for digits.</summary>
    private void StartMenu(CollectDigits menu)
    {
        CloseRinging(keep: null);
        _s.Phase = CallPhase.Menu;
        var index = Add(menu.MenuExtensionId, CallDirection.Inbound, _s.Caller, EndpointOf(menu.MenuExtensionId), PartyStatus.Setup);
        _s.SystemPartyId = Parties[index].Id;
        if (Parties[_s.CallerIndex].Status != PartyStatus.Answered) SetStatus(_s.CallerIndex, PartyStatus.Answered);
        StartTimer(TimerPurpose.StepTimeout, menu.Timeout);
    }

    private void CloseSystemParty(string? reason)
    {
        if (_s.SystemPartyId is not { } id) return;
        var index = IndexOf(id);
        if (index >= 0 && IsLive(Parties[index].Status)) SetStatus(index, PartyStatus.Disconnected, reason);
        _s.SystemPartyId = null;
    }

    /// <summary>How the plan ends; true when a new plan replaced this one and runs on.</summary>
    private bool Terminate(Terminate end)
    {
        CancelAllTimers();
        ClearLegs();
        switch (end.Kind)
        {
            case EndKind.VoiceMail:
                if ((end.ExtensionId ?? _s.Plan?.ExtensionId) is not { } mailbox) break;
                CloseRinging(keep: mailbox);
                var vm = LivePartyOf(mailbox) ?? Add(mailbox, CallDirection.Inbound, _s.Caller, EndpointOf(mailbox), PartyStatus.Setup);
                SetStatus(vm, PartyStatus.VoiceMail);
                AnswerCaller(CallPhase.VoiceMail);
                return false;
            case EndKind.ForwardToExtension:
                CloseRinging(keep: null, "CallRedirected");
                if (end.ExtensionId is { } to && _s.Account.Extensions.TryGetValue(to, out var target) && target.Enabled)
                    return Reroute(target);
                break;
            case EndKind.ForwardToNumber:
                CloseRinging(keep: null, "CallRedirected");
                if (end.PhoneNumber is not { } number || ++_s.Reroutes > SessionRules.MaxReroutes) break;
                _s.Plan = OutsidePlan(number, end.Why);
                _s.Step = 0;
                return true;
            case EndKind.PlayAnnouncement:
                var announcer = end.ExtensionId ?? _s.Plan?.ExtensionId;
                CloseRinging(keep: announcer);
                if (announcer is { } a)
                {
                    var index = LivePartyOf(a) ?? Add(a, CallDirection.Inbound, _s.Caller, EndpointOf(a), PartyStatus.Setup);
                    _s.SystemPartyId = Parties[index].Id;
                }
                AnswerCaller(CallPhase.Announcement);
                StartTimer(TimerPurpose.StepTimeout, SessionRules.AnnouncementLength);
                return false;
            case EndKind.Park:
                CloseRinging(keep: null);
                if (end.ExtensionId is not { } lot) break;
                var parked = Add(lot, CallDirection.Inbound, _s.Caller, EndpointOf(lot), PartyStatus.Setup);
                var orbit = _s.Account.Extensions.TryGetValue(lot, out var location) ? location.ExtensionNumber : lot.ToString(System.Globalization.CultureInfo.InvariantCulture);
                SetStatus(parked, PartyStatus.Parked, park: new ParkInfo("*" + orbit));
                AnswerCaller(CallPhase.Parked);
                return false;
            case EndKind.Disconnect:
                break;
        }
        EndSession();
        return false;
    }

    private int? LivePartyOf(long extensionId)
    {
        for (var i = 0; i < Parties.Length; i++)
            if (i != _s.CallerIndex && Parties[i].ExtensionId == extensionId && Parties[i].Direction == CallDirection.Inbound && IsLive(Parties[i].Status)) return i;
        return null;
    }

    private void AnswerCaller(CallPhase phase)
    {
        _s.Phase = phase;
        if (Parties[_s.CallerIndex].Status != PartyStatus.Answered) SetStatus(_s.CallerIndex, PartyStatus.Answered);
    }

    /// <summary>
    /// The call ends: every other party first, in the order they joined, then the caller last, as the
    /// captures show (PLATFORM.md 2.9, the outbound capture's last event), whoever hung up.
    /// </summary>
    private void EndSession(string? callerReason = null)
    {
        SettleRingOut();
        CancelAllTimers();
        ClearLegs();
        var caller = _s.CallerIndex;
        for (var i = 0; i < Parties.Length; i++)
            if (i != caller && IsLive(Parties[i].Status)) SetStatus(i, PartyStatus.Disconnected);
        if (Parties.Length > 0 && IsLive(Parties[caller].Status)) SetStatus(caller, PartyStatus.Disconnected, callerReason);
        _s.SystemPartyId = null;
        _s.Phase = CallPhase.Ended;
    }
}
