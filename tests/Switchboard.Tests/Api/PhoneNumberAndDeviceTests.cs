using Switchboard.Tests.Support;

namespace Switchboard.Tests.Api;

public sealed class PhoneNumberAndDeviceTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    private const string AccountNumbers = "/restapi/v1.0/account/~/phone-number";

    [Fact]
    public async Task AccountNumbers_Administrator_SeesEveryNumberWithItsExtension()
    {
        var numbers = (await (await host.ClientAsync()).GetJsonAsync(AccountNumbers)).GetProperty("records");
        Assert.Equal(["+12125550100", "+18005550100", "+12125550101", "+12125550102", "+12125550190", "+12125550120"], numbers.Strings("phoneNumber"));
        var toll = numbers[1];
        Assert.Equal(("CompanyNumber", "TollFree", "VoiceOnly"), (toll.GetProperty("usageType").GetString(), toll.GetProperty("paymentType").GetString(), toll.GetProperty("type").GetString()));
        Assert.Equal("300", toll.GetProperty("extension").GetProperty("extensionNumber").GetString());
    }

    [Theory]
    [InlineData("usageType=DirectNumber", new[] { "+12125550101", "+12125550102", "+12125550120" })]
    [InlineData("usageType=MainCompanyNumber&usageType=CompanyFaxNumber", new[] { "+12125550100", "+12125550190" })]
    [InlineData("paymentType=TollFree", new[] { "+18005550100" })]
    public async Task AccountNumbers_Filters(string query, string[] expected)
    {
        var numbers = (await (await host.ClientAsync()).GetJsonAsync($"{AccountNumbers}?{query}")).GetProperty("records");
        Assert.Equal(expected, numbers.Strings("phoneNumber"));
    }

    [Fact]
    public async Task AccountNumbers_NonAdministrator_SeesDirectNumbersOnly_WhateverIsAsked()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        Assert.Equal(["+12125550101", "+12125550102", "+12125550120"], (await bob.GetJsonAsync(AccountNumbers)).GetProperty("records").Strings("phoneNumber"));
        Assert.Equal(0, (await bob.GetJsonAsync($"{AccountNumbers}?usageType=MainCompanyNumber")).GetProperty("records").GetArrayLength());
        await (await bob.GetAsync($"{AccountNumbers}/2001")).ExpectErrorAsync(403, "CMN-408");
        Assert.Equal("+12125550101", (await bob.GetJsonAsync($"{AccountNumbers}/2003")).GetProperty("phoneNumber").GetString());
    }

    [Fact]
    public async Task ExtensionNumbers_Own_IncludeTheMainNumberWithFeatures()
    {
        var own = (await (await host.ClientAsync("RC_USER2_JWT")).GetJsonAsync("/restapi/v1.0/account/~/extension/~/phone-number")).GetProperty("records");
        Assert.Equal(["+12125550100", "+12125550102"], own.Strings("phoneNumber"));
        Assert.Equal("CallerId", own[1].GetProperty("features")[0].GetString());
        Assert.Equal("United States", own[1].GetProperty("country").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExtensionNumbers_OfAnotherUser_DirectNumbersWithoutFeatures()
    {
        var others = (await (await host.ClientAsync("RC_USER2_JWT")).GetJsonAsync("/restapi/v1.0/account/~/extension/11111111/phone-number")).GetProperty("records");
        Assert.Equal(["+12125550101"], others.Strings("phoneNumber"));
        Assert.False(others[0].TryGetProperty("features", out _));
    }

    [Fact]
    public async Task ExtensionNumbers_BadUsageType_Returns400()
    {
        var error = await (await (await host.ClientAsync()).GetAsync("/restapi/v1.0/account/~/extension/~/phone-number?usageType=Mobile")).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("usageType", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task Devices_Own_ListedWithTheirPhoneLines()
    {
        var devices = (await (await host.ClientAsync()).GetJsonAsync("/restapi/v1.0/account/~/extension/~/device")).GetProperty("records");
        Assert.Equal(["1001", "1002"], devices.Strings("id"));
        Assert.Equal("HardPhone", devices[0].GetProperty("type").GetString());
        Assert.Equal("Online", devices[0].GetProperty("status").GetString());
        Assert.Equal("+12125550101", devices[0].GetProperty("phoneLines")[0].GetProperty("phoneInfo").GetProperty("phoneNumber").GetString());
        var soft = (await (await host.ClientAsync()).GetJsonAsync("/restapi/v1.0/account/~/extension/~/device?type=SoftPhone")).GetProperty("records");
        Assert.Equal(["1002"], soft.Strings("id"));
    }

    [Fact]
    public async Task Devices_OfAnotherUser_NeedAnAdministrator()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        var error = await (await bob.GetAsync("/restapi/v1.0/account/~/extension/11111111/device")).ExpectErrorAsync(403, "CMN-419");
        Assert.Equal("ReadUserDevices", error.GetProperty("permissionName").GetString());
        await (await bob.GetAsync("/restapi/v1.0/account/~/device/1001")).ExpectErrorAsync(403, "CMN-419");
        Assert.Equal("Bob softphone", (await bob.GetJsonAsync("/restapi/v1.0/account/~/device/1003")).GetProperty("name").GetString());

        var alice = await host.ClientAsync();
        Assert.Equal(["1003"], (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/11111102/device")).GetProperty("records").Strings("id"));
    }
}
