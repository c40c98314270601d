using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.CallHandling.V1;

/// <summary>v1 <c>/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule</c> (seed 001), for accounts not upgraded.</summary>
public static class AnsweringRuleApi
{
    public enum RuleType { BusinessHours, AfterHours, Custom }

    private const string UpgradedAccount = "call handling is read and changed with /restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling.";

    public static void MapAnsweringRules(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/restapi/v1.0/account/{accountId}/extension/{extensionId}/answering-rule");
        rules.MapGet("", List).Rc("listAnsweringRules", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadUserAnsweringRules", UserAccess.OwnOrAdmin);
        rules.MapPost("", Create).Rc("createAnsweringRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.OwnOrAdmin);
        rules.MapGet("/{ruleId}", Read).Rc("readAnsweringRule", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserAnsweringRules", UserAccess.OwnOrAdmin);
        rules.MapPut("/{ruleId}", Update).Rc("updateAnsweringRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.OwnOrAdmin);
        rules.MapDelete("/{ruleId}", Delete).Rc("deleteAnsweringRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.OwnOrAdmin);
    }

    private static async Task<(CallHandlingContext? Context, ApiError? Error)> LoadOldAsync(SwitchboardDb db, long accountId, long extensionId, CancellationToken ct)
    {
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is not null && context.Account.NewCallHandling) return (null, Errors.NewCallHandlingOnly(UpgradedAccount));
        return (context, error);
    }

    private static async Task<Results<Ok<PagedList<AnsweringRule>>, ApiError>> List(
        long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        if (QueryValues.Enums<RuleType>(request, "type", out var types) is { } typeError) return typeError;
        if (QueryValues.Boolean(request, "enabledOnly", false, out var enabledOnly) is { } enabledError) return enabledError;
        var view = request.Query["view"].ToString();
        if (view is not ("" or "Simple" or "Detailed")) return Errors.InvalidParameter("view", view);
        var (context, loadError) = await LoadOldAsync(db, accountId, extensionId, ct);
        if (context is null) return loadError!;

        var links = Links.For(request);
        var detailed = view == "Detailed";
        var all = new List<AnsweringRule>();
        if (types is null || types.Contains(RuleType.BusinessHours)) all.Add(AnsweringRuleView.State(context, StateId.WorkHours, links, detailed));
        if ((types is null || types.Contains(RuleType.AfterHours)) && context.Document.HasState(StateId.AfterHours))
            all.Add(AnsweringRuleView.State(context, StateId.AfterHours, links, detailed));
        if (types is null || types.Contains(RuleType.Custom))
            all.AddRange(context.Document.Rules.Where(r => r.Enabled || !enabledOnly).Select(r => AnsweringRuleView.Custom(context, r, links, detailed)));
        return TypedResults.Ok(page.Slice(all, request, links));
    }

    private static async Task<Results<Ok<AnsweringRule>, ApiError>> Read(
        long accountId, long extensionId, string ruleId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (context, error) = await LoadOldAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return Show(context, ruleId, Links.For(request));
    }

    private static Results<Ok<AnsweringRule>, ApiError> Show(CallHandlingContext context, string ruleId, Links links)
    {
        if (RuleRef.FromV1(ruleId) is not { } rule || context.Document.Find(rule) is null) return Errors.NotFound("ruleId");
        return TypedResults.Ok(rule.State is { } state
            ? AnsweringRuleView.State(context, state, links)
            : AnsweringRuleView.Custom(context, context.Document.Rules.First(r => r.Id == rule.CustomId), links));
    }

    /// <summary>Only custom rules are created; they start from the work-hours rule's handling, then take the body's.</summary>
    private static async Task<Results<Ok<AnsweringRule>, ApiError>> Create(
        long accountId, long extensionId, AnsweringRule? body, SwitchboardDb db, IdAllocator ids, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        if (body.Type is null) return Errors.RequiredParameter("type");
        if (body.Type != "Custom") return Errors.InvalidParameter("type", body.Type);
        if (body.Name is null) return Errors.RequiredParameter("name");
        var (context, error) = await LoadOldAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;

        var work = CallHandlingStore.Copy(context.Document).States[StateId.WorkHours].Dispatch;
        var rule = new InteractionRule { Id = await ids.NextAsync(ct), Dispatch = work };
        if ((AnsweringRuleWrite.Conditions(context, rule, body) ?? AnsweringRuleWrite.Dispatch(context, rule.Dispatch, body)) is { } invalid) return invalid;
        context.Document.Rules.Add(rule);
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Ok(AnsweringRuleView.Custom(context, rule, Links.For(request)));
    }

    private static async Task<Results<Ok<AnsweringRule>, ApiError>> Update(
        long accountId, long extensionId, string ruleId, AnsweringRule? body, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await LoadOldAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (RuleRef.FromV1(ruleId) is not { } rule || context.Document.Find(rule) is not { } dispatch) return Errors.NotFound("ruleId");

        // The document is this request's own copy: nothing is saved unless every field is valid.
        if (rule.CustomId is { } customId && AnsweringRuleWrite.Conditions(context, context.Document.Rules.First(r => r.Id == customId), body) is { } conditionError)
            return conditionError;
        if (rule.State is not null && body.Enabled == false) return Errors.Invalid("enabled", "false", "Business hours and after hours rules cannot be disabled.");
        if (AnsweringRuleWrite.Dispatch(context, dispatch, body) is { } invalid) return invalid;
        await CallHandlingStore.SaveAsync(db, context, ct);
        return Show(context, ruleId, Links.For(request));
    }

    private static async Task<Results<NoContent, ApiError>> Delete(
        long accountId, long extensionId, string ruleId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadOldAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (RuleRef.FromV1(ruleId) is not { } rule || context.Document.Find(rule) is null) return Errors.NotFound("ruleId");
        if (rule.State is not null) return Errors.Invalid("ruleId", ruleId, "Business hours and after hours rules cannot be deleted.");
        context.Document.Rules.RemoveAll(r => r.Id == rule.CustomId);
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.NoContent();
    }
}
