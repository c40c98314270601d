using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.CallHandling.V1;

/// <summary>
/// v1 business hours: the extension's is the work-hours state's schedule (so v2 sees every change), the
/// company's is the account's own. Setting no ranges means 24/7, which removes the after-hours rule.
/// </summary>
public static class BusinessHoursApi
{
    public static void MapBusinessHours(this IEndpointRouteBuilder app)
    {
        app.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours", ReadUser)
            .Rc("readUserBusinessHours", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadExtensions", UserAccess.OwnOrAdmin);
        app.MapPut("/restapi/v1.0/account/{accountId}/extension/{extensionId}/business-hours", UpdateUser)
            .Rc("updateUserBusinessHours", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.OwnOrAdmin);
        app.MapGet("/restapi/v1.0/account/{accountId}/business-hours", ReadCompany)
            .Rc("readCompanyBusinessHours", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadCompanyAnsweringRules", UserAccess.AnyUser);
        app.MapPut("/restapi/v1.0/account/{accountId}/business-hours", UpdateCompany)
            .Rc("updateCompanyBusinessHours", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.Admin);
    }

    public sealed record BusinessHoursRequest(BusinessHoursSchedule? Schedule);

    private static BusinessHours View(string uri, WeeklySchedule week) => new(uri, new BusinessHoursSchedule(AnsweringRuleView.Weekly(week)));

    private static (WeeklySchedule? Week, ApiError? Error) Parse(BusinessHoursRequest? body)
    {
        if (body?.Schedule is not { } schedule) return (null, Errors.RequiredParameter("schedule"));
        return schedule.WeeklyRanges is null ? (new WeeklySchedule(), null) : AnsweringRuleWrite.Weekly(schedule.WeeklyRanges, "schedule.weeklyRanges");
    }

    private static async Task<Results<Ok<BusinessHours>, ApiError>> ReadUser(long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return TypedResults.Ok(View(Links.For(request).Path(request.Path), context.Document.BusinessHours));
    }

    private static async Task<Results<Ok<BusinessHours>, ApiError>> UpdateUser(
        long accountId, long extensionId, BusinessHoursRequest? body, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (week, parseError) = Parse(body);
        if (week is null) return parseError!;
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        context.Document.BusinessHours = week;
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Ok(View(Links.For(request).Path(request.Path), week));
    }

    private static async Task<Results<Ok<BusinessHours>, ApiError>> ReadCompany(long accountId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Errors.NotFound("accountId");
        return TypedResults.Ok(View(Links.For(request).Path(request.Path), CompanyHours(account)));
    }

    private static async Task<Results<Ok<BusinessHours>, ApiError>> UpdateCompany(
        long accountId, BusinessHoursRequest? body, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (week, parseError) = Parse(body);
        if (week is null) return parseError!;
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Errors.NotFound("accountId");
        account.BusinessHours = StoredHours(week);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(Links.For(request).Path(request.Path), week));
    }

    public static string StoredHours(WeeklySchedule week) =>
        System.Text.Json.JsonSerializer.Serialize(week.Days.ToDictionary(d => Schedules.DayName(d.Key), d => d.Value));

    public static WeeklySchedule CompanyHours(Account account)
    {
        if (account.BusinessHours is null) return Defaults.BusinessHours();
        var days = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, List<TimeRange>>>(account.BusinessHours)!;
        return new WeeklySchedule { Days = Schedules.Week.Where(d => days.ContainsKey(Schedules.DayName(d))).ToDictionary(d => d, d => days[Schedules.DayName(d)]) };
    }
}
