using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;

namespace Switchboard.Tests.Telephony;

/// <summary>
/// A small hand-built account: users Alice (101), Bob (102) and Carol (103) with a desk phone and a
/// soft phone each, an IVR menu (1001) on the main number, a park location (801), and plans by hand.
/// Alice's call flip numbers: 1 her mobile, 2 her desk phone's line; her home number is not one.
/// </summary>
public static class TestAccount
{
    public const long AccountId = 400;
    public const long Alice = 101_000, Bob = 102_000, Carol = 103_000, Ivr = 1_001_000, ParkLot = 801_000;
    public const long AliceDesk = 5_101, AliceSoft = 5_102, BobDesk = 5_201, CarolDesk = 5_301;
    public const string MainNumber = "+16505550100", AliceNumber = "+16505550101", BobNumber = "+16505550102";
    public const string Outsider = "+14155550199";
    // Alice's forwarding numbers (her mobile, home, and a colleague's cell).
    public const string Mobile = "+14155550111", Home = "+14155550112", Cell = "+14155550113";
    public const long MobileEntry = 4_101, DeskLineEntry = 4_102, HomeEntry = 4_103;

    public static AccountSnapshot Build()
    {
        var extensions = new Dictionary<long, ExtensionSnapshot>
        {
            [Alice] = User(Alice, "101", "Alice Able", AliceNumber, AliceDesk, AliceSoft) with
            {
                Forwarding = new Dictionary<long, ForwardingSnapshot>
                {
                    [MobileEntry] = new(MobileEntry, Mobile, "Mobile", null, 1),
                    [DeskLineEntry] = new(DeskLineEntry, AliceNumber, "Phone 5101", AliceDesk, 2),
                    [HomeEntry] = new(HomeEntry, Home, "Home", null),
                },
            },
            [Bob] = User(Bob, "102", "Bob Baker", BobNumber, BobDesk),
            [Carol] = User(Carol, "103", "Carol Cole", null, CarolDesk),
            [Ivr] = Other(Ivr, "1001", "IVR Menu 1001", ExtensionKind.IvrMenu),
            [ParkLot] = Other(ParkLot, "801", "Park Location 801", ExtensionKind.ParkLocation),
        };
        var numbers = new Dictionary<string, NumberSnapshot>
        {
            [MainNumber] = new(MainNumber, LineKind.MainCompanyNumber, Ivr),
            [AliceNumber] = new(AliceNumber, LineKind.DirectNumber, Alice),
            [BobNumber] = new(BobNumber, LineKind.DirectNumber, Bob),
        };
        return new AccountSnapshot(AccountId, "America/Los_Angeles", new WeeklySchedule(), numbers, extensions);
    }

    private static ExtensionSnapshot User(long id, string number, string name, string? direct, params long[] devices) => new(
        id, AccountId, number, name, ExtensionKind.User, true, "America/Los_Angeles", DndStatus.TakeAllCalls, new CallHandlingDocument(),
        [.. devices.Select(d => new DeviceSnapshot(d, $"Phone {d}", DeviceKind.HardPhone, true))], new Dictionary<long, ForwardingSnapshot>(), [], direct);

    private static ExtensionSnapshot Other(long id, string number, string name, ExtensionKind kind) => new(
        id, AccountId, number, name, kind, true, "America/Los_Angeles", DndStatus.TakeAllCalls, new CallHandlingDocument(), [],
        new Dictionary<long, ForwardingSnapshot>(), [], null);

    public static RingLeg Device(long extension, long device, int offsetSeconds = 0) => new(LegKind.Device, extension, device, null, TimeSpan.FromSeconds(offsetSeconds));
    public static RingLeg Outside(string number, long? extension = null) => new(LegKind.OutsideNumber, extension, null, number, TimeSpan.Zero);
    public static Ring Ring(int seconds, params RingLeg[] legs) => new(legs, TimeSpan.FromSeconds(seconds), "test");
    public static Terminate End(EndKind kind, long? extension = null, string? number = null) => new(kind, extension, number, "test");
    public static RoutingPlan Plan(long? extension, params PlanStep[] steps) => new(extension, "test", steps, []);

    /// <summary>The usual plan of a user: ring their devices 20 s, then voicemail.</summary>
    public static RoutingPlan RingThenVoicemail(long extension, params long[] devices) =>
        Plan(extension, Ring(20, [.. devices.Select(d => Device(extension, d))]), End(EndKind.VoiceMail, extension));

    /// <summary>A routing function from a table: by dialled number or extension number; the users' default plans otherwise.</summary>
    public static Func<RoutingRequest, RoutingPlan> Routes(Dictionary<string, RoutingPlan>? plans = null) => request =>
    {
        if (plans is not null && plans.TryGetValue(request.To, out var plan)) return plan;
        return request.To switch
        {
            AliceNumber or "101" => RingThenVoicemail(Alice, AliceDesk, AliceSoft),
            BobNumber or "102" => RingThenVoicemail(Bob, BobDesk),
            "103" => RingThenVoicemail(Carol, CarolDesk),
            MainNumber or "1001" => Plan(Ivr, new PlayPrompt("Welcome", null, null, "menu"), new CollectDigits(Ivr, TimeSpan.FromSeconds(10), "menu"), End(EndKind.ForwardToExtension, Alice)),
            _ => new RoutingPlan(null, "unknown", [], ["not a number of the account"]),
        };
    };
}

public sealed class TestDirectory(params AccountSnapshot[] accounts) : IRoutingDirectory
{
    public ValueTask<AccountSnapshot?> FindByNumberAsync(string phoneNumber, CancellationToken ct = default) =>
        ValueTask.FromResult(accounts.FirstOrDefault(a => a.Numbers.ContainsKey(phoneNumber)));

    public ValueTask<AccountSnapshot?> FindAccountAsync(long accountId, CancellationToken ct = default) =>
        ValueTask.FromResult(accounts.FirstOrDefault(a => a.Id == accountId));
}
