using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;
using static Switchboard.Tests.Telephony.Routing.RoutingFixture;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>Which of a user's rules decides: forward all calls, dnd, custom rules, work or after hours.</summary>
public class UserRuleTests
{
    private static Dispatch ForwardTo(string number) => new()
    {
        Type = DispatchType.Terminate,
        Terminating = new Terminating { Kind = TerminatingKind.PhoneNumber, PhoneNumber = number },
    };

    [Fact]
    public void Route_ForwardAllCallsOn_UsesItsRuleBeforeAnythingElse()
    {
        var rules = AliceRules();
        rules.States[StateId.ForwardAllCalls] = new StateRule { Enabled = true, Dispatch = ForwardTo(Home) };
        rules.Rules.Add(Custom(1, "Family", Ring(), callers: [Outsider]));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("forward-all-calls", plan.Rule);
        HasReason(plan, "Forward all calls is on.");
        var end = Assert.IsType<Terminate>(Assert.Single(plan.Steps));
        Assert.Equal((EndKind.ForwardToNumber, Home), (end.Kind, end.PhoneNumber));
        Assert.Equal($"The call is forwarded to {Home}.", end.Why);
    }

    [Fact]
    public void Route_DndDoNotAcceptAnyCalls_UsesTheDndRule()
    {
        var account = Account().Add(AliceUser() with { Dnd = DndStatus.DoNotAcceptAnyCalls }).Build();

        var plan = Route(account, AliceDirect, TuesdayMorning);

        Assert.Equal("dnd", plan.Rule);
        HasReason(plan, "Do not disturb is on: the user takes no calls.");
        var end = Assert.IsType<Terminate>(Assert.Single(plan.Steps));
        Assert.Equal((EndKind.VoiceMail, (long?)Alice), (end.Kind, end.ExtensionId));
        Assert.Equal("The call goes to the voicemail of extension 101 (Alice).", end.Why);
    }

    [Fact]
    public void Route_DndTakeDepartmentCallsOnly_UsesTheDndRuleForPersonalCalls()
    {
        var plan = Route(Account().Add(AliceUser() with { Dnd = DndStatus.TakeDepartmentCallsOnly }).Build(), AliceDirect, TuesdayMorning);

        Assert.Equal("dnd", plan.Rule);
        HasReason(plan, "the user takes department calls only");
    }

    [Fact]
    public void Route_DndDoNotAcceptDepartmentCalls_RingsForPersonalCalls()
    {
        var plan = Route(Account().Add(AliceUser() with { Dnd = DndStatus.DoNotAcceptDepartmentCalls }).Build(), AliceDirect, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        Assert.IsType<Ring>(plan.Steps[0]);
    }

    [Fact]
    public void Route_DndStateEnabled_UsesTheDndRule()
    {
        var rules = AliceRules();
        rules.States[StateId.Dnd].Enabled = true;

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("dnd", plan.Rule);
        HasReason(plan, "Do not disturb is on.");
    }

    [Fact]
    public void Route_ForwardAllCallsAndDnd_ForwardAllCallsWins()
    {
        var rules = AliceRules();
        rules.States[StateId.ForwardAllCalls].Enabled = true;
        var plan = Route(Account().Add(AliceUser(rules) with { Dnd = DndStatus.DoNotAcceptAnyCalls }).Build(), AliceDirect, TuesdayMorning);

        Assert.Equal("forward-all-calls", plan.Rule);
    }

    [Fact]
    public void Route_CustomRuleByCaller_MatchesTheCallerId()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(7, "Family", ForwardTo(Home), callers: ["+16505550123"]));

        var plan = RouteToAlice(rules, TuesdayMorning, from: "+16505550123");

        Assert.Equal("interaction:7", plan.Rule);
        HasReason(plan, "Custom rule 'Family' matches: the caller +16505550123 is one of its callers.");
        Assert.Equal(EndKind.ForwardToNumber, Assert.IsType<Terminate>(Assert.Single(plan.Steps)).Kind);
    }

    [Fact]
    public void Route_CustomRuleByCallerOtherCaller_FallsThroughToWorkHours()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(7, "Family", ForwardTo(Home), callers: ["+16505550123"]));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, $"Custom rule 'Family' does not apply: the caller {Outsider} is not one of its callers.");
    }

    [Fact]
    public void Route_CustomRuleByCallerAnonymousCall_DoesNotMatch()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(7, "Family", ForwardTo(Home), callers: ["+16505550123"]));

        var plan = RouteToAlice(rules, TuesdayMorning, from: "anonymous");

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "the call has no caller id");
    }

    [Fact]
    public void Route_CustomRuleByCallerInternalCall_MatchesTheCallersDirectNumber()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(7, "Bob", ForwardTo(Home), callers: [BobDirect]));

        var plan = Route(Account().Add(AliceUser(rules)).Build(), "101", TuesdayMorning, from: "102", fromExtension: Bob);

        Assert.Equal("interaction:7", plan.Rule);
    }

    [Fact]
    public void Route_DisabledCustomRule_IsIgnored()
    {
        var rules = AliceRules();
        var rule = Custom(7, "Family", ForwardTo(Home), callers: [Outsider]);
        rule.Enabled = false;
        rules.Rules.Add(rule);

        Assert.Equal("work-hours", RouteToAlice(rules, TuesdayMorning).Rule);
    }

    [Fact]
    public void Route_CustomRuleByCalledNumber_MatchesTheNumberDialled()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(8, "Campaign", ForwardTo(Home), called: [AliceDirect]));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("interaction:8", plan.Rule);
        HasReason(plan, $"Custom rule 'Campaign' matches: the number dialled {AliceDirect} is one of its numbers.");
    }

    [Fact]
    public void Route_CustomRuleByCalledNumberDialledWithoutPlus_MatchesTheStoredNumber()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(8, "Campaign", ForwardTo(Home), called: [AliceDirect]));

        var plan = Route(Account().Add(AliceUser(rules)).Build(), AliceDirect[1..], TuesdayMorning);

        Assert.Equal("interaction:8", plan.Rule);
    }

    [Fact]
    public void Route_NullCallerWithCallerRule_IsTreatedAsNoCallerId()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(7, "Family", ForwardTo(Home), callers: [Outsider]));

        var plan = RouteToAlice(rules, TuesdayMorning, from: null!);

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "the call has no caller id");
    }

    [Fact]
    public void Route_CustomRuleByCalledNumberOtherNumber_DoesNotMatch()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(8, "Campaign", ForwardTo(Home), called: ["+16505550188"]));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, $"the number dialled {AliceDirect} is not one of its numbers");
    }

    [Fact]
    public void Route_CustomRuleByWeeklySchedule_MatchesInsideTheRange()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(9, "Lunch", ForwardTo(Home), schedule: new RuleSchedule { Weekly = Week(("09:30", "10:30"), DayOfWeek.Tuesday) }));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("interaction:9", plan.Rule);
        HasReason(plan, "Custom rule 'Lunch' matches: Tuesday 10:00 in America/New_York is within its weekly schedule.");
    }

    [Fact]
    public void Route_CustomRuleByWeeklyScheduleOtherDay_DoesNotMatch()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(9, "Lunch", ForwardTo(Home), schedule: new RuleSchedule { Weekly = Week(("09:30", "10:30"), DayOfWeek.Monday) }));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "Custom rule 'Lunch' does not apply: Tuesday 10:00 in America/New_York is outside its schedule.");
    }

    [Fact]
    public void Route_CustomRuleByDateRange_MatchesInsideTheDates()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(10, "Vacation", VoiceMailNow(),
            schedule: new RuleSchedule { Ranges = [new DateRange("2026-03-09T00:00:00", "2026-03-14T00:00:00")] }));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("interaction:10", plan.Rule);
        HasReason(plan, "Tuesday 10:00 in America/New_York is within its dates 2026-03-09T00:00:00 to 2026-03-14T00:00:00");
    }

    [Theory]
    [InlineData(true, "interaction:11")]
    [InlineData(false, "after-hours")]
    public void Route_CustomRuleByAfterHoursRef_FollowsTheBusinessHours(bool evening, string rule)
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(11, "VIP after hours", ForwardTo(Home), callers: [Outsider], schedule: new RuleSchedule { Ref = StateId.AfterHours }));

        var plan = RouteToAlice(rules, evening ? TuesdayEvening : TuesdayMorning);

        Assert.Equal(evening ? rule : "work-hours", plan.Rule);
        if (evening) HasReason(plan, "Tuesday 18:30 in America/New_York is outside the work hours");
    }

    [Fact]
    public void Route_CustomRuleByWorkHoursRef_MatchesDuringWorkHours()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(12, "VIP", ForwardTo(Home), callers: [Outsider], schedule: new RuleSchedule { Ref = StateId.WorkHours }));

        Assert.Equal("interaction:12", RouteToAlice(rules, TuesdayMorning).Rule);
        Assert.Equal("after-hours", RouteToAlice(rules, TuesdayEvening).Rule);
    }

    [Fact]
    public void Route_CustomRuleWithAllConditions_NeedsEveryOneToMatch()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(13, "All", ForwardTo(Home), callers: [Outsider], called: ["+16505550188"],
            schedule: new RuleSchedule { Weekly = Week(("00:00", "24:00"), DayOfWeek.Tuesday) }));

        Assert.Equal("work-hours", RouteToAlice(rules, TuesdayMorning).Rule);
    }

    [Fact]
    public void Route_TwoMatchingCustomRules_HigherPriorityWins()
    {
        var rules = AliceRules();
        // Schedule only (priority 4) comes first in the list; schedule + caller (8) must still win.
        rules.Rules.Add(Custom(20, "Tuesdays", VoiceMailNow(), schedule: new RuleSchedule { Weekly = Week(("00:00", "24:00"), DayOfWeek.Tuesday) }));
        rules.Rules.Add(Custom(21, "Outsider on Tuesdays", ForwardTo(Home), callers: [Outsider],
            schedule: new RuleSchedule { Weekly = Week(("00:00", "24:00"), DayOfWeek.Tuesday) }));

        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("interaction:21", plan.Rule);
        HasReason(plan, "Custom rule 'Outsider on Tuesdays' (priority 8: schedule and caller) is chosen over 'Tuesdays' (priority 4: schedule).");
    }

    [Fact]
    public void Route_TwoMatchingCustomRulesCallerVersusCalledNumber_CallerWins()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(22, "Dialled", VoiceMailNow(), called: [AliceDirect]));
        rules.Rules.Add(Custom(23, "Caller", ForwardTo(Home), callers: [Outsider]));

        Assert.Equal("interaction:23", RouteToAlice(rules, TuesdayMorning).Rule);
    }

    [Fact]
    public void Route_TwoMatchingCustomRulesOfEqualPriority_FirstInListWins()
    {
        var rules = AliceRules();
        rules.Rules.Add(Custom(24, "First", VoiceMailNow(), callers: [Outsider]));
        rules.Rules.Add(Custom(25, "Second", ForwardTo(Home), callers: [Outsider]));

        Assert.Equal("interaction:24", RouteToAlice(rules, TuesdayMorning).Rule);
    }

    [Theory]
    [InlineData(true, true, true, 10)]
    [InlineData(false, true, true, 9)]
    [InlineData(true, true, false, 8)]
    [InlineData(true, false, true, 7)]
    [InlineData(false, true, false, 6)]
    [InlineData(false, false, true, 5)]
    [InlineData(true, false, false, 4)]
    public void Priority_ConditionsSet_FollowTheDeveloperGuideTable(bool schedule, bool caller, bool called, int priority)
    {
        var rule = Custom(1, "Rule", VoiceMailNow(), callers: caller ? [Outsider] : null, called: called ? [AliceDirect] : null,
            schedule: schedule ? new RuleSchedule { Ref = StateId.WorkHours } : null);

        Assert.Equal(priority, CustomRules.Priority(rule));
    }

    [Fact]
    public void Route_DuringBusinessHours_UsesWorkHours()
    {
        var plan = RouteToAlice(AliceRules(), TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        Assert.Equal(["+16505550101 is the direct number of extension 101 (Alice).",
            "Tuesday 10:00 in America/New_York is within the business hours 09:00-17:00.", "The work-hours rule applies."], plan.Why);
        var ring = Assert.IsType<Ring>(plan.Steps[0]);
        Assert.Equal(TimeSpan.FromSeconds(20), ring.Duration);
    }

    [Fact]
    public void Route_AfterBusinessHours_UsesAfterHours()
    {
        var plan = RouteToAlice(AliceRules(), TuesdayEvening);

        Assert.Equal("after-hours", plan.Rule);
        HasReason(plan, "Tuesday 18:30 in America/New_York is after the business hours 09:00-17:00.");
        HasReason(plan, "The after-hours rule applies.");
        Assert.Equal([NumberLeg(Alice, Mobile)], Legs(plan.Steps[0]));
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<Ring>(plan.Steps[0]).Duration);
    }

    [Fact]
    public void Route_BeforeBusinessHours_SaysBefore()
    {
        var plan = RouteToAlice(AliceRules(), NewYork("2026-03-10T07:15:00"));

        Assert.Equal("after-hours", plan.Rule);
        HasReason(plan, "Tuesday 07:15 in America/New_York is before the business hours 09:00-17:00.");
    }

    [Fact]
    public void Route_Weekend_IsAfterHours()
    {
        var plan = RouteToAlice(AliceRules(), NewYork("2026-03-14T11:00:00"));

        Assert.Equal("after-hours", plan.Rule);
        HasReason(plan, "Saturday 11:00 in America/New_York is outside the business hours: none on Saturday.");
    }

    [Fact]
    public void Route_BetweenTwoRangesOfADay_IsOutside()
    {
        var rules = AliceRules();
        rules.BusinessHours.Days[DayOfWeek.Tuesday] = [new TimeRange("08:00:00", "12:00:00"), new TimeRange("13:00:00", "17:00:00")];

        var plan = RouteToAlice(rules, NewYork("2026-03-10T12:30:00"));

        Assert.Equal("after-hours", plan.Rule);
        HasReason(plan, "Tuesday 12:30 in America/New_York is outside the business hours 08:00-12:00, 13:00-17:00.");
    }

    [Fact]
    public void Route_EmptyBusinessHours_IsWorkHoursAroundTheClock()
    {
        var rules = AliceRules();
        rules.BusinessHours = new WeeklySchedule();

        var plan = RouteToAlice(rules, NewYork("2026-03-15T03:00:00"));

        Assert.Equal("work-hours", plan.Rule);
        HasReason(plan, "The business hours are 24/7, so the work-hours rule applies.");
    }

    [Fact]
    public void Route_StateMissingFromDocument_GoesToVoicemail()
    {
        var rules = AliceRules();
        rules.States.Remove(StateId.AfterHours);

        var plan = RouteToAlice(rules, TuesdayEvening);

        Assert.Equal("after-hours", plan.Rule);
        var end = Assert.IsType<Terminate>(Assert.Single(plan.Steps));
        Assert.Equal((EndKind.VoiceMail, (long?)Alice), (end.Kind, end.ExtensionId));
    }

    [Fact]
    public void Route_NewUserDefaults_RingsAppsAndDeskPhoneThenVoicemail()
    {
        // The server's own defaults for a new user, routed as they are stored.
        var rules = Defaults.Document(Alice, [DeskLine]);
        var plan = RouteToAlice(rules, TuesdayMorning);

        Assert.Equal("work-hours", plan.Rule);
        Assert.Equal(["Welcome", "ConnectingAudio"], plan.Steps.OfType<PlayPrompt>().Select(p => p.Prompt));
        Assert.Equal([DeviceLeg(Alice, DeskPhone), AppsLeg(Alice)], Legs(plan.Steps.Single(s => s is Ring)));
        Assert.Equal(EndKind.VoiceMail, Assert.IsType<Terminate>(plan.Steps[^1]).Kind);
    }
}
