namespace Switchboard.Telephony.Sessions;

// Conferences (Transition.Conference.cs): a session of the Conference origin that a user starts with
// no parties, joins by dialling its voiceCallToken from a phone, and brings their calls into. The
// rules and the events are in docs/telephony.md; refusals in docs/compat.md.

/// <summary>
/// Start Conference Call Session: no party yet; the host has 38 seconds to dial in from a phone,
/// or the conference ends.
/// </summary>
public sealed record StartConference(long HostExtensionId) : SessionCommand;

/// <summary>
/// A phone of the account dials the conference's voiceCallToken: it joins Answered, as the Host
/// when it is the host's and the host is not in yet, as a Participant otherwise.
/// </summary>
public sealed record JoinConference(long ExtensionId, long? DeviceId) : SessionCommand;

/// <summary>
/// Bring-in, the conference's side: <paramref name="Incoming"/>, the party the host talks to in another
/// call, joins as a Participant. The host (extension <paramref name="UserExtensionId"/>) must be in the
/// conference. <see cref="BridgeAway"/> (reason Conference) is applied to the other call after.
/// </summary>
public sealed record ConferenceBringIn(long UserExtensionId, Party Incoming) : SessionCommand;
