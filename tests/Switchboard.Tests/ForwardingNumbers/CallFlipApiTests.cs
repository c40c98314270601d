using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.ForwardingNumbers;

/// <summary>v2 call-flip-numbers and forwarding-targets (seed 002), and their agreement with v1.</summary>
public sealed class CallFlipApiTests : IDisposable
{
    private const string Flip = "/restapi/v2/accounts/~/extensions/~/call-flip-numbers";
    private const string Targets = "/restapi/v2/accounts/~/extensions/~/comm-handling/voice/forwarding-targets";
    private const string V1 = "/restapi/v1.0/account/~/extension/~/forwarding-number";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static (string, string, string, string)[] Rows(JsonElement list) =>
        [.. list.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("phoneNumber").GetString()!, r.GetProperty("type").GetString()!,
            r.GetProperty("label").GetString()!, r.GetProperty("flipNumber").GetString()!))];

    [Fact]
    public async Task ReadFlipNumbers_DevicesAsPhoneLineAndNumbersAsExternal()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        Assert.Equal([("+13125550201", "PhoneLine", "Dave softphone", "1"), ("+17185550111", "External", "Mobile", "2")], Rows(await dave.GetJsonAsync(Flip)));
    }

    [Fact]
    public async Task ReplaceFlipNumbers_AddChangeRemove_SeenByV1()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var softphone = (await dave.GetJsonAsync(Flip)).GetProperty("records")[0].GetProperty("id").GetString();
        var body = new
        {
            records = new object[]
            {
                new { id = softphone },
                new { phoneNumber = "+17185550122", type = "BusinessMobile", flipNumber = "5" },
                new { phoneNumber = "7185550133", label = "Cabin" },
            },
        };
        var replaced = await (await dave.PutJsonAsync(Flip, body)).ExpectJsonAsync(200);
        Assert.Equal(
            [("+13125550201", "PhoneLine", "Dave softphone", "1"), ("+17185550133", "External", "Cabin", "2"), ("+17185550122", "BusinessMobile", "Business Mobile Phone", "5")],
            Rows(replaced));
        Assert.Equal(replaced.GetRawText(), (await dave.GetJsonAsync(Flip)).GetRawText());

        // The Mobile number left the flip list but calls are still forwarded to it: v1 shows it without CallFlip.
        var v1 = (await dave.GetJsonAsync(V1)).GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(["+13125550201", "+17185550133", "+17185550122", "+17185550111"], v1.Select(r => r.GetProperty("phoneNumber").GetString()));
        Assert.Equal(["CallForwarding"], v1[3].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["CallFlip"], v1[1].GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("BusinessMobilePhone", v1[2].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"records":[{"phoneNumber":"+17185550122"},{"phoneNumber":"+1 718 555 0111"}]}""", "CMN-406", "records[1].phoneNumber")]
    [InlineData("""{"records":[{"phoneNumber":"+17185550122"},{"phoneNumber":"+13125550201"}]}""", "CMN-101", "records[1].phoneNumber")]
    [InlineData("""{"records":[{"phoneNumber":"+17185550122"},{"id":"999"}]}""", "CMN-102", "records[1].id")]
    [InlineData("""{"records":[{"phoneNumber":"+17185550122","type":"PhoneLine"}]}""", "CMN-101", "records[0].type")]
    [InlineData("""{"records":[{"phoneNumber":"+17185550122","flipNumber":"0"}]}""", "CMN-101", "records[0].flipNumber")]
    [InlineData("""{"records":[{"label":"no number"}]}""", "CMN-101", "records[0].phoneNumber")]
    [InlineData("""{}""", "CMN-101", "records")]
    public async Task ReplaceFlipNumbers_OneBadRecord_ChangesNothing(string body, string code, string parameter)
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var before = (await dave.GetJsonAsync(V1)).GetRawText();
        var error = await (await dave.SendRawAsync(HttpMethod.Put, Flip, body)).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(before, (await dave.GetJsonAsync(V1)).GetRawText());
    }

    [Fact]
    public async Task ForwardingTargets_ListNumbersAndOwnDevices()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var targets = (await dave.GetJsonAsync(Targets)).GetProperty("records");
        Assert.Equal(["PhoneNumberRingTarget", "DeviceRingTarget"], targets.Strings("type"));
        Assert.Equal("+17185550111", targets[0].GetProperty("destination").GetProperty("phoneNumber").GetString());
        Assert.Equal(("5001", "+13125550201", "22222222"), (targets[1].GetProperty("device").GetProperty("id").GetString(),
            targets[1].GetProperty("device").GetProperty("phoneNumber").GetString(), targets[1].GetProperty("extension").GetProperty("id").GetString()));

        var external = (await dave.GetJsonAsync($"{Targets}?excludeOwnTargets=true")).GetProperty("records");
        Assert.Equal(["PhoneNumberRingTarget"], external.Strings("type"));
        await (await dave.GetAsync($"{Targets}?excludeOwnTargets=maybe")).ExpectErrorAsync(400, "CMN-101");
    }

    [Fact]
    public async Task DeleteForwardingTargets_ReportsEachRecord()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var body = """
            {"records":[
              {"type":"PhoneNumberRingTarget","destination":{"phoneNumber":"+17185550111"}},
              {"type":"PhoneNumberRingTarget","destination":{"phoneNumber":"+19995550000"}},
              {"type":"DeviceRingTarget","device":{"id":"5001"}}]}
            """;
        var results = (await (await dave.SendRawAsync(HttpMethod.Delete, Targets, body)).ExpectJsonAsync(200)).GetProperty("records");
        Assert.Equal([true, false, false], results.EnumerateArray().Select(r => r.GetProperty("bulkItemSuccessful").GetBoolean()));
        Assert.Equal("CMN-102", results[1].GetProperty("bulkItemErrors")[0].GetProperty("errorCode").GetString());
        Assert.Equal("+17185550111", results[0].GetProperty("bulkItem").GetProperty("destination").GetProperty("phoneNumber").GetString());

        Assert.Equal(["DeviceRingTarget"], (await dave.GetJsonAsync(Targets)).GetProperty("records").Strings("type"));
        // Still a call flip number, no longer a forwarding number.
        Assert.Contains("+17185550111", (await dave.GetJsonAsync(Flip)).GetProperty("records").Strings("phoneNumber"));
    }

    [Fact]
    public async Task ExtensionsUsingADevice_IncludeItsOwner()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var used = await dave.GetJsonAsync($"{Targets}/devices/5001/extensions");
        Assert.Equal(["22222222"], used.GetProperty("referencedExtensions").Strings("id"));
        await (await dave.GetAsync($"{Targets}/devices/1001/extensions")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task OldAccount_V2Refused_UntilTheAccountIsUpgraded_ThenV1WritesShowInV2()
    {
        var alice = await _host.ClientAsync();
        await (await alice.GetAsync(Flip)).ExpectErrorAsync(403, "CMN-109");
        await (await alice.GetAsync(Targets)).ExpectErrorAsync(403, "CMN-109");
        var created = await (await alice.PostJsonAsync(V1, new { phoneNumber = "+16505550001", type = "Home" })).ExpectJsonAsync(200);

        // The upgrade itself comes with call handling; the stored numbers need no conversion.
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SwitchboardDb>();
            (await db.Accounts.FindAsync(11111111L))!.NewCallHandling = true;
            await db.SaveChangesAsync();
        }

        var flips = await alice.GetJsonAsync(Flip);
        Assert.Equal(["+12125550101", "+12125550101", "+13475550101", "+16505550001"], flips.GetProperty("records").Strings("phoneNumber"));
        Assert.Equal(created.GetProperty("id").GetString(), flips.GetProperty("records")[3].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnotherUsersFlipNumbers_NeedAnAdministrator()
    {
        var body = new { records = new[] { new { phoneNumber = "+17185550199" } } };
        var erin = await _host.ClientAsync("ERIN_JWT");
        await (await erin.GetAsync("/restapi/v2/accounts/~/extensions/22222222/call-flip-numbers")).ExpectErrorAsync(403, "CMN-419");
        await (await erin.PutJsonAsync("/restapi/v2/accounts/~/extensions/22222222/call-flip-numbers", body)).ExpectErrorAsync(403, "CMN-419");

        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        await (await dave.PutJsonAsync("/restapi/v2/accounts/~/extensions/22222102/call-flip-numbers", body)).ExpectJsonAsync(200);
        Assert.Equal(["+17185550199"], (await erin.GetJsonAsync(Flip)).GetProperty("records").Strings("phoneNumber"));
    }
}
