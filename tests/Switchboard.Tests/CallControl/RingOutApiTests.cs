using System.Text.Json;
using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallControl;

/// <summary>
/// The ring-out API in simulated time: Alice's mobile (forwarding number 4001, +13475550101) rings
/// first and answers after one ring (5 s); then the number called rings.
/// </summary>
public sealed class RingOutApiTests : IDisposable
{
    private const string RingOut = "/restapi/v1.0/account/~/extension/~/ring-out";
    private const string Callee = "+16505550000", AliceMobile = "+13475550101";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync(RingOut, body)).ExpectJsonAsync(200);

    private static string[] Statuses(JsonElement ringOut)
    {
        var s = ringOut.GetProperty("status");
        return [s.GetProperty("callStatus").GetString()!, s.GetProperty("callerStatus").GetString()!, s.GetProperty("calleeStatus").GetString()!];
    }

    private static async Task<string[]> StatusAsync(HttpClient client, string id) => Statuses(await client.GetJsonAsync($"{RingOut}/{id}"));

    private static async Task<JsonElement> OnlySessionAsync(Sim sim) =>
        Assert.Single((await sim.Client.GetJsonAsync($"{Sim.Base}/sessions")).GetProperty("records").EnumerateArray());

    [Fact]
    public async Task CreateRingOut_BothLegsAnswer_InProgressThenSuccessThenFinished()
    {
        var sim = await Sim.AliceAsync(_host);
        var created = await CreateAsync(sim.Client, new { from = new { forwardingNumberId = "4001" }, to = new { phoneNumber = Callee }, playPrompt = false });
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(["InProgress", "InProgress", "InProgress"], Statuses(created));
        Assert.EndsWith($"/restapi/v1.0/account/11111111/extension/11111111/ring-out/{id}", created.GetProperty("uri").GetString());

        var session = await OnlySessionAsync(sim);
        Assert.Equal("RingOut", session.GetProperty("origin").GetProperty("type").GetString());
        var initiator = session.GetProperty("parties")[0];
        Assert.Equal(("Initiator", "Proceeding", AliceMobile), (initiator.GetProperty("ringOutRole").GetString(),
            initiator.GetProperty("status").GetProperty("code").GetString(), initiator.GetProperty("to").GetProperty("phoneNumber").GetString()));

        await sim.AdvanceAsync(5);
        Assert.Equal(["InProgress", "Success", "InProgress"], await StatusAsync(sim.Client, id));
        var target = (await OnlySessionAsync(sim)).GetProperty("parties")[1];
        Assert.Equal(("Target", Callee), (target.GetProperty("ringOutRole").GetString(), target.GetProperty("to").GetProperty("phoneNumber").GetString()));

        await sim.AdvanceAsync(5);
        Assert.Equal(["Success", "Success", "Success"], await StatusAsync(sim.Client, id));

        var telephonySessionId = (await OnlySessionAsync(sim)).GetProperty("id").GetString()!;
        await sim.ActAsync(telephonySessionId, target.GetProperty("id").GetString()!, "hangup");
        Assert.Equal(["Success", "Finished", "Finished"], await StatusAsync(sim.Client, id));
    }

    [Fact]
    public async Task CreateRingOut_EventsCarryOriginAndRole()
    {
        var sim = await Sim.AliceAsync(_host);
        await CreateAsync(sim.Client, new { from = new { phoneNumber = "+15005550100" }, to = new { phoneNumber = Callee } });
        var bodies = (await sim.Client.GetJsonAsync($"{Sim.Base}/events")).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("body")).ToList();
        Assert.Equal(["Initiator", "Initiator", "Initiator", "Target"], bodies.Select(b => b.GetProperty("parties")[0].GetProperty("ringOutRole").GetString()));
        Assert.All(bodies, b => Assert.Equal("RingOut", b.GetProperty("origin").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task CreateRingOut_UserPhoneBusy_CannotReachAndStillReadable()
    {
        var client = await _host.ClientAsync();
        var created = await CreateAsync(client, new { from = new { phoneNumber = "+15005550200" }, to = new { phoneNumber = Callee } });
        Assert.Equal(["CannotReach", "Busy", "InProgress"], Statuses(created));
        Assert.Equal(["CannotReach", "Busy", "InProgress"], await StatusAsync(client, created.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task CreateRingOut_NumberCalledBusy_CalleeBusy()
    {
        var sim = await Sim.AliceAsync(_host);
        var id = (await CreateAsync(sim.Client, new { from = new { forwardingNumberId = "4001" }, to = new { phoneNumber = "+15005550200" } })).GetProperty("id").GetString()!;
        await sim.AdvanceAsync(5);
        Assert.Equal(["CannotReach", "Finished", "Busy"], await StatusAsync(sim.Client, id));
    }

    [Fact]
    public async Task CreateRingOut_ToExtension_RoutedByItsRules()
    {
        var sim = await Sim.AliceAsync(_host);
        await CreateAsync(sim.Client, new { from = new { forwardingNumberId = "4001" }, to = new { phoneNumber = "102" } });
        await sim.AdvanceAsync(5);
        var bob = (await OnlySessionAsync(sim)).GetProperty("parties").EnumerateArray().Last();
        Assert.Equal(("11111102", "Target", "Proceeding"), (bob.GetProperty("extensionId").GetString(),
            bob.GetProperty("ringOutRole").GetString(), bob.GetProperty("status").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task DeleteRingOut_WhileUserPhoneRings_204AndEveryPartyDisconnected()
    {
        var sim = await Sim.AliceAsync(_host);
        var id = (await CreateAsync(sim.Client, new { from = new { phoneNumber = "+15005550300" }, to = new { phoneNumber = Callee } })).GetProperty("id").GetString()!;
        var telephonySessionId = (await OnlySessionAsync(sim)).GetProperty("id").GetString()!;

        await (await sim.Client.DeleteAsync($"{RingOut}/{id}")).ExpectEmptyAsync(204);
        Assert.Equal(["CannotReach", "Rejected", "InProgress"], await StatusAsync(sim.Client, id));
        Assert.Empty((await sim.Client.GetJsonAsync($"{Sim.Base}/sessions")).GetProperty("records").EnumerateArray());
        Assert.Equal(["Setup", "Proceeding", "Disconnected"], await sim.EventCodesAsync(telephonySessionId, $"p-{telephonySessionId[2..]}-1"));
        // Cancelling an ended RingOut changes nothing.
        await (await sim.Client.DeleteAsync($"{RingOut}/{id}")).ExpectEmptyAsync(204);
    }

    [Fact]
    public async Task RingOut_AnotherUsers_Refused()
    {
        var alice = await _host.ClientAsync();
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var id = (await CreateAsync(alice, new { from = new { phoneNumber = "+15005550300" }, to = new { phoneNumber = Callee } })).GetProperty("id").GetString()!;

        await (await bob.GetAsync($"{RingOut}/{id}")).ExpectErrorAsync(404, "CMN-102");
        await (await bob.DeleteAsync($"{RingOut}/{id}")).ExpectErrorAsync(404, "CMN-102");
        const string AlicePath = "/restapi/v1.0/account/~/extension/11111111/ring-out";
        await (await bob.GetAsync($"{AlicePath}/{id}")).ExpectErrorAsync(403, "CMN-419");
        await (await bob.PostJsonAsync(AlicePath, new { from = new { phoneNumber = "+15005550300" }, to = new { phoneNumber = Callee } })).ExpectErrorAsync(403, "CMN-419");
        Assert.Equal(["InProgress", "InProgress", "InProgress"], await StatusAsync(alice, id));
    }

    [Theory]
    [InlineData("""{"to":{"phoneNumber":"+16505550000"}}""", "CMN-101", "from.phoneNumber")]
    [InlineData("""{"from":{"phoneNumber":"12"},"to":{"phoneNumber":"+16505550000"}}""", "CMN-101", "from.phoneNumber")]
    [InlineData("""{"from":{"phoneNumber":"+12125550102"},"to":{"phoneNumber":"+16505550000"}}""", "CMN-101", "from.phoneNumber")]
    [InlineData("""{"from":{"forwardingNumberId":"5101"},"to":{"phoneNumber":"+16505550000"}}""", "CMN-102", "from.forwardingNumberId")]
    [InlineData("""{"from":{"phoneNumber":"+13475550101"}}""", "CMN-101", "to.phoneNumber")]
    [InlineData("""{"from":{"phoneNumber":"+13475550101"},"to":{"phoneNumber":"not a number"}}""", "CMN-101", "to.phoneNumber")]
    [InlineData("""{"from":{"phoneNumber":"+13475550101"},"to":{"phoneNumber":"999"}}""", "CMN-102", "to.phoneNumber")]
    public async Task CreateRingOut_BadInput_400NamingTheParameter(string body, string code, string parameter)
    {
        var sim = await Sim.AliceAsync(_host);
        var error = await (await sim.Client.SendRawAsync(HttpMethod.Post, RingOut, body)).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Empty((await sim.Client.GetJsonAsync($"{Sim.Base}/sessions")).GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task ReadRingOut_UnknownId_404()
    {
        var client = await _host.ClientAsync();
        var error = await (await client.GetAsync($"{RingOut}/12345")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("ringoutId", error.GetProperty("parameterName").GetString());
    }
}
