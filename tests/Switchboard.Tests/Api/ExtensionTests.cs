using System.Text.Json;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Api;

public sealed class ExtensionTests : IDisposable
{
    private const string List = "/restapi/v1.0/account/~/extension";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static object NewUser(string email, string? number = null) => new
    {
        contact = new { firstName = "Frank", lastName = "New", email },
        extensionNumber = number,
        type = "User",
        password = "Frank-pass1",
        unknownField = "ignored",
    };

    [Fact]
    public async Task ListExtensions_OrdersByNumberAndPages()
    {
        var alice = await _host.ClientAsync();
        var all = await alice.GetJsonAsync(List);
        Assert.Equal(["101", "102", "103", "200", "300"], all.GetProperty("records").Strings("extensionNumber"));

        var page = await alice.GetJsonAsync($"{List}?perPage=2&page=2&status=Enabled&status=Disabled");
        Assert.Equal(["103", "200"], page.GetProperty("records").Strings("extensionNumber"));
        var paging = page.GetProperty("paging");
        Assert.Equal((2, 2, 3, 5, 2, 3), (paging.GetProperty("page").GetInt32(), paging.GetProperty("perPage").GetInt32(),
            paging.GetProperty("totalPages").GetInt32(), paging.GetProperty("totalElements").GetInt32(),
            paging.GetProperty("pageStart").GetInt32(), paging.GetProperty("pageEnd").GetInt32()));
        var nav = page.GetProperty("navigation");
        Assert.Equal("http://localhost/restapi/v1.0/account/11111111/extension?status=Enabled&status=Disabled&page=3&perPage=2",
            nav.GetProperty("nextPage").GetProperty("uri").GetString());
        Assert.EndsWith("page=1&perPage=2", nav.GetProperty("previousPage").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("page=1&perPage=2", nav.GetProperty("firstPage").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("page=3&perPage=2", nav.GetProperty("lastPage").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type=Department", new[] { "200" })]
    [InlineData("type=User&status=Disabled", new[] { "103" })]
    [InlineData("extensionNumber=102", new[] { "102" })]
    [InlineData("email=ALICE@a.example&email=bob@a.example", new[] { "101", "102" })]
    public async Task ListExtensions_Filters(string query, string[] expected)
    {
        var result = await (await _host.ClientAsync()).GetJsonAsync($"{List}?{query}");
        Assert.Equal(expected, result.GetProperty("records").Strings("extensionNumber"));
    }

    [Theory]
    [InlineData("perPage=0", "perPage")]
    [InlineData("perPage=ten", "perPage")]
    [InlineData("page=0", "page")]
    [InlineData("page=1001", "page")]
    [InlineData("type=Robot", "type")]
    [InlineData("status=Asleep", "status")]
    public async Task ListExtensions_BadQuery_Returns400NamingTheParameter(string query, string parameter)
    {
        var error = await (await (await _host.ClientAsync()).GetAsync($"{List}?{query}")).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task ListExtensions_PerPageAboveTheMaximum_UsesTheMaximum()
    {
        var result = await (await _host.ClientAsync()).GetJsonAsync($"{List}?perPage=5000");
        Assert.Equal(1000, result.GetProperty("paging").GetProperty("perPage").GetInt32());
    }

    [Fact]
    public async Task ListExtensions_NonAdministrator_SeesOthersPublicInformationOnly()
    {
        var records = (await (await _host.ClientAsync("RC_USER2_JWT")).GetJsonAsync(List)).GetProperty("records").EnumerateArray().ToList();
        var self = records.Single(r => r.GetProperty("extensionNumber").GetString() == "102");
        var other = records.Single(r => r.GetProperty("extensionNumber").GetString() == "101");
        Assert.Equal("bob@a.example", self.GetProperty("contact").GetProperty("email").GetString());
        Assert.False(other.GetProperty("contact").TryGetProperty("email", out _));
        Assert.False(other.TryGetProperty("permissions", out _));
        Assert.Equal("Alice", other.GetProperty("contact").GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task ReadExtension_Own_HasAccountAndRegionalSettings()
    {
        var me = await (await _host.ClientAsync("RC_USER2_JWT")).GetJsonAsync($"{List}/~");
        Assert.Equal(11111102, me.GetProperty("id").GetInt64());
        Assert.Equal("http://localhost/restapi/v1.0/account/11111111/extension/11111102", me.GetProperty("uri").GetString());
        Assert.Equal("11111111", me.GetProperty("account").GetProperty("id").GetString());
        Assert.False(me.GetProperty("permissions").GetProperty("admin").GetProperty("enabled").GetBoolean());
        Assert.Equal("America/New_York", me.GetProperty("regionalSettings").GetProperty("timezone").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadExtension_OtherAsNonAdministrator_IsThePublicView()
    {
        var alice = await (await _host.ClientAsync("RC_USER2_JWT")).GetJsonAsync($"{List}/11111111");
        Assert.Equal("Alice Admin", alice.GetProperty("name").GetString());
        Assert.False(alice.TryGetProperty("regionalSettings", out _));
        Assert.False(alice.GetProperty("contact").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("abc")]
    [InlineData("22222102")]
    public async Task ReadExtension_UnknownOrOtherAccounts_Returns404(string id)
    {
        var error = await (await (await _host.ClientAsync()).GetAsync($"{List}/{id}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("extensionId", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task CreateExtension_Valid_IsStoredAndCanSignIn()
    {
        var alice = await _host.ClientAsync();
        var created = await (await alice.PostJsonAsync(List, NewUser("frank@a.example"))).ExpectJsonAsync(200);
        Assert.Equal("104", created.GetProperty("extensionNumber").GetString()); // the first free number
        Assert.Equal("Frank New", created.GetProperty("name").GetString());
        Assert.Equal("Enabled", created.GetProperty("status").GetString());
        Assert.False(created.TryGetProperty("unknownField", out _));

        var read = await alice.GetJsonAsync($"{List}/{created.GetProperty("id").GetInt64()}");
        Assert.Equal("frank@a.example", read.GetProperty("contact").GetProperty("email").GetString());
        var token = await _host.TokenAsync(new() { ["grant_type"] = "password", ["username"] = "frank@a.example", ["password"] = "Frank-pass1" });
        Assert.Equal(created.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await token.ExpectJsonAsync(200)).GetProperty("owner_id").GetString());
    }

    [Fact]
    public async Task CreateExtension_Department_IsNamed()
    {
        var created = await (await (await _host.ClientAsync()).PostJsonAsync(List, new { type = "Department", name = "Billing", extensionNumber = "250" }))
            .ExpectJsonAsync(200);
        Assert.Equal("Billing", created.GetProperty("name").GetString());
        Assert.Equal("Department", created.GetProperty("type").GetString());
    }

    public static TheoryData<string, string, string> BadCreations => new()
    {
        { """{"contact":{"email":"x@a.example"}}""", "CMN-101", "contact.firstName" },
        { """{"contact":{"firstName":"X"}}""", "CMN-101", "contact.email" },
        { """{"contact":{"firstName":"X","email":"not-an-email"}}""", "CMN-101", "contact.email" },
        { """{"contact":{"firstName":"X","email":"BOB@a.example"}}""", "CMN-406", "contact.email" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"extensionNumber":"102"}""", "CMN-406", "extensionNumber" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"extensionNumber":"1a"}""", "CMN-101", "extensionNumber" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"type":"IvrMenu"}""", "CMN-101", "type" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"status":"Sleeping"}""", "CMN-101", "status" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"password":"short"}""", "CMN-101", "password" },
        { """{"contact":{"firstName":"X","email":"x@a.example"},"regionalSettings":{"timezone":{"id":"Mars/Olympus"}}}""", "CMN-101", "regionalSettings.timezone.id" },
        { """{"type":"Department"}""", "CMN-101", "name" },
    };

    [Theory]
    [MemberData(nameof(BadCreations))]
    public async Task CreateExtension_Invalid_Returns400NamingTheParameterAndChangesNothing(string body, string code, string parameter)
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.SendRawAsync(HttpMethod.Post, List, body)).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(5, (await alice.GetJsonAsync(List)).GetProperty("paging").GetProperty("totalElements").GetInt32());
    }

    [Fact]
    public async Task CreateExtension_BrokenJson_Returns400()
    {
        await (await (await _host.ClientAsync()).SendRawAsync(HttpMethod.Post, List, "{\"contact\": ")).ExpectErrorAsync(400, "CMN-103");
    }

    [Fact]
    public async Task UpdateExtension_AdministratorChangesStatusAndNumber()
    {
        var alice = await _host.ClientAsync();
        var updated = await (await alice.PutJsonAsync($"{List}/11111103", new { status = "Enabled", extensionNumber = "113" })).ExpectJsonAsync(200);
        Assert.Equal("Enabled", updated.GetProperty("status").GetString());
        Assert.Equal("113", (await alice.GetJsonAsync($"{List}/11111103")).GetProperty("extensionNumber").GetString());
    }

    [Fact]
    public async Task UpdateExtension_UserEditsOwnContact_ButNotStatus()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var updated = await (await bob.PutJsonAsync($"{List}/~", new { contact = new { lastName = "Builder", jobTitle = "Engineer" } })).ExpectJsonAsync(200);
        Assert.Equal("Bob Builder", updated.GetProperty("name").GetString());
        Assert.Equal("Engineer", updated.GetProperty("contact").GetProperty("jobTitle").GetString());

        var error = await (await bob.PutJsonAsync($"{List}/~", new { status = "Disabled", contact = new { lastName = "X" } })).ExpectErrorAsync(403, "CMN-402");
        Assert.Equal("status", error.GetProperty("parameterName").GetString());
        Assert.Equal("Bob Builder", (await bob.GetJsonAsync($"{List}/~")).GetProperty("name").GetString());
        await (await bob.PutJsonAsync($"{List}/11111111", new { contact = new { lastName = "X" } })).ExpectErrorAsync(403, "CMN-419");
    }

    [Fact]
    public async Task UpdateExtension_SystemExtensionCannotBeDisabled()
    {
        var alice = await _host.ClientAsync();
        await (await alice.PutJsonAsync($"{List}/~", new { status = "Disabled" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("Enabled", (await alice.GetJsonAsync($"{List}/~")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeleteExtension_RemovesItAndKeepsItsNumberForTheCompany()
    {
        var alice = await _host.ClientAsync();
        await (await alice.DeleteAsync($"{List}/11111102")).ExpectEmptyAsync(204);
        await (await alice.GetAsync($"{List}/11111102")).ExpectErrorAsync(404, "CMN-102");
        var number = await alice.GetJsonAsync("/restapi/v1.0/account/~/phone-number/2004");
        Assert.Equal("CompanyNumber", number.GetProperty("usageType").GetString());
        Assert.False(number.TryGetProperty("extension", out _));
    }

    [Fact]
    public async Task DeleteExtension_SystemExtensionOrByNonAdministrator_IsRefused()
    {
        await (await (await _host.ClientAsync()).DeleteAsync($"{List}/11111111")).ExpectErrorAsync(400, "CMN-101");
        var error = await (await (await _host.ClientAsync("RC_USER2_JWT")).DeleteAsync($"{List}/11111103")).ExpectErrorAsync(403, "CMN-408");
        Assert.Equal("AddRemoveUsers", error.GetProperty("permissionName").GetString());
    }

    [Fact]
    public async Task Features_NewCallHandlingFlag_FollowsTheAccount()
    {
        static string Flag(JsonElement features) =>
            features.GetProperty("records")[0].GetProperty("params")[0].GetProperty("value").GetString()!;
        const string Query = "/restapi/v1.0/account/~/extension/~/features?featureId=NewCallHandlingAndForwarding";
        Assert.Equal("false", Flag(await (await _host.ClientAsync()).GetJsonAsync(Query)));
        Assert.Equal("true", Flag(await (await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT")).GetJsonAsync(Query)));
    }

    [Fact]
    public async Task Features_OfADepartment_ExplainWhatIsUnavailable()
    {
        var alice = await _host.ClientAsync();
        var features = (await alice.GetJsonAsync($"{List}/11111200/features")).GetProperty("records").EnumerateArray().ToList();
        var park = features.Single(f => f.GetProperty("id").GetString() == "CallPark");
        Assert.False(park.GetProperty("available").GetBoolean());
        Assert.Equal("ExtensionTypeLimitation", park.GetProperty("reason").GetProperty("code").GetString());

        var available = (await alice.GetJsonAsync($"{List}/11111200/features?availableOnly=true")).GetProperty("records");
        Assert.DoesNotContain("CallPark", available.Strings("id"));
    }
}
