using System.Collections.Concurrent;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Telephony.Runtime;

/// <summary>
/// The sessions each extension has an active party in, so presence reads O(calls of that extension).
/// Updated by each session's writer after a decision, from the difference between the two states.
/// </summary>
internal sealed class ExtensionIndex
{
    private readonly ConcurrentDictionary<long, HashSet<SessionActor>> _byExtension = new();

    /// <summary>Presence's telephonyStatus for a party; null when it does not count as an active call.</summary>
    public static string? TelephonyStatus(Party p) => p.Status switch
    {
        PartyStatus.Setup or PartyStatus.Proceeding => p.Direction == CallDirection.Inbound ? "Ringing" : "CallConnected",
        PartyStatus.Answered => "CallConnected",
        PartyStatus.Hold => "OnHold",
        PartyStatus.Parked => "ParkedCall",
        PartyStatus.VoiceMail or PartyStatus.Disconnected or PartyStatus.Gone => null,
    };

    public void Update(SessionActor actor, SessionState before, SessionState after)
    {
        if (ReferenceEquals(before.Parties, after.Parties)) return;
        foreach (var p in after.Parties)
            if (p.ExtensionId is { } e && TelephonyStatus(p) is not null && !HasActive(before, e)) Add(e, actor);
        foreach (var p in before.Parties)
            if (p.ExtensionId is { } e && TelephonyStatus(p) is not null && !HasActive(after, e)) Remove(e, actor);
    }

    public SessionActor[] Of(long extensionId)
    {
        if (!_byExtension.TryGetValue(extensionId, out var set)) return [];
        lock (set) return [.. set];
    }

    private static bool HasActive(SessionState state, long extensionId)
    {
        foreach (var p in state.Parties)
            if (p.ExtensionId == extensionId && TelephonyStatus(p) is not null) return true;
        return false;
    }

    private void Add(long extensionId, SessionActor actor)
    {
        var set = _byExtension.GetOrAdd(extensionId, static _ => []);
        lock (set) set.Add(actor);
    }

    private void Remove(long extensionId, SessionActor actor)
    {
        if (!_byExtension.TryGetValue(extensionId, out var set)) return;
        lock (set) set.Remove(actor);
    }
}
