using Switchboard.Tests.Support;

namespace Switchboard.Tests.ForwardingNumbers;

/// <summary>v1 forwarding numbers from the outside (seed 000 and 001).</summary>
public sealed class ForwardingNumberApiTests : IDisposable
{
    private const string Path = "/restapi/v1.0/account/~/extension/~/forwarding-number";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<string[]> Numbers(HttpClient client) =>
        (await client.GetJsonAsync(Path)).GetProperty("records").Strings("phoneNumber");

    [Fact]
    public async Task List_ShowsTheDevicesAutomaticallyThenTheNumbers_InFlipOrder()
    {
        var records = (await (await _host.ClientAsync()).GetJsonAsync(Path)).GetProperty("records");
        Assert.Equal(["1", "2", "3"], records.Strings("flipNumber"));
        var desk = records[0];
        Assert.Equal(("PhoneLine", "Alice desk phone", "1001", "+12125550101"),
            (desk.GetProperty("type").GetString(), desk.GetProperty("label").GetString(), desk.GetProperty("device").GetProperty("id").GetString(), desk.GetProperty("phoneNumber").GetString()));
        Assert.Equal(["CallFlip"], desk.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var mobile = records[2];
        Assert.Equal(("4001", "Mobile", "Mobile"), (mobile.GetProperty("id").GetString(), mobile.GetProperty("type").GetString(), mobile.GetProperty("label").GetString()));
        Assert.Equal(["CallForwarding", "CallFlip"], mobile.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("http://localhost/restapi/v1.0/account/11111111/extension/11111111/forwarding-number/4001", mobile.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Seed000_CreateListReadUpdateDelete()
    {
        var alice = await _host.ClientAsync();
        var created = await (await alice.PostJsonAsync(Path, new { phoneNumber = "11235557890", type = "Other", label = "My ATT number" })).ExpectJsonAsync(200);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(("+11235557890", "My ATT number", "Other", "4"),
            (created.GetProperty("phoneNumber").GetString(), created.GetProperty("label").GetString(), created.GetProperty("type").GetString(), created.GetProperty("flipNumber").GetString()));
        Assert.Contains("+11235557890", await Numbers(alice));

        var read = await alice.GetJsonAsync($"{Path}/{id}");
        Assert.Equal(created.GetRawText(), read.GetRawText());

        var updated = await (await alice.PutJsonAsync($"{Path}/{id}", new { phoneNumber = "+16505551212" })).ExpectJsonAsync(200);
        Assert.Equal(("+16505551212", "My ATT number", "4"), (updated.GetProperty("phoneNumber").GetString(), updated.GetProperty("label").GetString(), updated.GetProperty("flipNumber").GetString()));
        Assert.Equal("+16505551212", (await alice.GetJsonAsync($"{Path}/{id}")).GetProperty("phoneNumber").GetString());

        await (await alice.SendRawAsync(HttpMethod.Delete, $"{Path}/{id}", "{}")).ExpectEmptyAsync(204);
        await (await alice.GetAsync($"{Path}/{id}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal(["+12125550101", "+12125550101", "+13475550101"], await Numbers(alice));
    }

    [Fact]
    public async Task Update_TypeChangesTheLabel_LabelOnlyCountsForOther()
    {
        var alice = await _host.ClientAsync();
        var work = await (await alice.PutJsonAsync($"{Path}/4001", new { type = "Work", label = "ignored" })).ExpectJsonAsync(200);
        Assert.Equal(("Work", "Work"), (work.GetProperty("type").GetString(), work.GetProperty("label").GetString()));
        var other = await (await alice.PutJsonAsync($"{Path}/4001", new { type = "Other", label = "Cabin" })).ExpectJsonAsync(200);
        Assert.Equal("Cabin", other.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Create_PhoneLine_MakesTheDeviceAForwardingTarget()
    {
        var alice = await _host.ClientAsync();
        var line = await (await alice.PostJsonAsync(Path, new { type = "PhoneLine", device = new { id = "1002" } })).ExpectJsonAsync(200);
        Assert.Equal(("1002", "2"), (line.GetProperty("device").GetProperty("id").GetString(), line.GetProperty("flipNumber").GetString()));
        Assert.Equal(["CallForwarding", "CallFlip"], line.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(3, (await alice.GetJsonAsync(Path)).GetProperty("records").GetArrayLength());
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { """{"phoneNumber":"1-800-FLOWERS"}""", "CMN-101", "phoneNumber" },
        { """{"phoneNumber":"+12125550102"}""", "CMN-101", "phoneNumber" },
        { """{"phoneNumber":"+13475550101"}""", "CMN-406", "phoneNumber" },
        { """{"phoneNumber":"+16505550001","type":"Pager"}""", "CMN-101", "type" },
        { """{"type":"PhoneLine"}""", "CMN-101", "device.id" },
        { """{"type":"PhoneLine","device":{"id":"1003"}}""", "CMN-102", "device.id" },
        { """{"type":"PhoneLine","device":{"id":"1001"},"phoneNumber":"+16505550001"}""", "CMN-101", "device" },
        { """{"phoneNumber":"+16505550001","device":{"id":"1001"}}""", "CMN-101", "device" },
        { """{"phoneNumber":"+16505550001","flipNumber":9}""", "CMN-101", "flipNumber" },
        { """{"phoneNumber":"+16505550001","flipNumber":1}""", "CMN-406", "flipNumber" },
        { """{"label":"no number"}""", "CMN-101", "phoneNumber" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Create_BrokenRule_Returns400NamingTheParameter_AndChangesNothing(string body, string code, string parameter)
    {
        var alice = await _host.ClientAsync();
        var before = (await alice.GetJsonAsync(Path)).GetRawText();
        var error = await (await alice.SendRawAsync(HttpMethod.Post, Path, body)).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(before, (await alice.GetJsonAsync(Path)).GetRawText());
    }

    [Fact]
    public async Task Create_TheEleventhNumber_IsRefused()
    {
        var alice = await _host.ClientAsync();
        for (var i = 0; i < 9; i++)
            await (await alice.PostJsonAsync(Path, new { phoneNumber = $"+1650555{i:0000}" })).ExpectJsonAsync(200);
        var error = await (await alice.PostJsonAsync(Path, new { phoneNumber = "+16505559999" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Contains("at most 10", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var records = (await alice.GetJsonAsync(Path)).GetProperty("records");
        Assert.Equal(12, records.GetArrayLength());
        Assert.Equal(4, records.EnumerateArray().Count(r => !r.TryGetProperty("flipNumber", out _))); // digits stop at 8
    }

    [Fact]
    public async Task Delete_ADevicesOwnEntry_IsRefused()
    {
        var alice = await _host.ClientAsync();
        var desk = (await alice.GetJsonAsync(Path)).GetProperty("records")[0].GetProperty("id").GetString();
        await (await alice.DeleteAsync($"{Path}/{desk}")).ExpectErrorAsync(400, "CMN-101");
    }

    [Fact]
    public async Task BulkDelete_AllOrNothing()
    {
        var alice = await _host.ClientAsync();
        var a = (await (await alice.PostJsonAsync(Path, new { phoneNumber = "+16505550001" })).ExpectJsonAsync(200)).GetProperty("id").GetString();
        var b = (await (await alice.PostJsonAsync(Path, new { phoneNumber = "+16505550002" })).ExpectJsonAsync(200)).GetProperty("id").GetString();

        var error = await (await alice.SendRawAsync(HttpMethod.Delete, Path, $$"""{"records":[{"id":"{{a}}"},{"id":"999"}]}""")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("records[1].id", error.GetProperty("parameterName").GetString());
        Assert.Contains("+16505550001", await Numbers(alice));

        await (await alice.SendRawAsync(HttpMethod.Delete, Path, $$"""{"records":[{"id":"{{a}}"},{"forwardingNumberId":"{{b}}"}]}""")).ExpectEmptyAsync(204);
        Assert.Equal(["+12125550101", "+12125550101", "+13475550101"], await Numbers(alice));
    }

    [Fact]
    public async Task Access_OwnOrAdministrator_NeverAnotherAccount()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        Assert.Equal(["+12125550102"], await Numbers(bob)); // his softphone
        await (await bob.GetAsync("/restapi/v1.0/account/~/extension/11111111/forwarding-number")).ExpectErrorAsync(403, "CMN-419");
        await (await bob.PostJsonAsync("/restapi/v1.0/account/~/extension/11111111/forwarding-number", new { phoneNumber = "+16505550001" })).ExpectErrorAsync(403, "CMN-419");

        var alice = await _host.ClientAsync();
        await (await alice.PostJsonAsync("/restapi/v1.0/account/~/extension/11111102/forwarding-number", new { phoneNumber = "+16505550001", type = "Mobile" })).ExpectJsonAsync(200);
        Assert.Equal(["+12125550102", "+16505550001"], await Numbers(bob));
        await (await alice.GetAsync("/restapi/v1.0/account/22222222/extension/22222222/forwarding-number")).ExpectErrorAsync(404, "CMN-102");

        var readOnly = await _host.ClientAsync("RC_USER_JWT", "read-only-app", "read-only-secret");
        await (await readOnly.PostJsonAsync(Path, new { phoneNumber = "+16505550001" })).ExpectErrorAsync(403, "CMN-401");
    }

    [Fact]
    public async Task Department_HasNoForwardingNumbers()
    {
        var alice = await _host.ClientAsync();
        await (await alice.GetAsync("/restapi/v1.0/account/~/extension/11111200/forwarding-number")).ExpectErrorAsync(403, "CMN-403");
    }

    [Fact]
    public async Task UpgradedAccount_ReadsWithV1_ButChangesOnlyWithV2()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        Assert.Equal(["+13125550201", "+17185550111"], await Numbers(dave));
        var error = await (await dave.PostJsonAsync(Path, new { phoneNumber = "+16505550001" })).ExpectErrorAsync(403, "CMN-109");
        Assert.Contains("call-flip-numbers", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await (await dave.PutJsonAsync($"{Path}/5101", new { label = "x" })).ExpectErrorAsync(403, "CMN-109");
        await (await dave.DeleteAsync($"{Path}/5101")).ExpectErrorAsync(403, "CMN-109");
        Assert.Equal(["+13125550201", "+17185550111"], await Numbers(dave));
    }
}
