using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.OAuth;

public sealed class AuthorizationCodeTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    private const string Redirect = "http://127.0.0.1:8080/callback";
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static readonly string Challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private HttpClient Browser() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> SignInAsync(string clientId = "test-app", string redirect = Redirect, string password = "Alice-pass1")
    {
        var response = await Browser().PostAsync("/restapi/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirect, ["state"] = "xyz",
            ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256",
            ["username"] = "alice@a.example", ["password"] = password,
        }));
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirect + "?code=", location, StringComparison.Ordinal);
        Assert.EndsWith("&state=xyz", location, StringComparison.Ordinal);
        return Uri.UnescapeDataString(location[(redirect.Length + 6)..location.IndexOf("&state", StringComparison.Ordinal)]);
    }

    private Task<HttpResponseMessage> Exchange(string code, string verifier = Verifier, string redirect = Redirect) =>
        host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier });

    [Fact]
    public async Task Authorize_Get_ShowsASignInPageNamingTheApp()
    {
        var response = await Browser().GetAsync($"/restapi/oauth/authorize?response_type=code&client_id=test-app&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s1&brand_id=&display=");
        Assert.Equal(200, (int)response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Test App", html, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"s1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WrongPassword_ShowsThePageAgainWithTheError()
    {
        var response = await Browser().PostAsync("/restapi/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "test-app", ["response_type"] = "code", ["redirect_uri"] = Redirect,
            ["username"] = "alice@a.example", ["password"] = "nope",
        }));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("Invalid resource owner credentials", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test-app", "https://evil.example/callback", "invalid_request")]
    [InlineData("no-such-app", Redirect, "invalid_client")]
    public async Task Authorize_BadClientOrRedirect_Returns400WithoutRedirecting(string clientId, string redirect, string error)
    {
        var response = await Browser().GetAsync($"/restapi/oauth/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect)}");
        Assert.Equal(error, (await response.ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_LoopbackRedirectOnAnotherPort_IsAccepted()
    {
        var response = await Browser().GetAsync($"/restapi/oauth/authorize?response_type=code&client_id=test-app&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:51234/callback")}");
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Authorize_PublicAppWithoutPkce_IsRefused()
    {
        var response = await Browser().GetAsync($"/restapi/oauth/authorize?response_type=code&client_id=public-app&redirect_uri={Uri.EscapeDataString("https://app.example/callback")}");
        Assert.Equal("code_challenge", (await response.ExpectJsonAsync(400)).GetProperty("errors")[0].GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task Code_ExchangedWithTheVerifier_SignsTheUserIn()
    {
        var token = await (await Exchange(await SignInAsync())).ExpectJsonAsync(200);
        Assert.Equal("11111111", token.GetProperty("owner_id").GetString());
        await host.ClientWith(token.GetProperty("access_token").GetString()!).GetJsonAsync("/restapi/v1.0/account/~/extension/~");
    }

    [Fact]
    public async Task Code_PublicAppWithClientIdOnly_SignsIn()
    {
        var code = await SignInAsync("public-app", "https://app.example/callback");
        var response = await host.TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "https://app.example/callback",
            ["code_verifier"] = Verifier, ["client_id"] = "public-app",
        }, clientId: null, secret: null);
        await response.ExpectJsonAsync(200);
    }

    [Fact]
    public async Task Code_WrongVerifier_IsRefused()
    {
        var body = await (await Exchange(await SignInAsync(), verifier: "another-verifier-another-verifier-another-v")).ExpectJsonAsync(400);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Code_UsedTwice_IsRefusedTheSecondTime()
    {
        var code = await SignInAsync();
        await (await Exchange(code)).ExpectJsonAsync(200);
        Assert.Equal("OAU-106", (await (await Exchange(code)).ExpectJsonAsync(400)).GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Code_AnotherRedirectUri_IsRefused()
    {
        var body = await (await Exchange(await SignInAsync(), redirect: "http://127.0.0.1:8080/other")).ExpectJsonAsync(400);
        Assert.Equal("OAU-109", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Code_AfterAMinute_HasExpired()
    {
        var code = await SignInAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("OAU-108", (await (await Exchange(code)).ExpectJsonAsync(400)).GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }
}
