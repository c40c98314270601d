using Switchboard.Tests.Support;

namespace Switchboard.Tests.Api;

/// <summary>App permissions, user rights and account isolation, from the outside.</summary>
public sealed class AccessTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    [Fact]
    public async Task AppWithoutThePermission_GetsCMN401NamingIt()
    {
        var readOnly = await host.ClientAsync("RC_USER_JWT", "read-only-app", "read-only-secret");
        await readOnly.GetJsonAsync("/restapi/v1.0/account/~/extension");
        var response = await readOnly.PostJsonAsync("/restapi/v1.0/account/~/extension", new { contact = new { firstName = "X", email = "x@a.example" } });
        var body = await response.ExpectJsonAsync(403);
        Assert.Equal("InsufficientPermissions", body.GetProperty("errorCode").GetString());
        Assert.Equal("CMN-401", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Equal("EditAccounts", body.GetProperty("permissionName").GetString());
        Assert.Equal(5, (await readOnly.GetJsonAsync("/restapi/v1.0/account/~/extension")).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task AppWithEditAccounts_ImpliesEditExtensionsAndReadAccounts()
    {
        // test-app lists EditAccounts; the narrower permissions are implied (seed 003).
        var alice = await host.ClientAsync();
        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/~", new { contact = new { jobTitle = "CEO" } })).ExpectJsonAsync(200);
    }

    [Theory]
    [InlineData("/restapi/v1.0/account/22222222/extension")]
    [InlineData("/restapi/v1.0/account/22222222/extension/22222222")]
    [InlineData("/restapi/v1.0/account/22222222/phone-number")]
    [InlineData("/restapi/v1.0/account/22222222/extension/22222102/device")]
    [InlineData("/restapi/v1.0/account/~/extension/22222102")]
    [InlineData("/restapi/v1.0/account/~/extension/22222102/phone-number")]
    public async Task AnotherAccountsData_IsNotFound_EvenForAnAdministrator(string path)
    {
        var response = await (await host.ClientAsync()).GetAsync(path);
        await response.ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task OtherAccount_SeesOnlyItself()
    {
        var dave = await host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var extensions = await dave.GetJsonAsync("/restapi/v1.0/account/~/extension");
        Assert.Equal(["22222222", "22222102"], extensions.GetProperty("records").Strings("id"));
        await (await dave.GetAsync("/restapi/v1.0/account/11111111/extension/11111102")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task NonAdministrator_CannotCreateExtensions()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        var error = await (await bob.PostJsonAsync("/restapi/v1.0/account/~/extension", new { contact = new { firstName = "X", email = "y@a.example" } }))
            .ExpectErrorAsync(403, "CMN-408");
        Assert.Equal("AddRemoveUsers", error.GetProperty("permissionName").GetString());
    }

    [Fact]
    public async Task NonAdministrator_CannotReadAnotherUsersFeatures()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        await (await bob.GetAsync("/restapi/v1.0/account/~/extension/11111111/features")).ExpectErrorAsync(403, "CMN-419");
    }
}
