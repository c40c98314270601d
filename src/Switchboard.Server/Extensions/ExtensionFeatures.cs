using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Extensions;

public sealed record ParamsInfo(string Name, string Value);

public sealed record ReasonInfo(string Code, string Message);

public sealed record FeatureInfo(string Id, bool Available, IReadOnlyList<ParamsInfo>? Params = null, ReasonInfo? Reason = null);

public sealed record FeatureList(IReadOnlyList<FeatureInfo> Records);

/// <summary>
/// <c>GET .../extension/{extensionId}/features</c>: what the extension can use here, including
/// NewCallHandlingAndForwarding, whose isNewBackendAvailable param tells v1 and v2 call handling apart (seed 002).
/// </summary>
public static class ExtensionFeatures
{
    public const string NewCallHandling = "NewCallHandlingAndForwarding";

    private static readonly ReasonInfo TypeLimitation = new("ExtensionTypeLimitation", "The feature is not available for this extension type");

    public static async Task<Results<Ok<FeatureList>, ApiError>> List(
        long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        if (QueryValues.Boolean(request, "availableOnly", false, out var availableOnly) is { } bad) return bad;
        var found = await db.Extensions.AsNoTracking()
            .Where(e => e.Id == extensionId && e.AccountId == accountId)
            .Select(e => new { e.Type, e.Account!.NewCallHandling })
            .FirstOrDefaultAsync(ct);
        if (found is null) return Errors.NotFound("extensionId");

        var wanted = request.Query["featureId"].Where(f => !string.IsNullOrEmpty(f)).ToHashSet(StringComparer.Ordinal);
        var records = For(found.Type, found.NewCallHandling)
            .Where(f => (wanted.Count == 0 || wanted.Contains(f.Id)) && (!availableOnly || f.Available))
            .ToList();
        return TypedResults.Ok(new FeatureList(records));
    }

    public static IEnumerable<FeatureInfo> For(ExtensionType type, bool newCallHandling)
    {
        var user = ExtensionViews.IsUser(type);
        var answers = user || type is ExtensionType.Department or ExtensionType.SharedLinesGroup;
        yield return Feature("CallForwarding", user);
        yield return Feature("CallPark", user);
        yield return Feature("CallSwitch", user);
        yield return Feature("DND", answers);
        yield return Feature("OnDemandCallRecording", user);
        yield return Feature("Presence", user || type == ExtensionType.ParkLocation);
        yield return Feature("RingOut", user);
        yield return Feature("TelephonySessions", true);
        yield return Feature("Voicemail", answers || type == ExtensionType.Voicemail);
        yield return Feature("WebPhone", user);
        yield return new FeatureInfo(NewCallHandling, true, [new ParamsInfo("isNewBackendAvailable", newCallHandling ? "true" : "false")]);
    }

    private static FeatureInfo Feature(string id, bool available) =>
        available ? new FeatureInfo(id, true) : new FeatureInfo(id, false, Reason: TypeLimitation);
}
