using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Accounts;

public static class AccountApi
{
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/restapi", ListVersions).Anonymous("readAPIVersions", ThrottlingGroup.NoThrottling);
        app.MapGet("/restapi/{apiVersion}", ReadVersion).Anonymous("readAPIVersion", ThrottlingGroup.NoThrottling);

        var account = app.MapGroup("/restapi/v1.0/account/{accountId}");
        account.MapGet("", ReadAccount)
            .Rc("readAccountInfo", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadCompanyInfo", UserAccess.AnyUser);
        account.MapGet("/service-info", ReadServiceInfo)
            .Rc("readAccountServiceInfo", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadCompanyInfo", UserAccess.AnyUser);
    }

    public sealed record ApiVersionInfo(string Uri, string VersionString, DateTime ReleaseDate, string UriString);

    public sealed record ApiVersionsList(string Uri, IReadOnlyList<ApiVersionInfo> ApiVersions, string ServerVersion, string ServerRevision);

    /// <summary>The spec revision Switchboard follows (rc-platform 1.0.60, August 2026).</summary>
    private static ApiVersionInfo Version(Links links) =>
        new($"{links.Base}/restapi/v1.0", "1.0.60", new DateTime(2026, 8, 12, 0, 0, 0, DateTimeKind.Utc), "v1.0");

    private static Ok<ApiVersionsList> ListVersions(HttpRequest request)
    {
        var links = Links.For(request);
        var version = typeof(AccountApi).Assembly.GetName().Version?.ToString() ?? "0";
        return TypedResults.Ok(new ApiVersionsList($"{links.Base}/restapi", [Version(links)], $"Switchboard {version}", version));
    }

    private static Results<Ok<ApiVersionInfo>, ApiError> ReadVersion(string apiVersion, HttpRequest request) =>
        apiVersion == "v1.0" ? TypedResults.Ok(Version(Links.For(request))) : Errors.NotFound("apiVersion");

    private static async Task<Results<Ok<AccountInfo>, ApiError>> ReadAccount(long accountId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var found = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                Account = a,
                Main = a.PhoneNumbers.Where(p => p.UsageType == PhoneNumberUsage.MainCompanyNumber).Select(p => p.Number).FirstOrDefault(),
                Operator = a.Extensions.Where(e => e.Id == a.Id).Select(e => e.ExtensionNumber).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null) return Errors.NotFound("accountId");
        return TypedResults.Ok(AccountViews.Info(found.Account, found.Main, found.Operator, Links.For(request)));
    }

    private static async Task<Results<Ok<AccountServiceInfo>, ApiError>> ReadServiceInfo(long accountId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Errors.NotFound("accountId");
        return TypedResults.Ok(AccountViews.Service(account, Links.For(request)));
    }
}
