using Switchboard.CallHandling;
using static Switchboard.Tests.Telephony.Routing.RoutingFixture;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>Range boundaries, midnight, daylight-saving changes and time zones.</summary>
public class ScheduleEdgeTests
{
    private static CallHandlingDocument WithWeeklyRule(string from, string to, params DayOfWeek[] days)
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(1, "Window", VoiceMailNow(), schedule: new RuleSchedule { Weekly = Week((from, to), days) }));
        return rules;
    }

    private static CallHandlingDocument WithDateRule(string from, string to)
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(2, "Dates", VoiceMailNow(), schedule: new RuleSchedule { Ranges = [new DateRange(from, to)] }));
        return rules;
    }

    [Theory]
    [InlineData("2026-03-10T08:59:59", "after-hours")]
    [InlineData("2026-03-10T09:00:00", "work-hours")]
    [InlineData("2026-03-10T16:59:59", "work-hours")]
    [InlineData("2026-03-10T17:00:00", "after-hours")]
    public void Route_AtBusinessHoursEdges_StartIsInsideEndIsOutside(string local, string rule) =>
        Assert.Equal(rule, RouteToAlice(AliceRules(), NewYork(local)).Rule);

    [Theory]
    [InlineData("2026-03-10T23:59:59", "interaction:1")]
    [InlineData("2026-03-11T00:00:00", "after-hours")]
    public void Route_RangeEndingAt2400_CoversTheDayUpToMidnight(string local, string rule) =>
        Assert.Equal(rule, RouteToAlice(WithWeeklyRule("18:00", "24:00", DayOfWeek.Tuesday), NewYork(local)).Rule);

    [Fact]
    public void Route_RangeStartingAtMidnight_CoversTheFirstSecond() =>
        Assert.Equal("interaction:1", RouteToAlice(WithWeeklyRule("00:00:00", "06:00:00", DayOfWeek.Wednesday), NewYork("2026-03-11T00:00:00")).Rule);

    // 2026-03-08, New York springs forward: 02:00 EST becomes 03:00 EDT (07:00Z).
    [Theory]
    [InlineData("2026-03-08T06:30:00Z", "interaction:1")] // 01:30 EST
    [InlineData("2026-03-08T07:00:00Z", "interaction:1")] // 03:00 EDT, the first instant after the gap
    [InlineData("2026-03-08T07:59:59Z", "interaction:1")] // 03:59:59 EDT
    [InlineData("2026-03-08T08:00:00Z", "after-hours")]   // 04:00 EDT
    public void Route_RangeAcrossSpringForward_FollowsTheWallClock(string utc, string rule) =>
        Assert.Equal(rule, RouteToAlice(WithWeeklyRule("01:00", "04:00", DayOfWeek.Sunday), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Rule);

    [Theory]
    [InlineData("2026-03-08T06:59:59Z")] // 01:59:59 EST
    [InlineData("2026-03-08T07:00:00Z")] // 03:00 EDT
    public void Route_RangeInsideTheSkippedHour_NeverApplies(string utc) =>
        Assert.Equal("after-hours", RouteToAlice(WithWeeklyRule("02:00", "03:00", DayOfWeek.Sunday), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Rule);

    [Fact]
    public void Route_DayAfterSpringForward_UsesDaylightTime()
    {
        // 13:30Z is 09:30 EDT on Monday 2026-03-09 (it would be 08:30 in standard time).
        var plan = RouteToAlice(AliceRules(), DateTimeOffset.Parse("2026-03-09T13:30:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "Monday 09:30 in America/New_York is within the business hours 09:00-17:00.");
    }

    // 2026-11-01, New York falls back: 02:00 EDT becomes 01:00 EST (06:00Z), so 01:00-02:00 happens twice.
    [Theory]
    [InlineData("2026-11-01T05:15:00Z", "interaction:1")] // 01:15 EDT, the first time
    [InlineData("2026-11-01T06:15:00Z", "interaction:1")] // 01:15 EST, the second time
    [InlineData("2026-11-01T06:30:00Z", "after-hours")]   // 01:30 EST
    [InlineData("2026-11-01T04:59:59Z", "after-hours")]   // 00:59:59 EDT
    public void Route_RangeOverTheRepeatedHour_AppliesBothTimes(string utc, string rule) =>
        Assert.Equal(rule, RouteToAlice(WithWeeklyRule("01:00", "01:30", DayOfWeek.Sunday), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Rule);

    [Fact]
    public void Route_AfterFallBack_UsesStandardTime()
    {
        // 14:00Z on Monday 2026-11-02 is 09:00 EST: work hours have just begun.
        var plan = RouteToAlice(AliceRules(), DateTimeOffset.Parse("2026-11-02T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "Monday 09:00 in America/New_York");
    }

    [Theory]
    [InlineData("2026-12-24T17:59:59", "after-hours")]
    [InlineData("2026-12-24T18:00:00", "interaction:2")]
    [InlineData("2026-12-26T08:59:59", "interaction:2")]
    [InlineData("2026-12-26T09:00:00", "after-hours")]
    public void Route_AtDateRangeBoundaries_FromIsInsideToIsOutside(string local, string rule) =>
        Assert.Equal(rule, RouteToAlice(WithDateRule("2026-12-24T18:00:00", "2026-12-26T09:00:00"), NewYork(local)).Rule);

    [Theory]
    [InlineData("2026-03-08T06:59:59Z", "after-hours")]   // 01:59:59 EST
    [InlineData("2026-03-08T07:00:00Z", "interaction:2")] // 03:00 EDT: the range began at 02:30, which never happened
    public void Route_DateRangeStartingInTheSkippedHour_BeginsWhenTheClockJumps(string utc, string rule) =>
        Assert.Equal(rule, RouteToAlice(WithDateRule("2026-03-08T02:30:00", "2026-03-08T12:00:00"), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Rule);

    [Fact]
    public void Route_ExtensionInItsOwnTimeZone_ReadsSchedulesThere()
    {
        // 15:00Z on Tuesday is 11:00 in New York (the account) but 08:00 in Los Angeles (Alice).
        var now = DateTimeOffset.Parse("2026-03-10T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var account = Account().Add(AliceUser() with { TimeZone = "America/Los_Angeles" }).Build();

        var plan = Route(account, AliceDirect, now);

        Assert.Equal("after-hours", plan.Rule);
        HasReason(plan, "Tuesday 08:00 in America/Los_Angeles is before the business hours 09:00-17:00.");
        Assert.Equal("work-hours", Route(Account().Build(), AliceDirect, now).Rule);
    }

    [Fact]
    public void Route_ExtensionWithUnknownTimeZone_UsesTheAccountZone()
    {
        var account = Account().Add(AliceUser() with { TimeZone = "Mars/Olympus_Mons" }).Build();

        var plan = Route(account, AliceDirect, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "The time zone Mars/Olympus_Mons is unknown to this system.");
        HasReason(plan, "Tuesday 10:00 in America/New_York");
    }

    [Fact]
    public void Route_ExtensionWithoutTimeZone_UsesTheAccountZone()
    {
        var builder = Account().Add(AliceUser() with { TimeZone = "" });
        builder.TimeZone = "Europe/London";

        // 10:00 EDT is 14:00 UTC, and London stays on GMT until 2026-03-29.
        var plan = Route(builder.Build(), AliceDirect, TuesdayMorning);

        HasReason(plan, "Tuesday 14:00 in Europe/London is within the business hours 09:00-17:00.");
    }
}
