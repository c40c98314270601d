using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Subscriptions;

/// <summary>Notifications that do not come from calls: presence set through the API, extension changes, renewal reminders; and a blacklisted subscription coming back.</summary>
public sealed class EventSourceTests : IAsyncLifetime
{
    private const string Path = SubscriptionApiTests.Path;
    private readonly SwitchboardHost _host = new();
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _host.Dispose();
    }

    private async Task<string> SubscribeAsync(HttpClient client, object body) =>
        (await (await client.PostJsonAsync(Path, body)).ExpectJsonAsync(200)).GetProperty("id").GetString()!;

    private Task<string> SubscribeAsync(HttpClient client, params string[] filters) => SubscribeAsync(client, SubscriptionApiTests.Webhook(_receiver.Url, filters));

    /// <summary>Moves the server's clock in steps, letting the timers that come due run, until the receiver has <paramref name="count"/> notifications.</summary>
    private async Task<IReadOnlyList<Delivery>> AdvanceUntilAsync(int count, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && _receiver.Deliveries.Count < count; i++)
        {
            _host.Clock.Advance(step);
            await _receiver.NextAsync(TimeSpan.FromMilliseconds(100));
        }
        return _receiver.Deliveries;
    }

    [Fact]
    public async Task PutPresence_UserStatusAndDnd_PresenceSubscriberReceivesEachChange()
    {
        var alice = await _host.ClientAsync();
        await SubscribeAsync(alice, "/restapi/v1.0/account/~/extension/~/presence");

        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { userStatus = "Busy" })).ExpectJsonAsync(200);
        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { dndStatus = "DoNotAcceptAnyCalls" })).ExpectJsonAsync(200);

        var all = await _receiver.WaitForAsync(2);
        Assert.All(all, d => Assert.Equal("/restapi/v1.0/account/11111111/extension/11111111/presence", d.Event));
        Assert.Equal("Busy", all[0].Body.GetProperty("userStatus").GetString());
        Assert.Equal("DoNotAcceptAnyCalls", all[1].Body.GetProperty("dndStatus").GetString());
        Assert.Equal("NoCall", all[1].Body.GetProperty("telephonyStatus").GetString());
        Assert.True(all[1].Body.GetProperty("sequence").GetInt64() > all[0].Body.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task PutPresence_OfAnotherUser_NonAdministratorsPresenceFilterHearsNothing()
    {
        var alice = await _host.ClientAsync();
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await SubscribeAsync(bob, "/restapi/v1.0/account/~/extension/~/presence");

        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { userStatus = "Busy" })).ExpectJsonAsync(200);
        await (await bob.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { userStatus = "Available" })).ExpectJsonAsync(200);

        var all = await _receiver.WaitForAsync(1);
        await _receiver.NextAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal("11111102", Assert.Single(_receiver.Deliveries).Body.GetProperty("extensionId").GetString());
        Assert.Equal("Available", all[0].Body.GetProperty("userStatus").GetString());
    }

    [Fact]
    public async Task Extensions_CreateUpdateDelete_ListAndInfoSubscribersHearOfThem()
    {
        var alice = await _host.ClientAsync();
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        // Every user may follow the company directory; the administrator follows Bob's extension too.
        await SubscribeAsync(bob, "/restapi/v1.0/account/~/extension");
        await using var info = await Receiver.StartAsync();
        await SubscribeAsync(alice, SubscriptionApiTests.Webhook(info.Url, "/restapi/v1.0/account/~/extension/11111102"));

        var created = await (await alice.PostJsonAsync("/restapi/v1.0/account/~/extension", new
        {
            type = "User",
            contact = new { firstName = "Carol", lastName = "New", email = "carol@example.com" },
        })).ExpectJsonAsync(200);
        var carol = created.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/11111102", new { contact = new { jobTitle = "Engineer" } })).ExpectJsonAsync(200);
        await (await alice.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/restapi/v1.0/account/~/extension/{carol}"))).ExpectEmptyAsync(204);

        var list = await _receiver.WaitForAsync(3);
        Assert.All(list, d => Assert.Equal("/restapi/v1.0/account/11111111/extension", d.Event));
        Assert.Equal(
            [(carol, "Create"), ("11111102", "Update"), (carol, "Delete")],
            list.Select(d => (d.Body.GetProperty("extensionId").GetString(), d.Body.GetProperty("eventType").GetString())));
        Assert.All(list, d => Assert.Equal("11111102", d.Body.GetProperty("ownerId").GetString()));

        var update = Assert.Single(await info.WaitForAsync(1));
        Assert.Equal("/restapi/v1.0/account/11111111/extension/11111102", update.Event);
        Assert.Equal("Update", update.Body.GetProperty("eventType").GetString());
        Assert.Equal(["ExtensionInfo"], update.Body.GetProperty("hints").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task ExtensionInfoFilter_OfAnotherExtension_NonAdministratorRefused()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var response = await bob.PostJsonAsync(Path, SubscriptionApiTests.Webhook(_receiver.Url, "/restapi/v1.0/account/~/extension/11111111"));
        var error = await response.ExpectErrorAsync(403, "SUB-406");
        Assert.Contains("/restapi/v1.0/account/~/extension/11111111", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RenewalReminder_WithinThreshold_RemindedEveryIntervalUntilRenewed()
    {
        var alice = await _host.ClientAsync();
        const string reminder = "/restapi/v1.0/subscription/~?threshold=600&interval=300";
        var created = await (await alice.PostJsonAsync(Path, new
        {
            eventFilters = new[] { "/restapi/v1.0/account/~/extension/~/presence", reminder },
            deliveryMode = new { transportType = "WebHook", address = _receiver.Url },
            expiresIn = 3600,
        })).ExpectJsonAsync(200);
        var id = created.GetProperty("id").GetString()!;
        Assert.Contains(reminder, created.GetProperty("eventFilters").EnumerateArray().Select(f => f.GetString()));

        // Nothing until the last 600 s; then one at once and one 300 s later.
        _host.Clock.Advance(TimeSpan.FromSeconds(2990));
        Assert.False(await _receiver.NextAsync(TimeSpan.FromMilliseconds(300)));
        var reminders = await AdvanceUntilAsync(2, TimeSpan.FromSeconds(10), 40);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal($"/restapi/v1.0/subscription/{id}", r.Event));
        Assert.Equal(id, reminders[0].Body.GetProperty("subscriptionId").GetString());
        Assert.InRange(reminders[0].Body.GetProperty("expiresIn").GetInt32(), 580, 600);
        Assert.InRange(reminders[1].Body.GetProperty("expiresIn").GetInt32(), 280, 300);

        // Renewed: the expiry moves out of the threshold and the reminders stop.
        await (await alice.PostJsonAsync($"{Path}/{id}/renew", new { })).ExpectJsonAsync(200);
        await AdvanceUntilAsync(3, TimeSpan.FromSeconds(10), 60);
        Assert.Equal(2, _receiver.Deliveries.Count);
    }

    [Theory]
    [InlineData("/restapi/v1.0/subscription/~?threshold=600&interval=400")] // interval above half the threshold
    [InlineData("/restapi/v1.0/subscription/~?threshold=600")]
    [InlineData("/restapi/v1.0/subscription/~?threshold=0&interval=0")]
    [InlineData("/restapi/v1.0/subscription/~?threshold=2000&interval=500")] // threshold above half the lifetime (3600 s)
    public async Task RenewalReminder_InvalidParameters_Returns400NamingTheFilter(string filter)
    {
        var alice = await _host.ClientAsync();
        var response = await alice.PostJsonAsync(Path, new
        {
            eventFilters = new[] { filter },
            deliveryMode = new { transportType = "WebHook", address = _receiver.Url },
            expiresIn = 3600,
        });
        var error = await response.ExpectJsonAsync(400);
        Assert.Contains(filter, error.GetProperty("message").GetString());
        Assert.Equal(0, (await alice.GetJsonAsync(Path)).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Blacklisted_ReceiverRecovers_ReactivatedByReconciliationAndDeliversAgain()
    {
        var alice = await _host.ClientAsync();
        var id = await SubscribeAsync(alice, "/restapi/v1.0/account/~/extension/~/presence");
        _receiver.FailNext = -1;
        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { userStatus = "Busy" })).ExpectJsonAsync(200);
        await _receiver.WaitForFailuresAsync(1);

        JsonElement info = default;
        for (var round = 0; round < 40; round++)
        {
            info = await alice.GetJsonAsync($"{Path}/{id}");
            if (info.GetProperty("status").GetString() == "Blacklisted") break;
            _host.Clock.Advance(TimeSpan.FromSeconds(30));
            await _receiver.NextAsync(TimeSpan.FromMilliseconds(200));
        }
        Assert.Equal("Blacklisted", info.GetProperty("status").GetString());

        // The receiver is back; the next reconciliation (every 15 minutes) finds it answering the handshake.
        _receiver.FailNext = 0;
        for (var round = 0; round < 40 && info.GetProperty("status").GetString() != "Active"; round++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
            await _receiver.NextAsync(TimeSpan.FromMilliseconds(200));
            info = await alice.GetJsonAsync($"{Path}/{id}");
        }
        Assert.Equal("Active", info.GetProperty("status").GetString());
        Assert.False(info.TryGetProperty("blacklistedData", out _));

        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~/presence", new { userStatus = "Available" })).ExpectJsonAsync(200);
        var delivered = await _receiver.WaitForAsync(1);
        Assert.Equal("Available", delivered[^1].Body.GetProperty("userStatus").GetString());
    }
}
