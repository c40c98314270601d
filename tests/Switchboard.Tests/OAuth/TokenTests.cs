using System.Net.Http.Headers;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.OAuth;

public sealed class TokenTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    [Fact]
    public async Task Token_JwtGrant_ReturnsEveryFieldTheClientsRead()
    {
        var token = await host.LoginAsync();

        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(3600, token.GetProperty("expires_in").GetInt32());
        Assert.Equal(604800, token.GetProperty("refresh_token_expires_in").GetInt32());
        Assert.Equal("11111111", token.GetProperty("owner_id").GetString());
        Assert.Contains("EditAccounts", token.GetProperty("scope").GetString()!.Split(' '));
        foreach (var field in new[] { "access_token", "refresh_token", "endpoint_id", "session_id" })
            Assert.False(string.IsNullOrEmpty(token.GetProperty(field).GetString()), field);
    }

    [Fact]
    public async Task Token_BasicHeaderAndClientIdInBody_IsAccepted()
    {
        var response = await host.TokenAsync(new()
        {
            ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"], ["client_id"] = "test-app",
        });
        await response.ExpectJsonAsync(200);
    }

    [Fact]
    public async Task Token_SecretInBody_IsAccepted()
    {
        var response = await host.TokenAsync(new()
        {
            ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"], ["client_id"] = "test-app", ["client_secret"] = "test-secret",
        }, clientId: null, secret: null);
        await response.ExpectJsonAsync(200);
    }

    [Fact]
    public async Task Token_ConfidentialAppWithoutSecret_Returns400InvalidClient()
    {
        var response = await host.TokenAsync(new()
        {
            ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"], ["client_id"] = "test-app",
        }, clientId: null, secret: null);
        var body = await response.ExpectJsonAsync(400);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal("Client authentication is required", body.GetProperty("error_description").GetString());
        Assert.Equal("OAU-123", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Token_WrongSecret_Returns400InvalidClient()
    {
        var response = await host.TokenAsync(new() { ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"] }, "test-app", "wrong");
        var body = await response.ExpectJsonAsync(400);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal("OAU-146", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("not.a.jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMTExMTExMSIsImp0aSI6ImFsaWNlLWp3dCJ9.c2lnbmF0dXJl")]
    public async Task Token_ForgedOrMalformedJwt_Returns400InvalidGrant(string assertion)
    {
        var response = await host.TokenAsync(new() { ["grant_type"] = JwtGrant, ["assertion"] = assertion });
        var body = await response.ExpectJsonAsync(400);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("OAU-140", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Token_RevokedJwtCredential_Returns400InvalidGrant()
    {
        var response = await host.TokenAsync(new() { ["grant_type"] = JwtGrant, ["assertion"] = host.Env["BOB_REVOKED_JWT"] });
        Assert.Equal("invalid_grant", (await response.ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_JwtBoundToAnotherApp_Returns400InvalidGrant()
    {
        var response = await host.TokenAsync(new() { ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER2_JWT"] }, "read-only-app", "read-only-secret");
        Assert.Equal("invalid_grant", (await response.ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_GrantTheAppMayNotUse_Returns400UnauthorizedClient()
    {
        var response = await host.TokenAsync(new() { ["grant_type"] = "password", ["username"] = "+12125550100*101", ["password"] = "Alice-pass1" },
            "jwt-only-app", "jwt-only-secret");
        var body = await response.ExpectJsonAsync(400);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
        Assert.Equal("OAU-112", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("client_credentials")]
    public async Task Token_MissingOrUnknownGrantType_Returns400(string? grantType)
    {
        var form = new Dictionary<string, string> { ["assertion"] = "x" };
        if (grantType is not null) form["grant_type"] = grantType;
        var body = await (await host.TokenAsync(form)).ExpectJsonAsync(400);
        Assert.Equal(grantType is null ? "invalid_request" : "unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("+12125550100*101", null, "11111111")]
    [InlineData("12125550100", "102", "11111102")]
    [InlineData("(212) 555-0102", null, "11111102")]
    [InlineData("BOB@a.example", null, "11111102")]
    public async Task Token_PasswordGrant_SignsInByPhoneNumberExtensionOrEmail(string username, string? extension, string owner)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = owner == "11111111" ? "Alice-pass1" : "Bob-pass12",
        };
        if (extension is not null) form["extension"] = extension;
        var body = await (await host.TokenAsync(form)).ExpectJsonAsync(200);
        Assert.Equal(owner, body.GetProperty("owner_id").GetString());
    }

    [Theory]
    [InlineData("+12125550100*101", "wrong-password", "OAU-140")]
    [InlineData("+19995550100*101", "Alice-pass1", "OAU-140")]
    [InlineData("+12125550100*103", "Carol-pass1", "OAU-141")]
    public async Task Token_PasswordGrantRefused_Returns400InvalidGrant(string username, string password, string code)
    {
        var body = await (await host.TokenAsync(new() { ["grant_type"] = "password", ["username"] = username, ["password"] = password }))
            .ExpectJsonAsync(400);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("-1", "-1", 3600, 604800)]
    [InlineData("0", "NaN", 3600, 604800)]
    [InlineData("junk", "", 3600, 604800)]
    [InlineData("100", "100", 600, 600)]
    [InlineData("1800", "86400", 1800, 86400)]
    [InlineData("99999", "9999999", 3600, 604800)]
    public async Task Token_Lifetimes_AreHonouredWithinTheLimits(string access, string refresh, int expiresIn, int refreshExpiresIn)
    {
        var body = await (await host.TokenAsync(new()
        {
            ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"], ["access_token_ttl"] = access, ["refresh_token_ttl"] = refresh,
        })).ExpectJsonAsync(200);
        Assert.Equal(expiresIn, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(refreshExpiresIn, body.GetProperty("refresh_token_expires_in").GetInt32());
    }

    [Fact]
    public async Task Token_NotAForm_Returns400()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("test-app:test-secret"u8.ToArray()));
        var response = await client.SendRawAsync(HttpMethod.Post, "/restapi/oauth/token", """{"grant_type":"password"}""");
        Assert.Equal("invalid_request", (await response.ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_DoubledLeadingSlash_IsTolerated()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://localhost//restapi/oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = JwtGrant, ["assertion"] = host.Env["RC_USER_JWT"] }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("test-app:test-secret"u8.ToArray()));
        await (await host.CreateClient().SendAsync(request)).ExpectJsonAsync(200);
    }
}
