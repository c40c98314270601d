using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// RingOut: the user's own phone first, then the number called, as the second half of an outbound call.
internal sealed partial class Transition
{
    public Failure? StartRingOut(StartRingOut c)
    {
        if (Parties.Length != 0) return new Failure(CallError.InvalidState, "The call has already started.");
        if (!_s.Account.Extensions.TryGetValue(c.ExtensionId, out var ext) || !ext.Enabled || ext.Kind != ExtensionKind.User)
            return new Failure(CallError.InvalidTarget, $"Extension {c.ExtensionId} cannot make RingOut calls.");
        if (c.FromDeviceId is { } deviceId && !HasDevice(ext, deviceId))
            return new Failure(CallError.InvalidTarget, $"Device {deviceId} is not a device of extension {ext.Id}.");
        // The account's own numbers are routed by their rules; only a device's line can be the phone rung first.
        if (c.FromDeviceId is null && _s.Account.Numbers.ContainsKey(c.From))
            return new Failure(CallError.InvalidTarget, $"{c.From} is a number of the account; RingOut calls an outside phone or one of the user's devices first.");

        var callee = InternalTarget(c.To);
        _s.RingOut = new RingOutInfo(ext.Id);
        // The number called sees the user's own caller id, not the phone the user answered on.
        _s.Caller = new CallEndpoint(ext.DirectNumber ?? c.From, ext.Name, ext.Id);
        _s.CalledNumber = c.To;
        _s.CalledExtensionId = callee?.Id;
        _s.Phase = CallPhase.RingOutFirstLeg;
        // The platform shows the first leg as a call *to* the user's phone (Inbound, from the number
        // called): RingCentral's own widgets swap it back to Outbound for display.
        Add(ext.Id, CallDirection.Inbound, new CallEndpoint(c.To, callee?.Name, callee?.Id), new CallEndpoint(c.From, ext.Name, ext.Id, c.FromDeviceId), PartyStatus.Setup);
        SetStatus(0, PartyStatus.Proceeding);

        var phone = c.FromDeviceId is { } d ? _rules.Behaviours.OfDeviceRing(d) : _rules.Behaviours.OfNumber(c.From);
        switch (phone.Kind)
        {
            case BehaviourKind.AnswerAfter:
                if (phone.After <= TimeSpan.Zero)
                {
                    FirstLegAnswered();
                    return null;
                }
                StartTimer(TimerPurpose.DeviceAnswer, phone.After);
                break;
            case BehaviourKind.NeverAnswer:
                break;
            case BehaviourKind.Busy:
                FailFirstLeg("TargetBusy", CallingStatus.Busy);
                return null;
            case BehaviourKind.Reject:
                FailFirstLeg("Rejected", CallingStatus.Rejected);
                return null;
        }
        // Like any outside number, the user's phone rings until the platform gives up.
        StartTimer(TimerPurpose.StepTimeout, SessionRules.OutsideRingTimeout);
        return null;
    }

    /// <summary>The user answered their phone: the number called is dialled (routed when it is the account's).</summary>
    private void FirstLegAnswered()
    {
        SetStatus(0, PartyStatus.Answered);
        Dial();
    }

    /// <summary>The user's phone was busy, rejected the call, or was never answered: the RingOut ends there.</summary>
    private void FailFirstLeg(string? reason, CallingStatus status)
    {
        _s.RingOut = _s.RingOut! with { CallerFailure = status };
        EndSession(reason);
    }

    /// <summary>How the second leg failed, kept until the call ends (it counts only if nothing answers after it).</summary>
    private void NoteCalleeFailure(CallingStatus status)
    {
        if (_s.RingOut is { } r && _s.Phase == CallPhase.Ringing) _s.RingOut = r with { CalleeFailure = status };
    }

    private void SettleRingOut()
    {
        if (_s.RingOut is { Final: null } r) _s.RingOut = r.Ending(_s.Phase);
    }
}
