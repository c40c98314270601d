using Switchboard.Tests.Support;

namespace Switchboard.Tests.OAuth;

/// <summary>Access tokens, refresh, revoke and the session limit, with the clock moved by the test.</summary>
public sealed class SessionTests : IDisposable
{
    private const string Me = "/restapi/v1.0/account/~/extension/~";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<HttpResponseMessage> Refresh(string refreshToken, string? accessTtl = null) =>
        _host.TokenAsync(accessTtl is null
            ? new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }
            : new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["access_token_ttl"] = accessTtl });

    [Fact]
    public async Task AccessToken_BearerInAnyCaseOrQuery_IsAccepted()
    {
        var token = (await _host.LoginAsync()).GetProperty("access_token").GetString()!;
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + token);
        Assert.Equal(11111111, (await client.GetJsonAsync(Me)).GetProperty("id").GetInt64());
        Assert.Equal(11111111, (await _host.CreateClient().GetJsonAsync($"{Me}?access_token={token}")).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AccessToken_MissingWrongSchemeUnknown_Return401WithPlatformCodes()
    {
        await (await _host.CreateClient().GetAsync(Me)).ExpectErrorAsync(401, "OAU-123");
        var basic = _host.CreateClient();
        basic.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic dGVzdA==");
        await (await basic.GetAsync(Me)).ExpectErrorAsync(401, "OAU-134");
        await (await _host.ClientWith("no-such-token").GetAsync(Me)).ExpectErrorAsync(401, "OAU-213");
    }

    [Fact]
    public async Task AccessToken_AfterItsLifetime_Returns401Expired()
    {
        var client = _host.ClientWith((await _host.LoginAsync()).GetProperty("access_token").GetString()!);
        await client.GetJsonAsync(Me);
        _host.Clock.Advance(TimeSpan.FromSeconds(3600));
        await (await client.GetAsync(Me)).ExpectErrorAsync(401, "OAU-128");
    }

    [Fact]
    public async Task Refresh_IssuesNewTokensAndEndsTheOldAccessTokenAtOnce()
    {
        var first = await _host.LoginAsync();
        var oldClient = _host.ClientWith(first.GetProperty("access_token").GetString()!);
        await oldClient.GetJsonAsync(Me);

        var second = await (await Refresh(first.GetProperty("refresh_token").GetString()!)).ExpectJsonAsync(200);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        Assert.Equal(first.GetProperty("session_id").GetString(), second.GetProperty("session_id").GetString());

        await (await oldClient.GetAsync(Me)).ExpectErrorAsync(401, "OAU-213");
        await _host.ClientWith(second.GetProperty("access_token").GetString()!).GetJsonAsync(Me);
    }

    [Fact]
    public async Task Refresh_WithTtlMinusOneAfterA401_KeepsTheSessionAlive()
    {
        var first = await _host.LoginAsync();
        var second = await (await Refresh(first.GetProperty("refresh_token").GetString()!, "-1")).ExpectJsonAsync(200);
        Assert.Equal(3600, second.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Refresh_ReusedWhileTheNewTokenIsUnused_ReturnsTheSameTokensForAnHour()
    {
        var first = await _host.LoginAsync();
        var refreshToken = first.GetProperty("refresh_token").GetString()!;
        var second = await (await Refresh(refreshToken)).ExpectJsonAsync(200);

        _host.Clock.Advance(TimeSpan.FromMinutes(59));
        var again = await (await Refresh(refreshToken)).ExpectJsonAsync(200);
        Assert.Equal(second.GetProperty("access_token").GetString(), again.GetProperty("access_token").GetString());
        Assert.Equal(second.GetProperty("refresh_token").GetString(), again.GetProperty("refresh_token").GetString());
        Assert.Equal(60, again.GetProperty("expires_in").GetInt32());

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await (await Refresh(refreshToken)).ExpectJsonAsync(400);
        Assert.Equal("invalid_grant", late.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_ReusedTenSecondsAfterTheNewTokenWasUsed_IsRefused()
    {
        var first = await _host.LoginAsync();
        var refreshToken = first.GetProperty("refresh_token").GetString()!;
        var second = await (await Refresh(refreshToken)).ExpectJsonAsync(200);
        await _host.ClientWith(second.GetProperty("access_token").GetString()!).GetJsonAsync(Me);

        _host.Clock.Advance(TimeSpan.FromSeconds(9));
        await (await Refresh(refreshToken)).ExpectJsonAsync(200);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("OAU-213", (await (await Refresh(refreshToken)).ExpectJsonAsync(400)).GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Refresh_ExpiredRefreshToken_Returns400TokenExpired()
    {
        var first = await _host.LoginAsync();
        _host.Clock.Advance(TimeSpan.FromDays(7));
        var body = await (await Refresh(first.GetProperty("refresh_token").GetString()!)).ExpectJsonAsync(400);
        Assert.Equal("OAU-210", body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Refresh_ByAnotherApp_IsRefused()
    {
        var first = await _host.LoginAsync();
        var response = await _host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = first.GetProperty("refresh_token").GetString()! },
            "read-only-app", "read-only-secret");
        Assert.Equal("invalid_grant", (await response.ExpectJsonAsync(400)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    public async Task Revoke_EitherToken_EndsTheWholeSession(string which)
    {
        var token = await _host.LoginAsync();
        var client = _host.ClientWith(token.GetProperty("access_token").GetString()!);
        await client.GetJsonAsync(Me);

        var revoke = new HttpRequestMessage(HttpMethod.Post, "/restapi/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token.GetProperty(which).GetString()!, ["client_id"] = "test-app" }),
        };
        revoke.Headers.Authorization = new("Basic", Convert.ToBase64String("test-app:test-secret"u8.ToArray()));
        await (await _host.CreateClient().SendAsync(revoke)).ExpectEmptyAsync(200);

        await (await client.GetAsync(Me)).ExpectErrorAsync(401, "OAU-213");
        await (await Refresh(token.GetProperty("refresh_token").GetString()!)).ExpectJsonAsync(400);
    }

    [Fact]
    public async Task Login_SixthSessionOfAUserAndApp_RevokesTheOldest()
    {
        var sessions = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            sessions.Add(_host.ClientWith((await _host.LoginAsync()).GetProperty("access_token").GetString()!));
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await (await sessions[0].GetAsync(Me)).ExpectErrorAsync(401, "OAU-213");
        foreach (var client in sessions.Skip(1)) await client.GetJsonAsync(Me);
    }

    [Fact]
    public async Task DisablingAnExtension_EndsItsSessions()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await bob.GetJsonAsync(Me);
        var admin = await _host.ClientAsync();
        await (await admin.PutJsonAsync("/restapi/v1.0/account/~/extension/11111102", new { status = "Disabled" })).ExpectJsonAsync(200);
        await (await bob.GetAsync(Me)).ExpectErrorAsync(401, "OAU-213");
        var login = await _host.TokenAsync(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = _host.Env["RC_USER2_JWT"] });
        Assert.Equal("OAU-141", (await login.ExpectJsonAsync(400)).GetProperty("errors")[0].GetProperty("errorCode").GetString());
    }
}
