namespace Switchboard.Telephony.Sessions;

// Call Control that moves a call elsewhere: forward a ringing call, transfer, park and pick up,
// flip. The rules are in Transition.Move.cs and docs/compat.md; the events in docs/telephony.md.

/// <summary>How a forward or transfer names where the call goes (the spec's ForwardTarget and TransferTarget).</summary>
public enum MoveTargetKind
{
    /// <summary>An E.164 number: an outside phone, or a number of the account (routed by its rules); or the company's main number, '*' and an extension number.</summary>
    PhoneNumber,
    ExtensionNumber,
    /// <summary>An extension by its id, routed by its rules.</summary>
    ExtensionId,
    /// <summary>Straight to the voicemail of the extension with this id.</summary>
    Voicemail,
    /// <summary>The park location extension with this id (transfer only).</summary>
    ParkOrbit,
}

public sealed record MoveTarget(MoveTargetKind Kind, string Value);

/// <summary>Forward Call Party: a ringing party stops ringing and the call goes to the target.</summary>
public sealed record ForwardParty(string PartyId, MoveTarget Target) : SessionCommand;

/// <summary>Transfer Call Party (blind): the answered party leaves; the other side is connected to the target.</summary>
public sealed record TransferParty(string PartyId, MoveTarget Target) : SessionCommand;

/// <summary>Call Park: the answered party is parked at <paramref name="Orbit"/> ("*801"), which the engine chose free.</summary>
public sealed record ParkParty(string PartyId, string Orbit) : SessionCommand;

/// <summary>
/// Pickup Call: a parked call is taken on <paramref name="DeviceId"/>, a device of the account (of
/// <paramref name="ExtensionId"/> when it is set: a user picks up on their own phones only).
/// </summary>
public sealed record PickUpParty(string PartyId, long DeviceId, long? ExtensionId) : SessionCommand;

/// <summary>Call Flip: the answered call moves to the party's extension's call flip number with this digit.</summary>
public sealed record FlipParty(string PartyId, int FlipNumber) : SessionCommand;
