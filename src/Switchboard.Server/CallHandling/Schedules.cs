using System.Globalization;
using Switchboard.Http;

namespace Switchboard.CallHandling;

/// <summary>Reading and checking schedule times from either API version.</summary>
public static class Schedules
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>"HH:mm" (v1) or "HH:mm:ss" (v2) as seconds of the day; "24:00" ends a day.</summary>
    public static int? Seconds(string? time)
    {
        if (time is null) return null;
        var parts = time.Split(':');
        if (parts.Length is < 2 or > 3) return null;
        var values = new int[3];
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length != 2 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i])) return null;
        var (h, m, s) = (values[0], values[1], values[2]);
        if (h == 24 && m == 0 && s == 0) return 86400;
        return h < 24 && m < 60 && s < 60 ? (h * 3600) + (m * 60) + s : null;
    }

    public static string Time(int seconds) =>
        seconds >= 86400 ? "24:00:00" : $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";

    /// <summary>v1 shows "HH:mm".</summary>
    public static string ShortTime(string time) => time.EndsWith(":00", StringComparison.Ordinal) && time.Length == 8 ? time[..5] : time;

    /// <summary>One day's ranges: each well formed, from before to, none overlapping. Returns them sorted.</summary>
    public static (List<TimeRange>? Ranges, ApiError? Error) Day(IReadOnlyList<(string? From, string? To)> ranges, string parameter, string fromName = "from", string toName = "to")
    {
        var parsed = new List<(int From, int To)>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var at = $"{parameter}[{i}]";
            var from = Seconds(ranges[i].From);
            if (from is null or 86400) return (null, Errors.InvalidParameter($"{at}.{fromName}", ranges[i].From));
            var to = Seconds(ranges[i].To);
            if (to is null || to == 0) return (null, Errors.InvalidParameter($"{at}.{toName}", ranges[i].To));
            if (to <= from) return (null, Errors.Invalid($"{at}.{toName}", ranges[i].To, "The range ends before it starts."));
            parsed.Add((from.Value, to.Value));
        }
        var sorted = parsed.Select((r, i) => (r.From, r.To, Index: i)).OrderBy(r => r.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].From < sorted[i - 1].To)
                return (null, Errors.Invalid($"{parameter}[{sorted[i].Index}]", null, "The range overlaps another range of the same day."));
        return ([.. sorted.Select(r => new TimeRange(Time(r.From), Time(r.To)))], null);
    }

    /// <summary>Date ranges in the extension's local time, each from before to and none overlapping.</summary>
    public static (List<DateRange>? Ranges, ApiError? Error) Dates(IReadOnlyList<(string? From, string? To)> ranges, string parameter, string fromName, string toName)
    {
        var parsed = new List<(DateTime From, DateTime To, int Index)>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var at = $"{parameter}[{i}]";
            if (LocalDateTime(ranges[i].From) is not { } from) return (null, Errors.InvalidParameter($"{at}.{fromName}", ranges[i].From));
            if (LocalDateTime(ranges[i].To) is not { } to) return (null, Errors.InvalidParameter($"{at}.{toName}", ranges[i].To));
            if (to <= from) return (null, Errors.Invalid($"{at}.{toName}", ranges[i].To, "The range ends before it starts."));
            parsed.Add((from, to, i));
        }
        var sorted = parsed.OrderBy(r => r.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].From < sorted[i - 1].To)
                return (null, Errors.Invalid($"{parameter}[{sorted[i].Index}]", null, "The range overlaps another range."));
        return ([.. parsed.Select(r => new DateRange(Format(r.From), Format(r.To)))], null);
    }

    private static DateTime? LocalDateTime(string? text)
    {
        if (text is null) return null;
        // A trailing Z or offset is read as wall-clock time: rules run in the extension's time zone.
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var withOffset) && text.Length > 10)
            return withOffset.DateTime;
        return null;
    }

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The complement of work hours within each day: the after-hours state's schedule.</summary>
    public static WeeklySchedule Complement(WeeklySchedule work)
    {
        var after = new WeeklySchedule();
        foreach (var day in Week)
        {
            var ranges = work.Days.GetValueOrDefault(day) ?? [];
            var free = new List<TimeRange>();
            var at = 0;
            foreach (var r in ranges)
            {
                var from = Seconds(r.From)!.Value;
                if (from > at) free.Add(new TimeRange(Time(at), r.From));
                at = Seconds(r.To)!.Value;
            }
            if (at < 86400) free.Add(new TimeRange(Time(at), Time(86400)));
            after.Days[day] = free;
        }
        return after;
    }
}
