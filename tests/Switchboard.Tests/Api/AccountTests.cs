using Switchboard.Tests.Support;

namespace Switchboard.Tests.Api;

public sealed class AccountTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    [Fact]
    public async Task ReadAccount_Tilde_ReturnsTheCallersAccountWithMainNumberAndOperator()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        var account = await bob.GetJsonAsync("/restapi/v1.0/account/~");
        Assert.Equal(11111111, account.GetProperty("id").GetInt64());
        Assert.Equal("http://localhost/restapi/v1.0/account/11111111", account.GetProperty("uri").GetString());
        Assert.Equal("+12125550100", account.GetProperty("mainNumber").GetString());
        Assert.Equal("Confirmed", account.GetProperty("status").GetString());
        Assert.Equal(11111111, account.GetProperty("operator").GetProperty("id").GetInt64());
        Assert.Equal("101", account.GetProperty("operator").GetProperty("extensionNumber").GetString());
        Assert.Equal("America/New_York", account.GetProperty("regionalSettings").GetProperty("timezone").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadServiceInfo_ListsPlanBrandAndFeatures()
    {
        var info = await (await host.ClientAsync()).GetJsonAsync("/restapi/v1.0/account/11111111/service-info");
        Assert.Equal("RingCentral", info.GetProperty("brand").GetProperty("name").GetString());
        Assert.Contains("CallForwarding", info.GetProperty("serviceFeatures").Strings("featureName"));
    }

    [Fact]
    public async Task ReadAccount_AnotherAccount_Returns404WhetherItExistsOrNot()
    {
        var alice = await host.ClientAsync();
        var other = await (await alice.GetAsync("/restapi/v1.0/account/22222222")).ExpectErrorAsync(404, "CMN-102");
        var missing = await (await alice.GetAsync("/restapi/v1.0/account/99999999")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("accountId", other.GetProperty("parameterName").GetString());
        Assert.Equal(other.GetRawText(), missing.GetRawText());
    }

    [Fact]
    public async Task ApiVersions_NeedNoToken()
    {
        var versions = await host.CreateClient().GetJsonAsync("/restapi");
        Assert.Equal("v1.0", versions.GetProperty("apiVersions")[0].GetProperty("uriString").GetString());
        Assert.Equal("v1.0", (await host.CreateClient().GetJsonAsync("/restapi/v1.0")).GetProperty("uriString").GetString());
        await (await host.CreateClient().GetAsync("/restapi/v9")).ExpectErrorAsync(404, "CMN-102");
    }
}
