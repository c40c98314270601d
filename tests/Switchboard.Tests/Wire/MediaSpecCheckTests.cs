using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Http;
using Switchboard.Http.SpecCheck;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Wire;

/// <summary>Operations that answer with media (greeting audio) pass the spec check by their declared media type.</summary>
public sealed class MediaSpecCheckTests
{
    private static readonly SpecDocument Spec = SpecDocument.Load(Repo.File("spec", "rc-public-openapi.yml"));

    private static List<string> Check(string operationId, string contentType, byte[] body, int status = 200)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(
            new RcOperation(operationId, ThrottlingGroup.Heavy, Switchboard.Data.AppPermissions.ReadAccounts, null, UserAccess.OwnOrAdmin)), operationId));
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return new SpecConformance(_ => Task.CompletedTask, Spec, NullLogger<SpecConformance>.Instance).Check(context, body);
    }

    [Fact]
    public void Middleware_AudioForAnAudioOperation_Passes()
    {
        Assert.Empty(Check("readGreetingContent", "audio/mpeg", [1, 2, 3]));
    }

    [Fact]
    public void Middleware_OtherMediaForAnAudioOperation_IsFlagged()
    {
        Assert.Contains(Check("readGreetingContent", "application/json", "{}"u8.ToArray()), p => p.Contains("declares audio/*", StringComparison.Ordinal));
    }

    [Fact]
    public void Middleware_EmptyObjectForCallFlip_PassesButNothingMore()
    {
        // The spec declares no body; ringcentral-call-control parses one (CLIENTS.md 6.1).
        Assert.Empty(Check("callFlipParty", "application/json; charset=utf-8", "{}"u8.ToArray()));
        Assert.Contains(Check("callFlipParty", "application/json", """{"id":"1"}"""u8.ToArray()), p => p.Contains("has no body in the spec", StringComparison.Ordinal));
        Assert.Contains(Check("deleteCallParty", "application/json", "{}"u8.ToArray(), 204), p => p.Contains("has no body in the spec", StringComparison.Ordinal));
    }

    [Fact]
    public void Middleware_BodyForAnOperationWithoutOne_IsStillFlagged()
    {
        Assert.Contains(Check("deleteForwardingNumber", "audio/mpeg", [1], 204), p => p.Contains("has no body in the spec", StringComparison.Ordinal));
    }
}
