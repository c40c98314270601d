using Switchboard.Tests.Support;

namespace Switchboard.Tests.Presence;

/// <summary>Presence: what a user sets is stored and shown; do not disturb of upgraded users is their dnd state.</summary>
public sealed class PresenceApiTests : IDisposable
{
    private const string Presence = "/restapi/v1.0/account/~/extension/~/presence";
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ReadPresence_NoCalls_IsAvailableWithNoCall()
    {
        var alice = await _host.ClientAsync();
        var presence = await alice.GetJsonAsync(Presence + "?detailedTelephonyState=true&sipData=true");
        Assert.Equal(("Available", "NoCall", "Available", "TakeAllCalls"), (
            presence.GetProperty("presenceStatus").GetString(), presence.GetProperty("telephonyStatus").GetString(),
            presence.GetProperty("userStatus").GetString(), presence.GetProperty("dndStatus").GetString()));
        Assert.Equal("101", presence.GetProperty("extension").GetProperty("extensionNumber").GetString());
        Assert.Empty(presence.GetProperty("activeCalls").EnumerateArray());
    }

    [Fact]
    public async Task UpdatePresence_Stored_AndSeenByColleaguesAndTheAccountList()
    {
        var alice = await _host.ClientAsync();
        await (await alice.PutJsonAsync(Presence, new { userStatus = "Busy", message = "In a meeting", allowSeeMyPresence = false })).ExpectJsonAsync(200);
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var seen = await bob.GetJsonAsync("/restapi/v1.0/account/~/extension/11111111/presence");
        Assert.Equal(("Busy", "In a meeting", false), (seen.GetProperty("userStatus").GetString(), seen.GetProperty("message").GetString(), seen.GetProperty("allowSeeMyPresence").GetBoolean()));
        var list = await alice.GetJsonAsync("/restapi/v1.0/account/~/presence?perPage=2");
        Assert.Equal(2, list.GetProperty("records").GetArrayLength());
        var all = (await alice.GetJsonAsync("/restapi/v1.0/account/~/presence")).GetProperty("records").EnumerateArray();
        Assert.Equal("Busy", all.Single(r => r.GetProperty("extension").GetProperty("id").GetInt64() == 11111111).GetProperty("presenceStatus").GetString());
        Assert.Equal(2, list.GetProperty("paging").GetProperty("perPage").GetInt32());
    }

    [Theory]
    [InlineData("""{"userStatus":"Sleeping"}""", "userStatus")]
    [InlineData("""{"userStatus":"1"}""", "userStatus")]
    [InlineData("""{"message":"This message is longer than the seventy-five characters that presence allows."}""", "message")]
    [InlineData("""{"dndStatusPersonal":"DoNotAcceptAnyCalls"}""", "dndStatusPersonal")]
    public async Task UpdatePresence_BadValue_NamesTheParameterAndChangesNothing(string body, string parameter)
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var error = await (await bob.SendRawAsync(HttpMethod.Put, Presence, body)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        var presence = await bob.GetJsonAsync(Presence);
        Assert.Equal(("Available", "TakeAllCalls"), (presence.GetProperty("userStatus").GetString(), presence.GetProperty("dndStatus").GetString()));
    }

    [Fact]
    public async Task UpdatePresence_DepartmentCallsStatus_OnlyForDepartmentMembers()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT"); // a member of Support
        var presence = await (await bob.PutJsonAsync(Presence, new { dndStatus = "DoNotAcceptDepartmentCalls" })).ExpectJsonAsync(200);
        Assert.Equal("DoNotAcceptDepartmentCalls", presence.GetProperty("dndStatus").GetString());
        var alice = await _host.ClientAsync();
        var error = await (await alice.PutJsonAsync("/restapi/v1.0/account/~/extension/11111300/presence", new { dndStatus = "TakeDepartmentCallsOnly" })).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("dndStatus", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task UpdatePresence_AnotherUser_NeedsAnAdministrator()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        await (await bob.PutJsonAsync("/restapi/v1.0/account/~/extension/11111111/presence", new { userStatus = "Offline" })).ExpectErrorAsync(403, "CMN-419");
    }

    [Fact]
    public async Task DndStatusPersonal_OnUpgradedAccount_IsTheDndState()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var presence = await (await dave.PutJsonAsync(Presence, new { dndStatusPersonal = "DoNotAcceptAnyCalls" })).ExpectJsonAsync(200);
        Assert.Equal("DoNotAcceptAnyCalls", presence.GetProperty("dndStatusPersonal").GetString());
        var state = await dave.GetJsonAsync("/restapi/v2/accounts/~/extensions/~/comm-handling/states/dnd");
        Assert.True(state.GetProperty("enabled").GetBoolean());

        await (await dave.SendRawAsync(HttpMethod.Patch, "/restapi/v2/accounts/~/extensions/~/comm-handling/states/dnd", """{"enabled":false}""")).ExpectJsonAsync(200);
        Assert.Equal("TakeAllCalls", (await dave.GetJsonAsync(Presence)).GetProperty("dndStatusPersonal").GetString());
        await (await dave.PutJsonAsync(Presence, new { dndStatus = "DoNotAcceptAnyCalls" })).ExpectErrorAsync(400, "CMN-101");
    }
}
