using Switchboard.Telephony.Sessions;

namespace Switchboard.Tests.Telephony;

/// <summary>Events as short lines ("p2 Proceeding"), so a test states a whole sequence at a glance.</summary>
public static class Trace
{
    public static string Short(TelephonyEvent e)
    {
        var p = e.Party;
        var n = p.Id[(p.Id.LastIndexOf('-') + 1)..];
        var extra = (p.Reason is null ? "" : " " + p.Reason) + (p.MissedCall ? " missed" : "");
        return $"p{n} {p.Status}{extra}";
    }

    public static string[] Of(IEnumerable<TelephonyEvent> events) => [.. events.Select(Short)];

    /// <summary>Sequences of one session: 1, 2, 3... with no gap.</summary>
    public static void AssertSequencesFromOne(IReadOnlyList<TelephonyEvent> events)
    {
        for (var i = 0; i < events.Count; i++) Assert.Equal(i + 1, events[i].Sequence);
    }
}
