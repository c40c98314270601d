using Switchboard.Tests.Simulator;
using Switchboard.Tests.Support;
using static Switchboard.Tests.CallControl.CallFixture;

namespace Switchboard.Tests.CallControl;

/// <summary>Who may control which party, and bodies that name what is wrong with them.</summary>
public sealed class CallControlAccessTests : IDisposable
{
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task User_OnCoworkersPartyInTheirOwnCall_IsForbiddenAndNothingChanges()
    {
        var f = await StartAsync(_host);
        // The Support department rings Alice (p2) and Bob (p3) together.
        var (id, alice) = await f.CallAsync(SupportNumber, Alice);
        var bob = await f.Admin.PartyOfAsync(id, Bob);
        var before = await f.TraceAsync(id);

        await f.BobClient.GetJsonAsync(Party(id, alice)); // Bob reads the call he is in, Alice's party included
        foreach (var action in new[] { "reject", "hold" })
        {
            var error = await (await f.BobClient.PostAsync(Party(id, alice, action), null)).ExpectErrorAsync(403, "CMN-402");
            Assert.Equal("partyId", error.GetProperty("parameterName").GetString());
        }
        await (await f.BobClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1001" })).ExpectErrorAsync(403, "CMN-402");
        await (await f.BobClient.DeleteAsync(Party(id, CallerOf(id)))).ExpectErrorAsync(403, "CMN-402"); // the outside caller is nobody's
        Assert.Equal(before, await f.TraceAsync(id));

        // His own party he controls: he stops ringing, Alice rings on.
        await (await f.BobClient.PostAsync(Party(id, bob, "reject"), null)).ExpectEmptyAsync(204);
        Assert.Equal(("Disconnected", "Proceeding"), (await f.Admin.StatusOfAsync(id, Bob), await f.Admin.StatusOfAsync(id, Alice)));
        // Having left the call, he can no longer end it for everyone; an administrator controls anyone's party.
        await (await f.BobClient.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(403, "CMN-402");
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1002" })).ExpectJsonAsync(200);
        Assert.Equal("Answered", await f.Admin.StatusOfAsync(id, Alice));
    }

    [Fact]
    public async Task User_OnAnotherUsersCall_IsNotFoundAsForReads()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);

        await (await f.BobClient.GetAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        var hold = await (await f.BobClient.PostAsync(Party(id, alice, "reject"), null)).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("telephonySessionId", hold.GetProperty("parameterName").GetString());
        await (await f.BobClient.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("Proceeding", await f.Admin.StatusOfAsync(id, Alice));

        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT"); // another account's administrator
        await (await dave.DeleteAsync($"{Sim.Sessions}/{id}")).ExpectErrorAsync(404, "CMN-102");
        await (await f.AliceClient.PostAsync(Party(id, "p-unknown-9", "reject"), null)).ExpectErrorAsync(404, "CMN-102");
        await (await f.AliceClient.PostAsync(Party("s-unknown", alice, "reject"), null)).ExpectErrorAsync(404, "CMN-102");
    }

    // One call for all the cases: each host costs seconds on a small machine.
    [Fact]
    public async Task BadBody_NamesTheParameterAndChangesNothing()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        var before = await f.TraceAsync(id);

        (string Action, string? Body, string Parameter)[] cases =
        [
            ("answer", null, "deviceId"),
            ("answer", """{}""", "deviceId"),
            ("answer", """{"deviceId":"desk"}""", "deviceId"),
            ("answer", """{"deviceId":"1003"}""", "deviceId"), // Bob's phone cannot answer Alice's call
            ("ignore", """{"deviceId":"-1"}""", "deviceId"),
            ("hold", """{"proto":"Sip"}""", "proto"),
        ];
        foreach (var (action, body, parameter) in cases)
        {
            var error = await (await f.AliceClient.SendRawAsync(HttpMethod.Post, Party(id, alice, action), body)).ExpectErrorAsync(400, "CMN-101");
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        }
        Assert.Equal(before, await f.TraceAsync(id));
    }

    [Fact]
    public async Task UpdateParty_BadBody_NamesTheField()
    {
        var f = await StartAsync(_host);
        var (id, alice) = await f.CallAsync(AliceNumber, Alice);
        await (await f.AliceClient.PostJsonAsync(Party(id, alice, "answer"), new { deviceId = "1001" })).ExpectJsonAsync(200);

        (string? Body, string Parameter, string? Message)[] cases =
        [
            (null, "party", "Parameter [party] is required."),
            ("""{}""", "muted", "Parameter [muted] or [standAlone] is required."),
            ("""{"muted":"yes"}""", "muted", "Parameter [muted] value is invalid. It is true or false."),
            ("""{"party":{"standAlone":1}}""", "party.standAlone", "Parameter [party.standAlone] value is invalid. It is true or false."),
            ("""{"party":true}""", "party", null),
            ("""[{"muted":true}]""", "party", null),
        ];
        foreach (var (body, parameter, message) in cases)
        {
            var error = await (await f.AliceClient.SendRawAsync(HttpMethod.Patch, Party(id, alice), body)).ExpectErrorAsync(400, "CMN-101");
            Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
            if (message is not null) Assert.Equal(message, error.GetProperty("message").GetString());
        }
        await (await f.AliceClient.SendRawAsync(HttpMethod.Patch, Party(id, alice), """{"muted":""")).ExpectErrorAsync(400, "CMN-103");
        Assert.DoesNotContain(await f.TraceAsync(id), e => e.EndsWith("muted", StringComparison.Ordinal));
    }
}
