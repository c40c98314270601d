using Switchboard.Tests.Support;

namespace Switchboard.Tests.OAuth;

public sealed class CredentialTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    private const string Path = "/switchboard/v1/account/~/extension/~/jwt-credentials";

    [Fact]
    public async Task JwtCredential_CreatedUsedAndRevoked_StopsSigningIn()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        var created = await (await bob.PostJsonAsync(Path, new { app = "test-app" })).ExpectJsonAsync(201);
        var jwt = created.GetProperty("jwt").GetString()!;
        var grant = new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = jwt };
        Assert.Equal("11111102", (await (await host.TokenAsync(grant)).ExpectJsonAsync(200)).GetProperty("owner_id").GetString());

        var listed = await bob.GetJsonAsync(Path);
        Assert.Contains(created.GetProperty("id").GetString(), listed.GetProperty("records").Strings("id"));

        await (await bob.DeleteAsync($"{Path}/{created.GetProperty("id").GetString()}")).ExpectEmptyAsync(204);
        Assert.Equal("invalid_grant", (await (await host.TokenAsync(grant)).ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task JwtCredential_OfAnotherUser_NeedsAnAdministrator()
    {
        var bob = await host.ClientAsync("RC_USER2_JWT");
        await (await bob.GetAsync("/switchboard/v1/account/~/extension/11111111/jwt-credentials")).ExpectErrorAsync(403, "CMN-419");
        var alice = await host.ClientAsync();
        var bobs = await alice.GetJsonAsync("/switchboard/v1/account/~/extension/11111102/jwt-credentials");
        Assert.Contains("bob-jwt", bobs.GetProperty("records").Strings("id"));
    }
}
