using Switchboard.Tests.Support;

namespace Switchboard.Tests.Greetings;

/// <summary>The standard greetings dictionary: the presets that rules' <c>preset.id</c> point at.</summary>
public sealed class StandardGreetingApiTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    private const string Dictionary = "/restapi/v1.0/dictionary/greeting";

    [Fact]
    public async Task ListStandardGreetings_NoFilter_ListsAllWithTheSeedsPresets()
    {
        var list = await (await host.ClientAsync()).GetJsonAsync(Dictionary);
        var records = list.GetProperty("records");
        Assert.Equal(13, records.GetArrayLength());
        Assert.Contains("66048", records.Strings("id"));
        Assert.Contains("68867", records.Strings("id"));
        Assert.Contains("66310", records.Strings("id"));
        var welcome = records.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "66048");
        Assert.Equal(("Default", "Introductory", "Message", "UserExtensionAnsweringRule"),
            (welcome.GetProperty("name").GetString(), welcome.GetProperty("type").GetString(), welcome.GetProperty("category").GetString(), welcome.GetProperty("usageType").GetString()));
        Assert.Equal("http://localhost/restapi/v1.0/dictionary/greeting/66048", welcome.GetProperty("uri").GetString());
        Assert.False(welcome.TryGetProperty("contentUri", out _));
    }

    [Theory]
    [InlineData("?type=ConnectingAudio", new[] { "66310", "66311", "66312" })]
    [InlineData("?type=Voicemail&type=Unavailable", new[] { "65792", "65793", "69376" })]
    [InlineData("?usageType=CompanyAnsweringRule", new[] { "69632" })]
    [InlineData("?type=Company&usageType=CompanyAfterHoursAnsweringRule", new[] { "69633" })]
    [InlineData("?type=Introductory&usageType=DepartmentExtensionAnsweringRule", new string[0])]
    public async Task ListStandardGreetings_TypeAndUsageType_Filter(string query, string[] ids)
    {
        var list = await (await host.ClientAsync()).GetJsonAsync(Dictionary + query);
        Assert.Equal(ids, list.GetProperty("records").Strings("id"));
    }

    [Theory]
    [InlineData("?type=Welcome", "type")]
    [InlineData("?usageType=Everyone", "usageType")]
    [InlineData("?page=0", "page")]
    public async Task ListStandardGreetings_ValueOutsideTheSpec_Returns400(string query, string parameter)
    {
        var error = await (await (await host.ClientAsync()).GetAsync(Dictionary + query)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task ListStandardGreetings_SecondPage_HasPagingAndNavigation()
    {
        var list = await (await host.ClientAsync()).GetJsonAsync(Dictionary + "?perPage=5&page=2");
        Assert.Equal(["66311", "66312", "68867", "68868", "69120"], list.GetProperty("records").Strings("id"));
        var paging = list.GetProperty("paging");
        Assert.Equal((2, 5, 3, 13, 5, 9), (paging.GetProperty("page").GetInt32(), paging.GetProperty("perPage").GetInt32(), paging.GetProperty("totalPages").GetInt32(),
            paging.GetProperty("totalElements").GetInt32(), paging.GetProperty("pageStart").GetInt32(), paging.GetProperty("pageEnd").GetInt32()));
        var navigation = list.GetProperty("navigation");
        Assert.Equal("http://localhost/restapi/v1.0/dictionary/greeting?page=3&perPage=5", navigation.GetProperty("nextPage").GetProperty("uri").GetString());
        Assert.Equal("http://localhost/restapi/v1.0/dictionary/greeting?page=1&perPage=5", navigation.GetProperty("previousPage").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task ReadStandardGreeting_KnownId_ReturnsTheEntry()
    {
        // An app with no more than ReadAccounts may read the dictionary: the spec asks for no permission.
        var readOnly = await host.ClientAsync("RC_USER_JWT", "read-only-app", "read-only-secret");
        var greeting = await readOnly.GetJsonAsync(Dictionary + "/68867");
        Assert.Equal(("ConnectingMessage", "Please wait while I try to connect you."), (greeting.GetProperty("type").GetString(), greeting.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task ReadStandardGreeting_UnknownId_Returns404()
    {
        var error = await (await (await host.ClientAsync("RC_OTHER_ACCOUNT_JWT")).GetAsync(Dictionary + "/1")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("greetingId", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task ListStandardGreetings_WithoutToken_Returns401()
    {
        await (await host.CreateClient().GetAsync(Dictionary)).ExpectErrorAsync(401, "OAU-123");
    }
}
