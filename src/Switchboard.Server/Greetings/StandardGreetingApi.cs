using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary><c>/restapi/v1.0/dictionary/greeting</c>: the presets rules point at by <c>preset.id</c>.</summary>
public static class StandardGreetingApi
{
    /// <summary>The query enums of listStandardGreetings.</summary>
    private static readonly HashSet<string> TypeFilter =
        ["Introductory", "Announcement", "ConnectingMessage", "ConnectingAudio", "Voicemail", "Unavailable", "HoldMusic", "Company"];

    private static readonly HashSet<string> UsageTypeFilter =
    [
        "UserExtensionAnsweringRule", "ExtensionAnsweringRule", "DepartmentExtensionAnsweringRule", "CompanyAnsweringRule",
        "CompanyAfterHoursAnsweringRule", "VoicemailExtensionAnsweringRule", "AnnouncementExtensionAnsweringRule", "SharedLinesGroupAnsweringRule",
    ];

    /// <summary>Any signed-in user of any app: the spec asks for no permission.</summary>
    public static void MapStandardGreetings(this IEndpointRouteBuilder app)
    {
        var dictionary = app.MapGroup("/restapi/v1.0/dictionary/greeting");
        dictionary.MapGet("", List).Rc("listStandardGreetings", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.AnyUser);
        dictionary.MapGet("/{greetingId}", Read).Rc("readStandardGreeting", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.AnyUser);
    }

    private static Results<Ok<PagedList<DictionaryGreetingInfo>>, ApiError> List(HttpRequest request)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (Filter(request, "type", TypeFilter, out var types) is { } typeError) return typeError;
        if (Filter(request, "usageType", UsageTypeFilter, out var usages) is { } usageError) return usageError;
        var links = Links.For(request);
        var records = StandardGreetings.All
            .Where(g => (types is null || types.Contains(g.Type)) && (usages is null || usages.Contains(g.UsageType)))
            .Select(g => GreetingViews.Standard(g, links))
            .ToList();
        return TypedResults.Ok(page.Slice(records, request, links));
    }

    private static Results<Ok<DictionaryGreetingInfo>, ApiError> Read(string greetingId, HttpRequest request) =>
        StandardGreetings.Find(greetingId) is { } greeting
            ? TypedResults.Ok(GreetingViews.Standard(greeting, Links.For(request)))
            : Errors.NotFound("greetingId");

    /// <summary>A filter of the spec's enum values; repeating the parameter widens it.</summary>
    private static ApiError? Filter(HttpRequest request, string name, HashSet<string> allowed, out HashSet<string>? values)
    {
        values = null;
        var raw = request.Query[name];
        if (raw.Count == 0) return null;
        values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in raw)
        {
            if (value is null || !allowed.Contains(value)) return Errors.InvalidParameter(name, value);
            values.Add(value);
        }
        return null;
    }
}
