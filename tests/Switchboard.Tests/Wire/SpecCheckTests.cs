using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Http;
using Switchboard.Http.SpecCheck;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Wire;

/// <summary>The spec check itself must catch what it claims to, or every other test proves less.</summary>
public sealed class SpecCheckTests
{
    private static readonly SpecDocument Spec = SpecDocument.Load(Repo.File("spec", "rc-public-openapi.yml"));
    private static readonly SchemaValidator Validator = new(Spec);

    private static List<string> Check(string schema, string json) =>
        Validator.Validate(JsonDocument.Parse(json).RootElement, Spec.Schema(schema));

    [Fact]
    public void Validate_RealCapturedPayload_PassesButForTheSpecsOwnMistake()
    {
        // The spec gives DepartmentInfo.id the uri format; the platform sends a plain id.
        var extension = File.ReadAllText(Repo.File("tests", "fixtures", "captured", "extensionInfo.json"));
        Assert.Equal(["$.departments[0].id: '265287004' is not a valid uri"], Check("GetExtensionInfoResponse", extension));
    }

    [Theory]
    [InlineData("""{"id":1,"contact":{"firstName":"A","nickname":"x"}}""", "'nickname' is not a property of ContactInfo")]
    [InlineData("""{"id":"1"}""", "$.id: expected an integer")]
    [InlineData("""{"id":1,"status":"Sleeping"}""", "'Sleeping' is not one of")]
    [InlineData("""{"id":1,"uri":"not a uri"}""", "is not a valid uri")]
    [InlineData("""{"id":1,"creationTime":"yesterday"}""", "is not a valid date-time")]
    [InlineData("""{"id":null}""", "null is not allowed")]
    public void Validate_Mismatches_AreReported(string json, string expected)
    {
        var errors = Check("GetExtensionInfoResponse", json);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequiredProperty_IsReported()
    {
        Assert.Contains(Check("TokenInfo", """{"access_token":"a","expires_in":1,"scope":"","token_type":"bearer"}"""),
            e => e.Contains("required property 'session_id'", StringComparison.Ordinal));
        Assert.Contains(Check("TokenInfo", """{"access_token":"a","expires_in":1,"scope":"","token_type":"mac","session_id":"s"}"""),
            e => e.Contains("'mac' is not one of bearer", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnquotedYamlOff_IsTheStringOff()
    {
        var schema = Spec.Schema("CallHandlingRuleInfo")["properties"]!["screening"]!.AsObject();
        Assert.Empty(Validator.Validate(JsonDocument.Parse("\"Off\"").RootElement, schema));
    }

    [Theory]
    [InlineData(200, """{"id":"not-a-number"}""", "expected an integer")]
    [InlineData(201, """{"id":1}""", "status 201 is not a response of readExtension")]
    [InlineData(404, """{"message":"no envelope"}""", "required property 'errors'")]
    [InlineData(404, "", "must carry the JSON error envelope")]
    public void Middleware_FlagsResponsesThatDoNotMatchTheirOperation(int status, string body, string expected)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.SetEndpoint(new Microsoft.AspNetCore.Http.Endpoint(null, new Microsoft.AspNetCore.Http.EndpointMetadataCollection(
            new RcOperation("readExtension", ThrottlingGroup.Light, Switchboard.Data.AppPermissions.ReadAccounts, null, UserAccess.AnyUser)), "readExtension"));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var middleware = new SpecConformance(_ => Task.CompletedTask, Spec, Microsoft.Extensions.Logging.Abstractions.NullLogger<SpecConformance>.Instance);
        Assert.Contains(middleware.Check(context, System.Text.Encoding.UTF8.GetBytes(body)), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void OperationList_MatchesTheSpec()
    {
        var fromSpec = Spec.Operations
            .Select(o => (o["x-method"]!.GetValue<string>(), o["x-path"]!.GetValue<string>(), o["operationId"]!.GetValue<string>()))
            .OrderBy(o => o.Item2, StringComparer.Ordinal).ThenBy(o => o.Item1, StringComparer.Ordinal);
        Assert.Equal(fromSpec.ToHashSet(), UnsupportedOperations.All.ToHashSet());
    }
}

/// <summary>Every implemented RingCentral route carries what the spec says about it.</summary>
public sealed class RouteMetadataTests(SwitchboardHost host) : IClassFixture<SwitchboardHost>
{
    [Fact]
    public void EveryOperation_MatchesTheSpecsPathMethodThrottlingAndPermission()
    {
        var spec = SpecDocument.Load(Repo.File("spec", "rc-public-openapi.yml"));
        var endpoints = host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<RcOperation>() is { } op && spec.Operation(op.OperationId) is not null)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var op = endpoint.Metadata.GetMetadata<RcOperation>()!;
            var declared = spec.Operation(op.OperationId)!;
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single();
            Assert.Equal((declared["x-method"]!.GetValue<string>(), declared["x-path"]!.GetValue<string>()),
                (method, "/" + endpoint.RoutePattern.RawText!.Trim('/')));
            Assert.Equal(declared["x-throttling-group"]!.GetValue<string>(), op.Throttling.ToString());
            // The spec calls the wstoken permission "WebSocket"; the scope apps are given is WebSocketsSubscriptions (docs/compat.md).
            var permission = declared["x-app-permission"]?.GetValue<string>() switch
            {
                null => "None",
                "WebSocket" => "WebSocketsSubscriptions",
                var name => name,
            };
            Assert.Equal(permission, op.AppPermission.ToString());
        }
    }
}
