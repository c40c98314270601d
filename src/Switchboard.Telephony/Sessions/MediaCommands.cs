namespace Switchboard.Telephony.Sessions;

// Call Control, continued (Transition.Media.cs): recordings, reply, supervision and bridging. As
// the commands of SessionCommand.cs, each is refused (InvalidState) when the party's state does not
// allow it, and a refusal changes nothing; the rules are in docs/compat.md.

/// <summary>Create Recording: a party of a connected call is recorded from now on (the recording is state; no audio is kept).</summary>
public sealed record StartRecording(string PartyId) : SessionCommand;

/// <summary>Pause (false) or resume (true) one of the party's recordings.</summary>
public sealed record SetRecording(string PartyId, string RecordingId, bool Active) : SessionCommand;

/// <summary>
/// Reply with text or a pattern: the ringing party stops with the reason CallReplied, every phone
/// stops ringing, and the caller, having heard the reply, goes to the plan's voicemail, or the call ends.
/// </summary>
public sealed record ReplyToCaller(string PartyId) : SessionCommand;

/// <summary>
/// Supervise in Listen mode: the supervisor's device joins in a party of its own (Outbound, from the
/// supervisor to the agent, Answered with the reason Supervising). <paramref name="PartyId"/> set:
/// that party's audio only (superviseCallParty); null: the whole call (superviseCallSession).
/// </summary>
public sealed record Supervise(CallEndpoint Supervisor, long AgentExtensionId, string? PartyId) : SessionCommand;

/// <summary>
/// Bridge (or bring-in), the side that leaves: the user's party and the one it talks to go Gone
/// (<paramref name="Reason"/>: AttendedTransfer, or Conference for a bring-in) with peers in
/// <paramref name="Target"/> (the user's party there, and <paramref name="JoinedPartyId"/>, the
/// talker's new party), and the call ends here. <see cref="BridgeIn"/> (or
/// <see cref="ConferenceBringIn"/>) is applied to the target first.
/// </summary>
public sealed record BridgeAway(string PartyId, SessionRef Target, string TargetPartyId, string JoinedPartyId, string Reason = "AttendedTransfer") : SessionCommand;

/// <summary>
/// Bridge, the side that stays: <paramref name="Incoming"/> (the party the user talks to in the other
/// call) joins Answered, and the user's party <paramref name="PartyId"/>, which must be extension
/// <paramref name="UserExtensionId"/>'s, is Disconnected (AttendedTransfer): the two others talk.
/// </summary>
public sealed record BridgeIn(string PartyId, long UserExtensionId, Party Incoming) : SessionCommand;
