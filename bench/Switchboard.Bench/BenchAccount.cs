using System.Globalization;
using Switchboard.CallHandling;
using Switchboard.Telephony.Routing;

namespace Switchboard.Bench;

/// <summary>One account with many users, two devices each, and the plans routing would give them, built by hand.</summary>
internal sealed class BenchAccount : IRoutingDirectory
{
    public const long AccountId = 1_000;

    public BenchAccount(int users, TimeSpan ring)
    {
        var extensions = new Dictionary<long, ExtensionSnapshot>(users);
        var numbers = new Dictionary<string, NumberSnapshot>(users, StringComparer.Ordinal);
        Users = new BenchUser[users];
        for (var i = 0; i < users; i++)
        {
            var id = 10_000L + i;
            var number = "+1650" + (2_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var devices = new[] { new DeviceSnapshot(id * 10 + 1, "Desk", DeviceKind.HardPhone, true), new DeviceSnapshot(id * 10 + 2, "Soft", DeviceKind.SoftPhone, true) };
            extensions[id] = new ExtensionSnapshot(id, AccountId, (1000 + i).ToString(CultureInfo.InvariantCulture), $"User {i}", ExtensionKind.User, true,
                "UTC", DndStatus.TakeAllCalls, new CallHandlingDocument(), devices, new Dictionary<long, ForwardingSnapshot>(), [], number);
            numbers[number] = new NumberSnapshot(number, LineKind.DirectNumber, id);
            // What the router gives a user with default rules: ring the devices, then voicemail.
            var plan = new RoutingPlan(id, "work-hours",
            [
                new Ring([new RingLeg(LegKind.Device, id, devices[0].Id, null, TimeSpan.Zero), new RingLeg(LegKind.Device, id, devices[1].Id, null, TimeSpan.Zero)], ring, "ring the user's phones"),
                new Terminate(EndKind.VoiceMail, id, null, "nobody answered"),
            ], []);
            Users[i] = new BenchUser(id, number, devices[0].Id, plan);
        }
        Account = new AccountSnapshot(AccountId, "UTC", new WeeklySchedule(), numbers, extensions);
        _plans = Users.ToDictionary(u => u.Number, u => u.Plan, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, RoutingPlan> _plans;

    public AccountSnapshot Account { get; }
    public BenchUser[] Users { get; }

    public RoutingPlan Route(RoutingRequest request) => _plans[request.To];

    public ValueTask<AccountSnapshot?> FindByNumberAsync(string phoneNumber, CancellationToken ct = default) =>
        ValueTask.FromResult(Account.Numbers.ContainsKey(phoneNumber) ? Account : null);

    public ValueTask<AccountSnapshot?> FindAccountAsync(long accountId, CancellationToken ct = default) =>
        ValueTask.FromResult(accountId == AccountId ? Account : null);
}

internal sealed record BenchUser(long ExtensionId, string Number, long DeskId, RoutingPlan Plan);
