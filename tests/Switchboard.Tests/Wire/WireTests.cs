using Switchboard.Tests.Support;

namespace Switchboard.Tests.Wire;

/// <summary>The rules every route follows (errors, media types, unknown fields, unimplemented operations).</summary>
public sealed class WireTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    [Fact]
    public async Task UnknownRoute_Returns404Envelope()
    {
        var body = await (await host.CreateClient().GetAsync("/restapi/v1.0/no/such/thing")).ExpectJsonAsync(404);
        Assert.Equal("AGW-404", body.GetProperty("errorCode").GetString());
        Assert.Equal("Resource not found", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task WrongMethod_Returns405Envelope()
    {
        var response = await (await host.ClientAsync()).SendRawAsync(HttpMethod.Patch, "/restapi/v1.0/account/~", "{}");
        await response.ExpectErrorAsync(405, "AGW-405");
    }

    [Fact]
    public async Task RingCentralOperationNotImplemented_Returns501NotSupported()
    {
        var response = await (await host.ClientAsync()).GetAsync("/restapi/v1.0/account/~/call-log");
        var error = await response.ExpectErrorAsync(501, "CMN-202");
        Assert.Equal("Operation is not supported", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task JsonContentTypeOnBodilessGet_IsTolerated()
    {
        var response = await (await host.ClientAsync()).SendRawAsync(HttpMethod.Get, "/restapi/v1.0/account/~/extension/~", "", "application/json");
        Assert.Equal(11111111, (await response.ExpectJsonAsync(200)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task DeleteWithAnEmptyJsonBody_IsTolerated()
    {
        var alice = await host.ClientAsync();
        var created = await (await alice.PostJsonAsync("/restapi/v1.0/account/~/extension", new { type = "Department", name = "Temp", extensionNumber = "290" })).ExpectJsonAsync(200);
        var response = await alice.SendRawAsync(HttpMethod.Delete, $"/restapi/v1.0/account/~/extension/{created.GetProperty("id").GetInt64()}", "{}");
        await response.ExpectEmptyAsync(204);
    }

    [Fact]
    public async Task BodyWithTheWrongMediaType_Returns415Envelope()
    {
        var response = await (await host.ClientAsync()).SendRawAsync(HttpMethod.Post, "/restapi/v1.0/account/~/extension", "name=x", "text/plain");
        await response.ExpectErrorAsync(415, "AGW-415");
    }

    [Fact]
    public async Task UnknownQueryParameters_AreIgnored()
    {
        var result = await (await host.ClientAsync()).GetJsonAsync("/restapi/v1.0/account/~/extension?foo=bar&timestamp=1");
        Assert.Equal(5, result.GetProperty("records").GetArrayLength());
        Assert.Contains("foo=bar", result.GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentAndReferencePage_AreServed()
    {
        var client = host.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        Assert.True(doc.GetProperty("paths").TryGetProperty("/restapi/v1.0/account/{accountId}/extension", out _));
        var page = await client.GetAsync("/scalar/v1");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }
}
