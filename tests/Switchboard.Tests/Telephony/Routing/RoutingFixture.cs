using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;

namespace Switchboard.Tests.Telephony.Routing;

/// <summary>
/// One hand-built account in New York: the operator (the system extension, id = account id), Alice (101)
/// with a desk phone, an offline spare phone and two outside numbers, her coworker Bob (102), and
/// whatever a test adds. Alice's default rules: Monday to Friday 09:00-17:00; work hours ring the desk
/// phone 20 s, after hours ring her mobile 30 s; both then voicemail; apps do not ring unless a test says so.
/// </summary>
internal static class RoutingFixture
{
    public const long AccountId = 1000;
    public const string Zone = "America/New_York";
    public const string MainNumber = "+16505550100";
    public const string AliceDirect = "+16505550101";
    public const string BobDirect = "+16505550102";
    public const string Outsider = "+14085550199";
    public const long Alice = 101, Bob = 102, DeskPhone = 11, SparePhone = 12, BobPhone = 13;
    public const long DeskLine = 21, SpareLine = 22, MobileNumber = 23, HomeNumber = 24;
    public const string Mobile = "+14155550123", Home = "+12125550124";

    public static AccountBuilder Account() => new AccountBuilder()
        .Add(User(AccountId, "100", "Operator", direct: null))
        .Add(AliceUser())
        .Add(User(Bob, "102", "Bob", devices: [new DeviceSnapshot(BobPhone, "Bob's desk", DeviceKind.HardPhone, true)], direct: BobDirect))
        .Number(MainNumber, LineKind.MainCompanyNumber)
        .Number(AliceDirect, LineKind.DirectNumber, Alice)
        .Number(BobDirect, LineKind.DirectNumber, Bob);

    public static ExtensionSnapshot AliceUser(CallHandlingDocument? rules = null) => User(Alice, "101", "Alice", rules ?? AliceRules(),
        devices: [new DeviceSnapshot(DeskPhone, "Desk phone", DeviceKind.HardPhone, true), new DeviceSnapshot(SparePhone, "Spare phone", DeviceKind.HardPhone, false)],
        forwarding: [new ForwardingSnapshot(DeskLine, "+16505550111", "Desk phone", DeskPhone), new ForwardingSnapshot(SpareLine, "+16505550112", "Spare phone", SparePhone),
            new ForwardingSnapshot(MobileNumber, Mobile, "Mobile", null), new ForwardingSnapshot(HomeNumber, Home, "Home", null)],
        direct: AliceDirect);

    public static ExtensionSnapshot User(long id, string number, string name, CallHandlingDocument? rules = null,
        DeviceSnapshot[]? devices = null, ForwardingSnapshot[]? forwarding = null, string? direct = null) =>
        new(id, AccountId, number, name, ExtensionKind.User, true, Zone, DndStatus.TakeAllCalls, rules ?? Rules(Ring(Group(20))),
            devices ?? [], (forwarding ?? []).ToDictionary(f => f.Id), [], direct);

    public static ExtensionSnapshot Other(long id, string number, string name, ExtensionKind kind, long[]? members = null, DeviceSnapshot[]? devices = null) =>
        new(id, AccountId, number, name, kind, true, Zone, DndStatus.TakeAllCalls, Rules(Ring(Group(20))), devices ?? [],
            new Dictionary<long, ForwardingSnapshot>(), members ?? [], null);

    public static CallHandlingDocument AliceRules() => Rules(
        workHours: Ring(Group(20, Target(DeskLine))),
        afterHours: Ring(Group(30, Target(MobileNumber))),
        hours: NineToFive());

    public static CallHandlingDocument Rules(Dispatch workHours, Dispatch? afterHours = null, WeeklySchedule? hours = null) => new()
    {
        BusinessHours = hours ?? new WeeklySchedule(),
        States =
        {
            [StateId.ForwardAllCalls] = new StateRule { Enabled = false, Dispatch = VoiceMailNow() },
            [StateId.Dnd] = new StateRule { Enabled = false, Dispatch = VoiceMailNow() },
            [StateId.Agent] = new StateRule { Enabled = true, Dispatch = workHours },
            [StateId.WorkHours] = new StateRule { Enabled = true, Dispatch = workHours },
            [StateId.AfterHours] = new StateRule { Enabled = true, Dispatch = afterHours ?? workHours },
        },
    };

    public static WeeklySchedule NineToFive() => Week(("09:00:00", "17:00:00"),
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static WeeklySchedule Week((string From, string To) range, params DayOfWeek[] days)
    {
        var week = new WeeklySchedule();
        foreach (var day in days) week.Days[day] = [new TimeRange(range.From, range.To)];
        return week;
    }

    /// <summary>Ring groups, then voicemail of Alice; no prompts, no screening, no apps.</summary>
    public static Dispatch Ring(params RingGroup[] groups) => Ring(DispatchType.RingInOrder, groups);

    public static Dispatch Ring(DispatchType type, params RingGroup[] groups) => new()
    {
        Type = type,
        SoftPhones = new SoftPhones { Notify = false, AlwaysRing = false },
        Rings = [.. groups],
        Terminating = new Terminating { Kind = TerminatingKind.VoiceMail, ExtensionId = Alice },
    };

    public static Dispatch VoiceMailNow() => Ring(DispatchType.Terminate);

    public static RingGroup Group(int seconds, params RingTarget[] targets) => new() { Duration = seconds, Targets = [.. targets] };

    public static RingTarget Target(long forwardingId) => new(TargetKind.Device, forwardingId);

    public static InteractionRule Custom(long id, string name, Dispatch dispatch, string[]? callers = null, string[]? called = null, RuleSchedule? schedule = null) => new()
    {
        Id = id, Name = name, Dispatch = dispatch, Schedule = schedule,
        Callers = [.. (callers ?? []).Select(c => new Caller(c, null))],
        CalledNumbers = [.. called ?? []],
    };

    /// <summary>A wall-clock time in New York as an instant (for times that daylight saving leaves unambiguous).</summary>
    public static DateTimeOffset NewYork(string local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var wall = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    // 2026-03-10 is a Tuesday; New York is on daylight time (UTC-4) from 2026-03-08.
    public static readonly DateTimeOffset TuesdayMorning = NewYork("2026-03-10T10:00:00");
    public static readonly DateTimeOffset TuesdayEvening = NewYork("2026-03-10T18:30:00");

    public static RoutingPlan Route(AccountSnapshot account, string to, DateTimeOffset now, string from = Outsider, long? fromExtension = null) =>
        Router.Route(new RoutingRequest(account, from, to, fromExtension, now));

    public static RoutingPlan RouteToAlice(CallHandlingDocument rules, DateTimeOffset now, string from = Outsider) =>
        Route(Account().Add(AliceUser(rules)).Build(), AliceDirect, now, from);

    public static IReadOnlyList<RingLeg> Legs(PlanStep step) => Assert.IsType<Ring>(step).Legs;

    public static RingLeg DeviceLeg(long extension, long device, int offset = 0) => new(LegKind.Device, extension, device, null, TimeSpan.FromSeconds(offset));
    public static RingLeg AppsLeg(long extension, int offset = 0) => new(LegKind.Apps, extension, null, null, TimeSpan.FromSeconds(offset));
    public static RingLeg NumberLeg(long extension, string number, int offset = 0) => new(LegKind.OutsideNumber, extension, null, number, TimeSpan.FromSeconds(offset));

    public static void HasReason(RoutingPlan plan, string fragment) =>
        Assert.True(plan.Why.Any(w => w.Contains(fragment, StringComparison.Ordinal)),
            $"No reason contains \"{fragment}\". Reasons:\n{string.Join("\n", plan.Why)}");
}

internal sealed class AccountBuilder
{
    private readonly Dictionary<string, NumberSnapshot> numbers = [];
    private readonly Dictionary<long, ExtensionSnapshot> extensions = [];

    public string TimeZone { get; set; } = RoutingFixture.Zone;

    public AccountBuilder Add(ExtensionSnapshot extension)
    {
        extensions[extension.Id] = extension;
        return this;
    }

    public AccountBuilder Remove(long extensionId)
    {
        extensions.Remove(extensionId);
        return this;
    }

    public AccountBuilder Number(string phoneNumber, LineKind kind, long? extensionId = null)
    {
        numbers[phoneNumber] = new NumberSnapshot(phoneNumber, kind, extensionId);
        return this;
    }

    public AccountSnapshot Build() => new(RoutingFixture.AccountId, TimeZone, RoutingFixture.NineToFive(), numbers, extensions);
}
