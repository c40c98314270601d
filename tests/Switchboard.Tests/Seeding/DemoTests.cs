using Switchboard.Tests.Support;

namespace Switchboard.Tests.Seeding;

/// <summary>What a newcomer gets at first start without --seed.</summary>
public sealed class DemoTests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public void FirstStart_WritesTheVariablesTheSamplesRead()
    {
        foreach (var name in new[] { "RC_SERVER_URL", "RC_APP_CLIENT_ID", "RC_APP_CLIENT_SECRET", "RC_USER_JWT", "RC_USER2_JWT", "RC_OTHER_ACCOUNT_JWT" })
            Assert.False(string.IsNullOrEmpty(host.Env.GetValueOrDefault(name)), name);
        Assert.Equal("http://127.0.0.1:5599", host.Env["RC_SERVER_URL"]);
    }

    [Fact]
    public async Task Demo_AdministratorUserAndOtherAccount_SignIn()
    {
        var secret = host.Env["RC_APP_CLIENT_SECRET"];
        var admin = await host.LoginAsync("RC_USER_JWT", "switchboard-demo-app", secret);
        var user = await host.LoginAsync("RC_USER2_JWT", "switchboard-demo-app", secret);
        var other = await host.LoginAsync("RC_OTHER_ACCOUNT_JWT", "switchboard-demo-app", secret);
        Assert.Equal("37439510", admin.GetProperty("owner_id").GetString()); // the system extension's id is the account id
        var me = await host.ClientWith(user.GetProperty("access_token").GetString()!).GetJsonAsync("/restapi/v1.0/account/~/extension/~");
        Assert.False(me.GetProperty("permissions").GetProperty("admin").GetProperty("enabled").GetBoolean());
        var account = await host.ClientWith(other.GetProperty("access_token").GetString()!).GetJsonAsync("/restapi/v1.0/account/~");
        Assert.Equal(48372610, account.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Demo_PasswordFromEnv_SignsInTheAdministrator()
    {
        var token = await host.TokenAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = host.Env["RC_USERNAME"] + "*" + host.Env["RC_EXTENSION"],
            ["password"] = host.Env["RC_PASSWORD"],
        }, "switchboard-demo-app", host.Env["RC_APP_CLIENT_SECRET"]);
        Assert.Equal("37439510", (await token.ExpectJsonAsync(200)).GetProperty("owner_id").GetString());
    }

    [Fact]
    public async Task Demo_HasEveryExtensionTypeNumberUsageAndDevice()
    {
        var admin = host.ClientWith((await host.LoginAsync("RC_USER_JWT", "switchboard-demo-app", host.Env["RC_APP_CLIENT_SECRET"])).GetProperty("access_token").GetString()!);
        var types = (await admin.GetJsonAsync("/restapi/v1.0/account/~/extension")).GetProperty("records").Strings("type").ToHashSet();
        Assert.Superset(new HashSet<string> {"User", "VirtualUser", "DigitalUser", "FaxUser", "Department", "Announcement", "Voicemail", "SharedLinesGroup", "PagingOnly", "IvrMenu", "ParkLocation"}, types);

        var usages = (await admin.GetJsonAsync("/restapi/v1.0/account/~/phone-number")).GetProperty("records").Strings("usageType").ToHashSet();
        Assert.Superset(new HashSet<string> {"MainCompanyNumber", "AdditionalCompanyNumber", "CompanyNumber", "DirectNumber", "CompanyFaxNumber", "ForwardedNumber"}, usages);

        var devices = (await admin.GetJsonAsync("/restapi/v1.0/account/~/extension/~/device")).GetProperty("records").Strings("type");
        Assert.Equal(["HardPhone", "SoftPhone"], devices);

        var company = await admin.GetJsonAsync("/restapi/v1.0/account/~");
        Assert.Equal("+16505550100", company.GetProperty("mainNumber").GetString());
    }
}
