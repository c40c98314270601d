using System.Globalization;
using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

/// <summary>
/// The moment of the call as a wall clock in an extension's time zone, and schedules read against it.
/// </summary>
/// <remarks>
/// Schedules are wall-clock times, as the user writes them ("open 09:00 to 17:00"), so the instant is
/// converted to local time and compared with them; the ranges are never converted to instants. Across a
/// daylight-saving change this means: a local time that is skipped (02:30 on the spring-forward night)
/// never happens, so a range that lies wholly inside the skipped hour does not apply that night and a
/// range that spans it is an hour shorter; a local time that is repeated (01:30 on the fall-back night)
/// happens twice, and a range that covers it applies both times, an hour longer. That is what a person
/// reading the clock on the wall would expect, and no instant is ever ambiguous: the call's instant maps
/// to exactly one local time.
/// </remarks>
internal sealed class LocalClock
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.fff"];

    private LocalClock(DateTime local, string zone) => (Local, Zone) = (local, zone);

    public DateTime Local { get; }
    public string Zone { get; }
    private TimeSpan TimeOfDay => Local.TimeOfDay;

    /// <summary>"Tuesday 18:30 in America/New_York".</summary>
    public string Moment => $"{Local.DayOfWeek} {Local.ToString("HH:mm", CultureInfo.InvariantCulture)} in {Zone}";

    /// <summary>The extension's zone; the account's when the extension's is unknown to this system; UTC as a last resort.</summary>
    public static LocalClock For(CallContext call, ExtensionSnapshot extension)
    {
        foreach (var zone in new[] { extension.TimeZone, call.Account.TimeZone })
        {
            if (!string.IsNullOrEmpty(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
                return new LocalClock(TimeZoneInfo.ConvertTime(call.Request.Now, info).DateTime, zone);
            if (!string.IsNullOrEmpty(zone)) call.Why.Add($"The time zone {zone} is unknown to this system.");
        }
        return new LocalClock(call.Request.Now.UtcDateTime, "UTC");
    }

    /// <summary>Whether now falls in one of today's ranges; each range is [from, to), "24:00" ending the day.</summary>
    public bool Within(WeeklySchedule week) => Today(week).Any(r => r.From <= TimeOfDay && TimeOfDay < r.To);

    /// <summary>The first date range that holds now, [from, to) in local time; unreadable ranges never match.</summary>
    public DateRange? Within(IEnumerable<DateRange> ranges) =>
        ranges.FirstOrDefault(r => Parse(r.From) is { } from && Parse(r.To) is { } to && from <= Local && Local < to);

    /// <summary>"Tuesday 18:30 in America/New_York is after the business hours 09:00-17:00."</summary>
    public string DescribeHours(WeeklySchedule hours, string what)
    {
        var today = Today(hours);
        if (today.Count == 0) return $"{Moment} is outside the {what}: none on {Local.DayOfWeek}.";
        var shown = string.Join(", ", today.Select(r => $"{Show(r.From)}-{Show(r.To)}"));
        var position = Within(hours) ? "within"
            : TimeOfDay < today[0].From ? "before"
            : TimeOfDay >= today[^1].To ? "after"
            : "outside";
        return $"{Moment} is {position} the {what} {shown}.";
    }

    private List<(TimeSpan From, TimeSpan To)> Today(WeeklySchedule week) =>
        [.. (week.Days.GetValueOrDefault(Local.DayOfWeek) ?? [])
            .Select(r => (From: TimeOfDayValue(r.From), To: TimeOfDayValue(r.To)))
            .Where(r => r.From is not null && r.To is not null)
            .Select(r => (r.From!.Value, r.To!.Value))
            .OrderBy(r => r.Item1)];

    /// <summary>"HH:mm" or "HH:mm:ss"; "24:00" is the end of the day.</summary>
    internal static TimeSpan? TimeOfDayValue(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3) return null;
        var values = new int[3];
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length != 2 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i])) return null;
        if (values[0] == 24 && values[1] == 0 && values[2] == 0) return TimeSpan.FromDays(1);
        return values[0] < 24 && values[1] < 60 && values[2] < 60 ? new TimeSpan(values[0], values[1], values[2]) : null;
    }

    private static DateTime? Parse(string text) =>
        DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static string Show(TimeSpan time) => time >= TimeSpan.FromDays(1) ? "24:00"
        : time.Seconds == 0 ? time.ToString(@"hh\:mm", CultureInfo.InvariantCulture)
        : time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
