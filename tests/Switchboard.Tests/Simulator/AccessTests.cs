using Switchboard.Tests.Support;

namespace Switchboard.Tests.Simulator;

/// <summary>Who may drive the simulator and read live calls: administrators for their own account; users their own calls.</summary>
public sealed class AccessTests : IDisposable
{
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Simulator_NonAdministrator_IsRefused()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var refused = await (await bob.PostJsonAsync($"{Sim.Base}/calls", new { from = "+16505550000", to = "+12125550102" })).ExpectErrorAsync(403, "CMN-408");
        Assert.Contains("AccountAdministration", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        await (await bob.PostJsonAsync("/switchboard/v1/simulator/clock/advance", new { seconds = 60 })).ExpectErrorAsync(403, "CMN-408");
    }

    [Fact]
    public async Task PlaceCall_NumberOfAnotherAccount_IsUnknownAndNothingRings()
    {
        var alice = await Sim.AliceAsync(_host);
        var error = await (await alice.Client.PostJsonAsync($"{Sim.Base}/calls", new { from = "+16505550000", to = "+13125550201" })).ExpectErrorAsync(400, "CMN-102");
        Assert.Equal("to", error.GetProperty("parameterName").GetString());
        Assert.Empty((await alice.Client.GetJsonAsync($"{Sim.Base}/sessions")).GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"to":"+12125550101"}""", "from")]
    [InlineData("""{"from":"call me","to":"+12125550101"}""", "from")]
    [InlineData("""{"from":"+16505550000","to":"x"}""", "to")]
    public async Task PlaceCall_BadInput_NamesTheParameter(string body, string parameter)
    {
        var alice = await Sim.AliceAsync(_host);
        var error = await (await alice.Client.SendRawAsync(HttpMethod.Post, $"{Sim.Base}/calls", body)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task ReadSession_OtherUsersCallAndOtherAccount_AreNotFound()
    {
        var alice = await Sim.AliceAsync(_host);
        var id = (await alice.CallAsync("+16505550000", "+12125550101")).GetProperty("id").GetString()!;
        var session = await alice.SessionAsync(id);
        Assert.Equal(id, session.GetProperty("id").GetString());
        var party = session.GetProperty("parties")[1].GetProperty("id").GetString();
        var read = await alice.Client.GetJsonAsync($"{Sim.Sessions}/{id}/parties/{party}");
        Assert.Equal("11111111", read.GetProperty("owner").GetProperty("extensionId").GetString());

        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await (await bob.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        await (await dave.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        await (await dave.PostJsonAsync($"{Sim.Base}/sessions/{id}/parties/{party}/hangup", new { })).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("Proceeding", await alice.StatusOfAsync(id, 11111111));
    }

    [Fact]
    public async Task CallOut_FromOwnDevice_Returns201WithTheSession()
    {
        var alice = await Sim.AliceAsync(_host);
        var created = await (await alice.Client.PostJsonAsync("/restapi/v1.0/account/~/telephony/call-out",
            new { from = new { deviceId = "1001" }, to = new { phoneNumber = "+16505550111" } })).ExpectJsonAsync(201);
        var first = created.GetProperty("session").GetProperty("parties")[0];
        Assert.Equal(("Outbound", "1001"), (first.GetProperty("direction").GetString(), first.GetProperty("from").GetProperty("deviceId").GetString()));

        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var error = await (await bob.PostJsonAsync("/restapi/v1.0/account/~/telephony/call-out",
            new { from = new { deviceId = "1001" }, to = new { phoneNumber = "+16505550111" } })).ExpectErrorAsync(400, "CMN-102");
        Assert.Equal("from.deviceId", error.GetProperty("parameterName").GetString());
    }
}
