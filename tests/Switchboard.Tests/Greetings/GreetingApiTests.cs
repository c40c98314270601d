using System.Text.Json;
using Switchboard.CallHandling;
using Switchboard.Tests.Support;
using static Switchboard.Tests.Greetings.GreetingBodies;

namespace Switchboard.Tests.Greetings;

/// <summary>Custom user greetings: the upload in both multipart forms, its rule (seed 002), the read and the audio.</summary>
public sealed class GreetingApiTests : IDisposable
{
    private const string Greeting = "/restapi/v1.0/account/~/extension/~/greeting";
    private const long AccountA = 11111111, Alice = 11111111, Bob = 11111102;
    private const long AccountB = 22222222, Dave = 22222222;
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<JsonElement> CreateAsync(HttpClient client, HttpContent body, string query = "", int status = 200) =>
        await (await client.PostAsync(Greeting + query, body)).ExpectJsonAsync(status);

    /// <summary>Streamed: chunked with no Content-Length, so the limit is found while reading.</summary>
    private static HttpRequestMessage Upload(HttpContent body, bool streamed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Greeting) { Content = body };
        request.Headers.TransferEncodingChunked = streamed;
        return request;
    }

    private static long Id(JsonElement greeting) => long.Parse(greeting.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateCustomUserGreeting_FormDataWithJsonPart_PutsItOnBusinessHoursWelcome()
    {
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }));

        var id = created.GetProperty("id").GetString();
        Assert.Equal($"http://localhost/restapi/v1.0/account/{AccountA}/extension/{Alice}/greeting/{id}", created.GetProperty("uri").GetString());
        Assert.Equal(created.GetProperty("uri").GetString() + "/content", created.GetProperty("contentUri").GetString());
        Assert.Equal(("Introductory", "audio/mpeg"), (created.GetProperty("type").GetString(), created.GetProperty("contentType").GetString()));
        var rule = created.GetProperty("answeringRule");
        Assert.Equal("business-hours-rule", rule.GetProperty("id").GetString());
        Assert.Equal($"http://localhost/restapi/v1.0/account/{AccountA}/extension/{Alice}/answering-rule/business-hours-rule", rule.GetProperty("uri").GetString());

        var welcome = (await _host.DocumentAsync(AccountA, Alice)).States[StateId.WorkHours].Dispatch.Welcome;
        Assert.Equal((true, Id(created)), (welcome.Enabled, welcome.CustomId));
    }

    [Fact]
    public async Task CreateCustomUserGreeting_MultipartMixed_PutsItOnAfterHoursVoicemail()
    {
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, Mixed("""{"type":"Voicemail","answeringRule":{"id":"after-hours-rule"}}""", Wav, "audio/wav"));
        Assert.Equal("audio/wav", created.GetProperty("contentType").GetString());
        var document = await _host.DocumentAsync(AccountA, Alice);
        Assert.Equal(Id(created), document.States[StateId.AfterHours].Dispatch.Terminating.VoicemailGreeting.CustomId);
        Assert.Null(document.States[StateId.WorkHours].Dispatch.Terminating.VoicemailGreeting.CustomId);
    }

    [Theory]
    [InlineData("audio/mp3", "audio/mpeg")]
    [InlineData("audio/x-wav", "audio/wav")]
    [InlineData("audio/wave", "audio/wav")]
    public async Task CreateCustomUserGreeting_PlainFormFieldsAndAudioAlias_NormalisesContentType(string sent, string stored)
    {
        var alice = await _host.ClientAsync();
        var fields = new Dictionary<string, string> { ["type"] = "ConnectingMessage", ["answeringRuleId"] = "business-hours-rule" };
        var created = await CreateAsync(alice, FormFields(fields, Mp3, sent));
        Assert.Equal(stored, created.GetProperty("contentType").GetString());
        Assert.Equal(Id(created), (await _host.DocumentAsync(AccountA, Alice)).States[StateId.WorkHours].Dispatch.ConnectingMessage.CustomId);
    }

    [Fact]
    public async Task CreateCustomUserGreeting_OldAccountCustomRule_PutsItOnThatRule()
    {
        await _host.AddCustomRuleAsync(AccountA, Alice, 777);
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, FormData(new { type = "Announcement", answeringRule = new { id = "777" } }));
        Assert.Equal("777", created.GetProperty("answeringRule").GetProperty("id").GetString());
        Assert.Equal(Id(created), (await _host.DocumentAsync(AccountA, Alice)).Rules.Single().Dispatch.Terminating.Announcement.CustomId);
    }

    [Fact]
    public async Task CreateCustomUserGreeting_ApplyFalse_StoresWithoutTouchingRules()
    {
        var alice = await _host.ClientAsync();
        var before = CallHandlingStore.Serialize(await _host.DocumentAsync(AccountA, Alice));
        var created = await CreateAsync(alice, FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }), "?apply=false");
        Assert.False(created.TryGetProperty("answeringRule", out _));
        Assert.Equal(before, CallHandlingStore.Serialize(await _host.DocumentAsync(AccountA, Alice)));
        Assert.Equal(created.GetRawText(), (await alice.GetJsonAsync(created.GetProperty("uri").GetString()!)).GetRawText());
    }

    [Fact]
    public async Task CreateCustomUserGreeting_UpgradedAccountStateId_PutsItOnTheState()
    {
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var created = await CreateAsync(dave, FormData(new { type = "ConnectingAudio", stateId = "work-hours" }));
        Assert.False(created.TryGetProperty("answeringRule", out _));
        Assert.Equal(Id(created), (await _host.DocumentAsync(AccountB, Dave)).States[StateId.WorkHours].Dispatch.ConnectingAudio.CustomId);
    }

    [Fact]
    public async Task CreateCustomUserGreeting_UpgradedAccountSeedSampleNumericState_PutsItOnAfterHours()
    {
        // Seed 002's sample sends stateId as a number; 5 and 6 are the ids before the "final change".
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var created = await CreateAsync(dave, Mixed("""{"type":"Announcement","stateId":6}"""));
        Assert.Equal(Id(created), (await _host.DocumentAsync(AccountB, Dave)).States[StateId.AfterHours].Dispatch.Terminating.Announcement.CustomId);
    }

    [Theory]
    [InlineData("interactionRuleId")]
    [InlineData("peopleNumberRuleId")]
    public async Task CreateCustomUserGreeting_UpgradedAccountInteractionRule_PutsItOnTheCustomRule(string parameter)
    {
        await _host.AddCustomRuleAsync(AccountB, Dave, 888);
        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        var created = await CreateAsync(dave, FormData(new Dictionary<string, string> { ["type"] = "Introductory", [parameter] = "888" }));
        var document = await _host.DocumentAsync(AccountB, Dave);
        Assert.Equal(Id(created), document.Rules.Single(r => r.Id == 888).Dispatch.Welcome.CustomId);
        Assert.Null(document.States[StateId.WorkHours].Dispatch.Welcome.CustomId);
    }

    [Theory]
    [InlineData("RC_USER_JWT", """{"type":"Introductory","stateId":"work-hours"}""", "stateId")]
    [InlineData("RC_USER_JWT", """{"type":"Introductory","interactionRuleId":"1"}""", "interactionRuleId")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Introductory","answeringRule":{"id":"business-hours-rule"}}""", "answeringRule")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Introductory","answeringRuleId":"business-hours-rule"}""", "answeringRuleId")]
    public async Task CreateCustomUserGreeting_RuleOfTheOtherCallHandling_Returns400AndChangesNothing(string user, string json, string parameter)
    {
        var (account, extension) = user == "RC_USER_JWT" ? (AccountA, Alice) : (AccountB, Dave);
        var client = await _host.ClientAsync(user);
        var before = await _host.StateAsync(account, extension);
        var error = await (await client.PostAsync(Greeting, Mixed(json))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(before, await _host.StateAsync(account, extension));
    }

    [Theory]
    [InlineData("RC_USER_JWT", """{"type":"Introductory","answeringRule":{"id":"12345"}}""", "CMN-102", "answeringRule.id")]
    [InlineData("RC_USER_JWT", """{"type":"Introductory","answeringRule":{"id":"lunch-rule"}}""", "CMN-102", "answeringRule.id")]
    [InlineData("RC_USER_JWT", """{"type":"Introductory","answeringRule":{}}""", "CMN-101", "answeringRule.id")]
    [InlineData("RC_USER_JWT", """{"type":"Introductory"}""", "CMN-101", "answeringRule")]
    [InlineData("RC_USER_JWT", """{"type":"HoldMusic","answeringRule":{"id":"business-hours-rule"}}""", "CMN-101", "type")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Introductory","interactionRuleId":"999"}""", "CMN-102", "interactionRuleId")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Introductory","stateId":"lunch"}""", "CMN-101", "stateId")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Introductory","stateId":"work-hours","interactionRuleId":"1"}""", "CMN-101", "interactionRuleId")]
    [InlineData("RC_OTHER_ACCOUNT_JWT", """{"type":"Voicemail"}""", "CMN-101", "stateId")]
    public async Task CreateCustomUserGreeting_UnknownOrMissingRule_Returns400AndChangesNothing(string user, string json, string code, string parameter)
    {
        var (account, extension) = user == "RC_USER_JWT" ? (AccountA, Alice) : (AccountB, Dave);
        var client = await _host.ClientAsync(user);
        var before = await _host.StateAsync(account, extension);
        var error = await (await client.PostAsync(Greeting, Mixed(json))).ExpectErrorAsync(400, code);
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
        Assert.Equal(before, await _host.StateAsync(account, extension));
    }

    [Fact]
    public async Task CreateCustomUserGreeting_HoldMusicWithoutRule_IsStoredOnly()
    {
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, Mixed("""{"type":"HoldMusic"}"""));
        Assert.Equal("HoldMusic", created.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("audio/ogg", 3)]
    [InlineData("application/octet-stream", 3)]
    [InlineData("audio/mpeg", 0)]
    public async Task CreateCustomUserGreeting_BadAudio_Returns400NamingBinary(string audioType, int length)
    {
        var alice = await _host.ClientAsync();
        var before = await _host.StateAsync(AccountA, Alice);
        var body = FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }, new byte[length], audioType);
        var error = await (await alice.PostAsync(Greeting, body)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("binary", error.GetProperty("parameterName").GetString());
        Assert.Equal(before, await _host.StateAsync(AccountA, Alice));
    }

    [Theory]
    [InlineData("""{"answeringRule":{"id":"business-hours-rule"}}""", "type")]
    [InlineData("""{"type":"Welcome","answeringRule":{"id":"business-hours-rule"}}""", "type")]
    public async Task CreateCustomUserGreeting_MissingOrUnknownType_Returns400(string json, string parameter)
    {
        var alice = await _host.ClientAsync();
        var error = await (await alice.PostAsync(Greeting, Mixed(json))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal(parameter, error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task CreateCustomUserGreeting_NoAudioPart_Returns400NamingBinary()
    {
        var alice = await _host.ClientAsync();
        var form = new MultipartFormDataContent { { new StringContent("Introductory"), "type" }, { new StringContent("business-hours-rule"), "answeringRuleId" } };
        var error = await (await alice.PostAsync(Greeting, form)).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("binary", error.GetProperty("parameterName").GetString());
    }

    [Fact]
    public async Task CreateCustomUserGreeting_JsonBody_Returns415()
    {
        var alice = await _host.ClientAsync();
        await (await alice.PostJsonAsync(Greeting, new { type = "Introductory" })).ExpectErrorAsync(415, "AGW-415");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateCustomUserGreeting_BodyOver20MB_Returns400NamingBinaryAndChangesNothing(bool streamed)
    {
        var alice = await _host.ClientAsync();
        var before = await _host.StateAsync(AccountA, Alice);
        var body = FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }, new byte[20 * 1024 * 1024]);
        var error = await (await alice.SendAsync(Upload(body, streamed))).ExpectErrorAsync(400, "CMN-101");
        Assert.Equal("binary", error.GetProperty("parameterName").GetString());
        Assert.Equal(before, await _host.StateAsync(AccountA, Alice));
    }

    [Fact]
    public async Task CreateCustomUserGreeting_JustUnder20MB_IsAccepted()
    {
        var alice = await _host.ClientAsync();
        var body = Mixed("""{"type":"HoldMusic"}""", new byte[(20 * 1024 * 1024) - 1024]);
        var created = await (await alice.SendAsync(Upload(body, streamed: true))).ExpectJsonAsync(200);
        Assert.Equal("HoldMusic", created.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReadGreetingContent_AfterUpload_ReturnsTheStoredBytesAndType()
    {
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }, Wav, "audio/x-wav"));
        var content = created.GetProperty("contentUri").GetString()!;

        var plain = await alice.GetAsync(content);
        Assert.Equal(200, (int)plain.StatusCode);
        Assert.Equal("audio/wav", plain.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Wav, await plain.Content.ReadAsByteArrayAsync());
        Assert.Null(plain.Content.Headers.ContentDisposition);

        var download = await alice.GetAsync(content + "?contentDisposition=Attachment&contentDispositionFilename=hello.wav");
        Assert.Equal(("attachment", "hello.wav"), (download.Content.Headers.ContentDisposition!.DispositionType, download.Content.Headers.ContentDisposition.FileName));
        var inline = await alice.GetAsync(content + "?contentDisposition=Inline");
        Assert.Equal(("inline", $"greeting-{Id(created)}.wav"), (inline.Content.Headers.ContentDisposition!.DispositionType, inline.Content.Headers.ContentDisposition.FileName));
        await (await alice.GetAsync(content + "?contentDisposition=Download")).ExpectErrorAsync(400, "CMN-101");
    }

    [Fact]
    public async Task ReadCustomGreeting_AssignedOnOldAccount_ShowsTheRuleLikeCreate()
    {
        var alice = await _host.ClientAsync();
        var created = await CreateAsync(alice, FormData(new { type = "Introductory", answeringRule = new { id = "after-hours-rule" } }));
        Assert.Equal(created.GetRawText(), (await alice.GetJsonAsync($"{Greeting}/{Id(created)}")).GetRawText());
    }

    [Fact]
    public async Task ReadCustomGreeting_AnotherExtensionsGreeting_Returns404OrCMN419()
    {
        var bob = await _host.ClientAsync("RC_USER2_JWT");
        var bobs = await CreateAsync(bob, FormData(new { type = "Introductory", answeringRule = new { id = "business-hours-rule" } }));
        var alice = await _host.ClientAsync();
        var alices = await CreateAsync(alice, Mixed("""{"type":"HoldMusic"}"""));

        // An administrator reads it at its own extension, but not under hers.
        await alice.GetJsonAsync($"/restapi/v1.0/account/~/extension/{Bob}/greeting/{Id(bobs)}");
        var error = await (await alice.GetAsync($"{Greeting}/{Id(bobs)}")).ExpectErrorAsync(404, "CMN-102");
        Assert.Equal("greetingId", error.GetProperty("parameterName").GetString());
        await (await alice.GetAsync($"{Greeting}/{Id(bobs)}/content")).ExpectErrorAsync(404, "CMN-102");
        await (await alice.GetAsync($"{Greeting}/not-a-number")).ExpectErrorAsync(404, "CMN-102");

        // A user who is not an administrator has no business with another extension's greetings.
        await (await bob.GetAsync($"/restapi/v1.0/account/~/extension/{Alice}/greeting/{Id(alices)}")).ExpectErrorAsync(403, "CMN-419");
        await (await bob.GetAsync($"/restapi/v1.0/account/~/extension/{Alice}/greeting/{Id(alices)}/content")).ExpectErrorAsync(403, "CMN-419");
        await (await bob.PostAsync($"/restapi/v1.0/account/~/extension/{Alice}/greeting", Mixed("""{"type":"HoldMusic"}"""))).ExpectErrorAsync(403, "CMN-419");

        var dave = await _host.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        await (await dave.GetAsync($"/restapi/v1.0/account/{AccountA}/extension/{Alice}/greeting/{Id(alices)}")).ExpectErrorAsync(404, "CMN-102");
    }

    [Fact]
    public async Task CreateCustomUserGreeting_DepartmentExtension_Returns403()
    {
        var alice = await _host.ClientAsync();
        await (await alice.PostAsync("/restapi/v1.0/account/~/extension/11111200/greeting", Mixed("""{"type":"HoldMusic"}""")))
            .ExpectErrorAsync(403, "CMN-403");
    }

    [Fact]
    public async Task CreateCustomUserGreeting_AppWithoutEditExtensions_Returns403CMN401()
    {
        var readOnly = await _host.ClientAsync("RC_USER_JWT", "read-only-app", "read-only-secret");
        var body = await (await readOnly.PostAsync(Greeting, Mixed("""{"type":"HoldMusic"}"""))).ExpectJsonAsync(403);
        Assert.Equal("EditExtensions", body.GetProperty("permissionName").GetString());
    }
}
