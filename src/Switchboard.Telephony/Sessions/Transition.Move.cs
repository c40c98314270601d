using System.Globalization;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;

namespace Switchboard.Telephony.Sessions;

// Call Control that moves a call: forward a ringing call, transfer, park and pick up, flip. As for the
// other commands, a refusal changes nothing: the target is resolved before anything is touched. The
// target is read in the account as it was when the call started (the session's snapshot).
internal sealed partial class Transition
{
    /// <summary>Where a moved call goes: the plan that runs next, and the number and extension it calls.</summary>
    private readonly record struct Move(RoutingPlan Plan, string Number, long? ExtensionId);

    /// <summary>
    /// Seed 004: "without answering the call", for Setup and Proceeding only. The party leaves
    /// (<c>BlindTransfer</c>, as the platform answers a forward), everything else that rings stops
    /// (<c>CallRedirected</c>, as a rule's forward), and the target's plan runs for the caller.
    /// </summary>
    public Failure? Forward(ForwardParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (_s.Phase != CallPhase.Ringing || i == _s.CallerIndex || !RingsNow(i)) return NotAllowed(i, "only a ringing party can be forwarded (an answered call is transferred)");
        if (c.Target.Kind == MoveTargetKind.ParkOrbit)
            return new Failure(CallError.InvalidTarget, "A ringing call is forwarded to a number, an extension or a voicemail; only an answered call is parked.");
        if (Resolve(c.Target, _s.Caller, out var move) is { } bad) return bad;
        SetStatus(i, PartyStatus.Disconnected, "BlindTransfer", answeredElsewhere: true);
        CloseRinging(keep: null, "CallRedirected");
        Hand(move);
        return null;
    }

    /// <summary>
    /// Blind transfer of an answered call: the party leaves (<c>BlindTransfer</c>) and the other side,
    /// still <c>Answered</c>, hears the target ring: an outside phone, an extension by its rules,
    /// a voicemail, or a park location.
    /// </summary>
    public Failure? Transfer(TransferParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (Movable(i, "transferred") is { } refused) return refused;
        var peer = PeerOf(i);
        var caller = SideOf(peer);
        if (Resolve(c.Target, caller, out var move) is { } bad) return bad;
        SetStatus(i, PartyStatus.Disconnected, "BlindTransfer");
        HandTo(peer, caller);
        Hand(move);
        return null;
    }

    /// <summary>
    /// The spec: "the users can park only their own incoming calls". The party shows <c>Parked</c>
    /// with the orbit (the mock responses of ringcentral-call-control); the other side waits, <c>Answered</c>.
    /// </summary>
    public Failure? Park(ParkParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (Movable(i, "parked") is { } refused) return refused;
        if (Parties[i].Direction != CallDirection.Inbound)
            return new Failure(CallError.InvalidState, $"Party {c.PartyId} placed this call; users park only their own incoming calls.");
        var peer = PeerOf(i);
        HandTo(peer, SideOf(peer));
        SetStatus(i, PartyStatus.Parked, park: new ParkInfo(c.Orbit));
        _s.Phase = CallPhase.Parked;
        return null;
    }

    /// <summary>
    /// A parked call (by <c>park</c>, a transfer to a park orbit, or a park location's rules) is taken
    /// on a device: the picker's party joins <c>Answered</c>, then the parked party is <c>Gone</c>
    /// (reason <c>Pickup</c>) with the picker's party as its peer (PLATFORM.md 2.8: "pickup from park").
    /// </summary>
    public Failure? PickUp(PickUpParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (_s.Phase != CallPhase.Parked || Parties[i].Status != PartyStatus.Parked) return NotAllowed(i, "only a parked call can be picked up");
        var picker = OwnerOfDevice(c.DeviceId);
        if (picker is null || (c.ExtensionId is { } only && picker.Id != only))
            return new Failure(CallError.InvalidTarget, c.ExtensionId is null ? $"Device {c.DeviceId} is not a device of the account." : $"Device {c.DeviceId} is not one of the user's devices.");
        if (!picker.Enabled) return new Failure(CallError.InvalidTarget, $"Extension {picker.ExtensionNumber}, the owner of device {c.DeviceId}, is disabled.");
        var taken = Add(picker.Id, CallDirection.Inbound, _s.Caller, LineOf(picker) with { DeviceId = c.DeviceId }, PartyStatus.Answered);
        Put(i, Parties[i] with { Status = PartyStatus.Gone, Reason = "Pickup", PeerId = Parties[taken].Id });
        _s.SystemPartyId = null;
        _s.Phase = CallPhase.Connected;
        return null;
    }

    /// <summary>
    /// The spec: "holding opposite party and calling to the specified target". The other side goes on
    /// <c>Hold</c>, the party leaves (<c>CallFlip</c>), and a new party of the same extension rings the
    /// flip number; when it answers the other side is <c>Answered</c> again. Unanswered in 60 s (or
    /// busy), the call ends.
    /// </summary>
    public Failure? Flip(FlipParty c)
    {
        var i = IndexOf(c.PartyId);
        if (i < 0) return Missing(c.PartyId);
        if (Movable(i, "flipped") is { } refused) return refused;
        var owner = _s.Account.Extensions.GetValueOrDefault(Parties[i].ExtensionId!.Value);
        ForwardingSnapshot? number = null;
        foreach (var f in owner?.Forwarding.Values ?? [])
            if (f.FlipNumber == c.FlipNumber) number = f;
        if (owner is null || number is null)
            return new Failure(CallError.TargetNotFound, $"The user of party {c.PartyId} has no call flip number {c.FlipNumber}.");
        RingLeg leg;
        if (number.DeviceId is { } deviceId)
        {
            var device = owner.Devices.FirstOrDefault(d => d.Id == deviceId);
            if (device is null || !device.Online)
                return new Failure(CallError.InvalidTarget, $"Call flip number {c.FlipNumber} is the line of device {deviceId}, which is {(device is null ? "no longer the user's" : "offline")}.");
            leg = new RingLeg(LegKind.Device, owner.Id, deviceId, null, TimeSpan.Zero);
        }
        else leg = new RingLeg(LegKind.OutsideNumber, owner.Id, null, number.PhoneNumber, TimeSpan.Zero);

        var peer = PeerOf(i);
        HandTo(peer, SideOf(peer));
        if (Parties[peer].Status == PartyStatus.Answered) SetStatus(peer, PartyStatus.Hold);
        SetStatus(i, PartyStatus.Disconnected, "CallFlip");
        var why = $"The call is flipped to {number.PhoneNumber} ({number.Label}), call flip number {c.FlipNumber}.";
        var plan = new RoutingPlan(owner.Id, "call-flip",
            [new Ring([leg], SessionRules.OutsideRingTimeout, why), new Terminate(EndKind.Disconnect, null, null, "Nobody answered the flip, so the call ends.")], [why]);
        Hand(new Move(plan, number.PhoneNumber, owner.Id));
        return null;
    }

    /// <summary>Null when the party may move its call: a party of an extension, answered or on hold, in a connected call.</summary>
    private Failure? Movable(int index, string done)
    {
        var p = Parties[index];
        if (p.Status is not (PartyStatus.Answered or PartyStatus.Hold) || _s.Phase != CallPhase.Connected || PeerOf(index) < 0)
            return NotAllowed(index, $"only an answered call (Answered or Hold) can be {done}");
        if (p.ExtensionId is null) return new Failure(CallError.InvalidState, $"Party {p.Id} is not a party of an extension; only a user's call can be {done}.");
        return null;
    }

    /// <summary>The other side of a connected call: the caller, or the party connected to them.</summary>
    private int PeerOf(int index)
    {
        if (index != _s.CallerIndex) return IsLive(Parties[_s.CallerIndex].Status) ? _s.CallerIndex : -1;
        for (var j = 0; j < Parties.Length; j++)
            if (j != index && Parties[j].Status is PartyStatus.Answered or PartyStatus.Hold) return j;
        return -1;
    }

    /// <summary>
    /// A party as the others see it once it is the caller: an extension by its caller id (as a call it
    /// places), an outside phone by its number.
    /// </summary>
    private CallEndpoint SideOf(int index)
    {
        if (index == _s.CallerIndex) return _s.Caller;
        var p = Parties[index];
        if (p.ExtensionId is { } id && _s.Account.Extensions.TryGetValue(id, out var extension))
            return LineOf(extension);
        return (p.Direction == CallDirection.Outbound ? p.From : p.To) with { DeviceId = null };
    }

    /// <summary>The call now runs for <paramref name="index"/>: it is the caller the next plan serves. A RingOut that connected stays a success.</summary>
    private void HandTo(int index, CallEndpoint caller)
    {
        _s.CallerIndex = index;
        _s.Caller = caller;
        if (_s.RingOut is { Reached: false } r) _s.RingOut = r with { Reached = true };
    }

    /// <summary>The target's plan replaces the current one and runs from its first step.</summary>
    private void Hand(Move move)
    {
        CancelAllTimers();
        ClearLegs();
        _s.SystemPartyId = null;
        _s.Plan = move.Plan;
        _s.Step = 0;
        _s.CalledNumber = move.Number;
        _s.CalledExtensionId = move.ExtensionId;
        _s.Phase = CallPhase.Ringing;
        RunPlan();
    }

    /// <summary>The plan for a forward or transfer target, routed for <paramref name="caller"/>; a failure when there is no such target or it takes no calls.</summary>
    private Failure? Resolve(MoveTarget target, CallEndpoint caller, out Move move)
    {
        move = default;
        var account = _s.Account;
        switch (target.Kind)
        {
            case MoveTargetKind.PhoneNumber:
                var star = target.Value.IndexOf('*', StringComparison.Ordinal);
                if (star >= 0)
                {
                    // Seed 004: the company's main number, '*' and an extension number ("+18882101932*104").
                    var main = target.Value[..star];
                    if (!account.Numbers.TryGetValue(main, out var line) || line.Kind != LineKind.MainCompanyNumber)
                        return new Failure(CallError.InvalidTarget, $"{main} is not the company's main number; the form is the main number, '*' and an extension number.");
                    var dialled = target.Value[(star + 1)..];
                    return ToExtension(account.ByExtensionNumber(dialled), $"extension number {dialled}", caller, out move);
                }
                if (!account.Numbers.ContainsKey(target.Value))
                {
                    move = new Move(OutsidePlan(target.Value, "the call was sent to an outside number"), target.Value, null);
                    return null;
                }
                // A number of the account (a user's direct number, as the guide suggests) is routed by its rules.
                var plan = _rules.Route(new RoutingRequest(account, caller.PhoneNumber ?? "", target.Value, caller.ExtensionId, _now));
                if (plan.Steps.Count == 0) return Unreachable(target.Value, plan);
                move = new Move(plan, target.Value, plan.ExtensionId);
                return null;
            case MoveTargetKind.ExtensionNumber:
                return ToExtension(account.ByExtensionNumber(target.Value), $"extension number {target.Value}", caller, out move);
            case MoveTargetKind.ExtensionId:
                return ToExtension(ById(target.Value), $"extension {target.Value}", caller, out move);
            case MoveTargetKind.Voicemail:
                if (ById(target.Value) is not { } box) return new Failure(CallError.TargetNotFound, $"Extension {target.Value} is not an extension of the account.");
                if (!box.Enabled || box.Kind is not (ExtensionKind.User or ExtensionKind.Department or ExtensionKind.TakeMessagesOnly or ExtensionKind.SharedLinesGroup))
                    return new Failure(CallError.InvalidTarget, $"Extension {box.ExtensionNumber} {(box.Enabled ? "has no voicemail" : "is disabled")}.");
                var why = $"The call goes to the voicemail of extension {box.ExtensionNumber}.";
                move = new Move(new RoutingPlan(box.Id, "voicemail", [new Terminate(EndKind.VoiceMail, box.Id, null, why)], [why]), box.DirectNumber ?? box.ExtensionNumber, box.Id);
                return null;
            case MoveTargetKind.ParkOrbit:
                if (ById(target.Value) is not { Kind: ExtensionKind.ParkLocation } lot) return new Failure(CallError.TargetNotFound, $"There is no park location {target.Value}.");
                if (!lot.Enabled) return new Failure(CallError.InvalidTarget, $"The park location {lot.ExtensionNumber} is disabled.");
                var parked = $"The call is parked at extension {lot.ExtensionNumber}.";
                move = new Move(new RoutingPlan(lot.Id, "park-location", [new Terminate(EndKind.Park, lot.Id, null, parked)], [parked]), lot.ExtensionNumber, lot.Id);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown target.");
        }
    }

    private Failure? ToExtension(ExtensionSnapshot? extension, string what, CallEndpoint caller, out Move move)
    {
        move = default;
        if (extension is null) return new Failure(CallError.TargetNotFound, $"There is no {what} in the account.");
        var plan = _rules.Route(new RoutingRequest(_s.Account, caller.PhoneNumber ?? "", extension.ExtensionNumber, caller.ExtensionId, _now, extension.Id));
        if (plan.Steps.Count == 0) return Unreachable($"Extension {extension.ExtensionNumber}", plan);
        move = new Move(plan, extension.DirectNumber ?? extension.ExtensionNumber, plan.ExtensionId ?? extension.Id);
        return null;
    }

    private static Failure Unreachable(string what, RoutingPlan plan) =>
        new(CallError.InvalidTarget, $"{what} takes no calls{(plan.Why.Count > 0 ? ": " + plan.Why[^1] : ".")}");

    private ExtensionSnapshot? ById(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? _s.Account.Extensions.GetValueOrDefault(value) : null;

    private ExtensionSnapshot? OwnerOfDevice(long deviceId)
    {
        foreach (var extension in _s.Account.Extensions.Values)
            if (HasDevice(extension, deviceId)) return extension;
        return null;
    }
}
