using Switchboard.Tests.Support;

namespace Switchboard.Tests.Subscriptions;

/// <summary>The subscription API: CRUD, the filters a caller may use, transports and the handshake.</summary>
public sealed class SubscriptionApiTests : IAsyncLifetime
{
    internal const string Path = "/restapi/v1.0/subscription";
    internal const string MySessions = "/restapi/v1.0/account/~/extension/~/telephony/sessions";
    private readonly SwitchboardHost _host = new();
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _host.Dispose();
    }

    internal static object Webhook(string address, params string[] filters) =>
        new { eventFilters = filters, deliveryMode = new { transportType = "WebHook", address, verificationToken = "secret-token" } };

    [Fact]
    public async Task CreateSubscription_WebHook_ResolvesFiltersAndStartsActive()
    {
        var alice = await _host.ClientAsync();
        var created = await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions, "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true")))
            .ExpectJsonAsync(200);

        var id = created.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.EndsWith($"{Path}/{id}", created.GetProperty("uri").GetString());
        Assert.Equal("Active", created.GetProperty("status").GetString());
        Assert.Equal(
            ["/restapi/v1.0/account/11111111/extension/11111111/telephony/sessions", "/restapi/v1.0/account/11111111/extension/11111111/presence?detailedTelephonyState=true"],
            created.GetProperty("eventFilters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(604800, created.GetProperty("expiresIn").GetInt32());
        Assert.Equal(SwitchboardHost.Start.UtcDateTime, created.GetProperty("creationTime").GetDateTime().ToUniversalTime());
        Assert.Equal(SwitchboardHost.Start.AddDays(7).UtcDateTime, created.GetProperty("expirationTime").GetDateTime().ToUniversalTime());
        var mode = created.GetProperty("deliveryMode");
        Assert.Equal("WebHook", mode.GetProperty("transportType").GetString());
        Assert.Equal(_receiver.Url, mode.GetProperty("address").GetString());
        Assert.False(mode.GetProperty("encryption").GetBoolean());
        Assert.False(mode.TryGetProperty("verificationToken", out _)); // write-only

        var list = await alice.GetJsonAsync(Path);
        Assert.Equal([id], list.GetProperty("records").Strings("id"));
        Assert.Equal(created.GetProperty("eventFilters").ToString(), (await alice.GetJsonAsync($"{Path}/{id}")).GetProperty("eventFilters").ToString());
    }

    [Fact]
    public async Task UpdateSubscription_FiltersAndLifetime_EmptyBodyAndRenewRestartTheLifetime()
    {
        var alice = await _host.ClientAsync();
        var id = (await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(200)).GetProperty("id").GetString()!;

        var updated = await (await alice.PutJsonAsync($"{Path}/{id}", new { eventFilters = new[] { "/restapi/v1.0/account/~/telephony/sessions?direction=Inbound" }, expiresIn = 3600 })).ExpectJsonAsync(200);
        Assert.Equal(["/restapi/v1.0/account/11111111/telephony/sessions?direction=Inbound"], updated.GetProperty("eventFilters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(3600, updated.GetProperty("expiresIn").GetInt32());

        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(2400, (await alice.GetJsonAsync($"{Path}/{id}")).GetProperty("expiresIn").GetInt32());
        var renewed = await (await alice.SendRawAsync(HttpMethod.Put, $"{Path}/{id}", "")).ExpectJsonAsync(200);
        Assert.Equal(3600, renewed.GetProperty("expiresIn").GetInt32());
        Assert.Equal(SwitchboardHost.Start.AddMinutes(80).UtcDateTime, renewed.GetProperty("expirationTime").GetDateTime().ToUniversalTime());

        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        var again = await (await alice.PostAsync($"{Path}/{id}/renew", null)).ExpectJsonAsync(200);
        Assert.Equal(SwitchboardHost.Start.AddMinutes(100).UtcDateTime, again.GetProperty("expirationTime").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task DeleteSubscription_ThenRead_Returns404()
    {
        var alice = await _host.ClientAsync();
        var id = (await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(200)).GetProperty("id").GetString()!;
        await (await alice.DeleteAsync($"{Path}/{id}")).ExpectEmptyAsync(204);
        var error = await (await alice.GetAsync($"{Path}/{id}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("subscriptionId", error.GetProperty("parameterName").GetString());
        Assert.Empty((await alice.GetJsonAsync(Path)).GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task ReadSubscription_AnotherUsers_Returns404()
    {
        var alice = await _host.ClientAsync();
        var id = (await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(200)).GetProperty("id").GetString()!;
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await (await bob.GetAsync($"{Path}/{id}")).ExpectErrorAsync(404, "CMN-102");
        await (await bob.DeleteAsync($"{Path}/{id}")).ExpectErrorAsync(404, "CMN-102");
    }

    [Theory]
    [InlineData("/restapi/v1.0/account/~/extension/~/message-store")]
    [InlineData("/restapi/v1.0/account/~/extension/~/telephony/sessions?direction=Sideways")]
    [InlineData("/restapi/v1.0/account/~/extension/99999999/telephony/sessions")]
    public async Task CreateSubscription_UnknownOrInvalidFilter_Returns400NamingIt(string filter)
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions, filter))).ExpectErrorAsync(400, "SUB-508");
        Assert.Equal(filter, error.GetProperty("parameterValue").GetString());
        Assert.Contains(filter, error.GetProperty("message").GetString());
        Assert.Empty((await alice.GetJsonAsync(Path)).GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("/restapi/v1.0/account/~/extension/11111111/telephony/sessions")] // Alice's, Bob is no administrator
    [InlineData("/restapi/v1.0/account/~/extension/11111111/presence")]
    [InlineData("/restapi/v1.0/account/~/telephony/sessions")] // the whole account
    [InlineData("/restapi/v1.0/account/22222222/extension/~/telephony/sessions")] // another account
    public async Task CreateSubscription_FilterTheUserMayNotSee_Returns403NamingIt(string filter)
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var error = await (await bob.PostJsonAsync(Path, Webhook(_receiver.Url, filter))).ExpectErrorAsync(403, "SUB-406");
        Assert.Equal(filter, error.GetProperty("parameterValue").GetString());
    }

    [Fact]
    public async Task CreateSubscription_AdministratorAnotherExtensionAndAccount_OnlyOtherAccountRefused()
    {
        var alice = await _host.ClientAsync();
        await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, "/restapi/v1.0/account/~/extension/11111102/telephony/sessions", "/restapi/v1.0/account/~/presence"))).ExpectJsonAsync(200);
        await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, "/restapi/v1.0/account/22222222/telephony/sessions"))).ExpectErrorAsync(403, "SUB-406");
    }

    [Theory]
    [InlineData("PubNub", "deprecated")]
    [InlineData("WebSocket", "WebSocket")]
    [InlineData("Carrier", "invalid")]
    public async Task CreateSubscription_TransportOtherThanWebHook_Returns400(string transport, string said)
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.PostJsonAsync(Path, new { eventFilters = new[] { MySessions }, deliveryMode = new { transportType = transport } })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deliveryMode.transportType", error.GetProperty("parameterName").GetString());
        Assert.Contains(said, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateSubscription_AppWithoutWebhookPermission_Returns403()
    {
        var readOnly = await _host.ClientAsync(clientId: "read-only-app", secret: "read-only-secret");
        var body = await (await readOnly.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(403);
        Assert.Equal("CMN-401", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal("WebhookSubscriptions", body.GetProperty("permissionName").GetString());
    }

    [Fact]
    public async Task CreateSubscription_ReceiverDoesNotEchoToken_Returns400Sub525AndStoresNothing()
    {
        var alice = await _host.ClientAsync();
        _receiver.Echo = false;
        await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectErrorAsync(400, "SUB-525");
        Assert.Empty((await alice.GetJsonAsync(Path)).GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task CreateSubscription_UnreachableAddress_Returns400NamingTheAddress()
    {
        var alice = await _host.ClientAsync();
        var closed = _receiver.Url;
        await _receiver.DisposeAsync();
        _receiver = await Receiver.StartAsync(); // disposed again at the end; the old port is closed now
        var error = await (await alice.PostJsonAsync(Path, Webhook(closed, MySessions))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deliveryMode.address", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task CreateSubscription_TwentyFirstOfUserAndApp_Returns403Sub505()
    {
        var alice = await _host.ClientAsync();
        for (var i = 0; i < 20; i++) await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(200);
        var body = await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(403);
        Assert.Equal("SUB-505", body.GetProperty("errorCode").GetString());
        Assert.Equal(20, (await alice.GetJsonAsync(Path)).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task CreateSubscription_AllowListSet_OnlyListedAddressesAccepted()
    {
        // Production use: only the listed receivers (here the loopback receiver by host, nothing else).
        using var restricted = new AllowListHost("127.0.0.1, https://hooks.example.com/rc/");
        var alice = await restricted.ClientAsync();

        await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url, MySessions))).ExpectJsonAsync(200);
        var refused = await (await alice.PostJsonAsync(Path, Webhook("https://elsewhere.example.com/hook", MySessions))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("deliveryMode.address", refused.GetProperty("parameterName").GetString());
        Assert.Single((await alice.GetJsonAsync(Path)).GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task CreateSubscription_NoFilters_Returns400()
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.PostJsonAsync(Path, Webhook(_receiver.Url))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("eventFilters", error.GetProperty("parameterName").GetString());
    }

    private sealed class AllowListHost(string allowed) : SwitchboardHost
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Switchboard:WebhookAllowList", allowed);
        }
    }
}
