using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.Subscriptions;

namespace Switchboard.CallHandling.V2;

/// <summary>v2 <c>/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling</c> (seed 002), for upgraded accounts.</summary>
public static class CommHandlingApi
{
    private const string Read = "ReadUserAnsweringRules";
    private const string Edit = "EditUserAnsweringRules";

    public static void MapCommHandling(this IEndpointRouteBuilder app)
    {
        var handling = app.MapGroup("/restapi/v2/accounts/{accountId}/extensions/{extensionId}/comm-handling");
        handling.MapGet("/states", ListStates).Rc("listCicStates", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapGet("/states/{stateId}", ReadState).Rc("readCicState", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapPatch("/states/{stateId}", UpdateState).Rc("updateCicState", ThrottlingGroup.Medium, AppPermissions.EditExtensions, Edit, UserAccess.OwnOrAdmin);
        handling.MapGet("/voice/state-rules", ListStateRules).Rc("listVoiceStateBasedRules", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapGet("/voice/state-rules/{stateId}", ReadStateRule).Rc("readVoiceStateBasedRule", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapPatch("/voice/state-rules/{stateId}", UpdateStateRule).Rc("updateVoiceStateBasedRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, Edit, UserAccess.OwnOrAdmin);
        handling.MapGet("/voice/interaction-rules", ListRules).Rc("listVoiceInteractionRules", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapPost("/voice/interaction-rules", CreateRule).Rc("createVoiceInteractionRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, Edit, UserAccess.OwnOrAdmin);
        handling.MapGet("/voice/interaction-rules/{ruleId}", ReadRule).Rc("readVoiceInteractionRule", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, Read, UserAccess.OwnOrAdmin);
        handling.MapPatch("/voice/interaction-rules/{ruleId}", UpdateRule).Rc("updateVoiceInteractionRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, Edit, UserAccess.OwnOrAdmin);
        handling.MapDelete("/voice/interaction-rules/{ruleId}", DeleteRule).Rc("deleteVoiceInteractionRule", ThrottlingGroup.Medium, AppPermissions.EditExtensions, Edit, UserAccess.OwnOrAdmin);
    }

    private static async Task<(CallHandlingContext? Context, ApiError? Error)> LoadUpgradedAsync(SwitchboardDb db, long accountId, long extensionId, CancellationToken ct)
    {
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is not null && !context.Account.NewCallHandling) return (null, Errors.OldCallHandlingOnly());
        return (context, error);
    }

    private static StateId? State(CallHandlingContext context, string stateId) =>
        stateId != "do-not-disturb" && RuleRef.ParseState(stateId) is { } state && context.Document.HasState(state) ? state : null;

    private static async Task<Results<Ok<RecordsPage<StateResource>>, ApiError>> ListStates(long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return TypedResults.Ok(page.Records([.. CommHandlingView.States(context.Document).Select(s => CommHandlingView.State(context.Document, s))]));
    }

    private static async Task<Results<Ok<StateResource>, ApiError>> ReadState(long accountId, long extensionId, string stateId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return State(context, stateId) is { } state ? TypedResults.Ok(CommHandlingView.State(context.Document, state)) : Errors.NotFound("stateId");
    }

    /// <summary>Switches forward-all-calls, dnd and agent; sets the work-hours schedule (and with it after hours).</summary>
    private static async Task<Results<Ok<StateResource>, ApiError>> UpdateState(
        long accountId, long extensionId, string stateId, StateUpdate? body, SwitchboardDb db, NotificationHub hub, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (State(context, stateId) is not { } state) return Errors.NotFound("stateId");
        var always = state is StateId.WorkHours or StateId.AfterHours;
        if (always && body.Enabled == false) return Errors.Invalid("enabled", "false", "Work Hours and After Hours states cannot be disabled.");
        if (body.Conditions is { } conditions)
        {
            if (state != StateId.WorkHours) return Errors.Invalid("conditions", null, "Only the work-hours state has a schedule of its own.");
            if (conditions is not [{ Type: "Schedule", Schedule: { } schedule }]) return Errors.Invalid("conditions", null, "Work hours take one Schedule condition.");
            var (parsed, scheduleError) = CommHandlingWrite.Schedule(schedule, "conditions[0].schedule", weeklyOnly: true);
            if (parsed is null) return scheduleError!;
            context.Document.BusinessHours = parsed.Weekly;
        }
        if (!always && body.Enabled is { } enabled) context.Document.States[state].Enabled = enabled;
        await CallHandlingStore.SaveAsync(db, context, ct);
        // The dnd state is the user's dndStatusPersonal, which presence subscribers see.
        if (state == StateId.Dnd && body.Enabled is not null) hub.PresenceChanged(accountId, extensionId);
        return TypedResults.Ok(CommHandlingView.State(context.Document, state));
    }

    private static async Task<Results<Ok<RecordsPage<StateRuleResource>>, ApiError>> ListStateRules(long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return TypedResults.Ok(page.Records([.. CommHandlingView.States(context.Document).Select(s => CommHandlingView.StateRule(context, s))]));
    }

    private static async Task<Results<Ok<StateRuleResource>, ApiError>> ReadStateRule(long accountId, long extensionId, string stateId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return State(context, stateId) is { } state ? TypedResults.Ok(CommHandlingView.StateRule(context, state)) : Errors.NotFound("stateId");
    }

    private static async Task<Results<Ok<StateRuleResource>, ApiError>> UpdateStateRule(
        long accountId, long extensionId, string stateId, StateRuleUpdate? body, SwitchboardDb db, IdAllocator ids, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (State(context, stateId) is not { } state) return Errors.NotFound("stateId");
        if (body.Dispatching is { } dispatching)
        {
            var write = new CommHandlingWrite(context, await IdsAsync(ids, dispatching, ct));
            if (write.Dispatching(context.Document.States[state].Dispatch, dispatching, "dispatching") is { } invalid) return invalid;
        }
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Ok(CommHandlingView.StateRule(context, state));
    }

    private static async Task<Func<long>> IdsAsync(IdAllocator ids, CommDispatching? dispatching, CancellationToken ct)
    {
        var count = CommHandlingWrite.NewNumbers(dispatching);
        var fresh = new Queue<long>(count == 0 ? [] : await ids.ReserveAsync(count, ct));
        return fresh.Dequeue;
    }

    private static async Task<Results<Ok<RecordsPage<InteractionRuleResource>>, ApiError>> ListRules(long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, pageError) = PageRequest.Parse(request);
        if (pageError is not null) return pageError;
        bool? Filter(string name, out ApiError? filterError)
        {
            filterError = null;
            if (request.Query[name].Count == 0) return null;
            filterError = QueryValues.Boolean(request, name, false, out var value);
            return value;
        }
        var enabled = Filter("enabled", out var enabledError);
        if (enabledError is not null) return enabledError;
        var hasReference = Filter("hasReference", out var referenceError);
        if (referenceError is not null) return referenceError;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var rules = context.Document.Rules
            .Where(r => enabled is null || r.Enabled == enabled)
            .Where(r => hasReference is null || (r.Schedule?.Ref is not null) == hasReference)
            .Select(r => CommHandlingView.Rule(context, r)).ToList();
        return TypedResults.Ok(page.Records(rules));
    }

    private static async Task<Results<Ok<InteractionRuleResource>, ApiError>> ReadRule(long accountId, long extensionId, string ruleId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        return Find(context, ruleId) is { } rule ? TypedResults.Ok(CommHandlingView.Rule(context, rule)) : Errors.NotFound("ruleId");
    }

    private static InteractionRule? Find(CallHandlingContext context, string ruleId) =>
        long.TryParse(ruleId, out var id) ? context.Document.Rules.FirstOrDefault(r => r.Id == id) : null;

    private static async Task<Results<Created<InteractionRuleResource>, ApiError>> CreateRule(
        long accountId, long extensionId, InteractionRuleRequest? body, SwitchboardDb db, IdAllocator ids, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        if (body.DisplayName is null) return Errors.RequiredParameter("displayName");
        if (body.Conditions is null) return Errors.RequiredParameter("conditions");
        if (body.Dispatching is null) return Errors.RequiredParameter("dispatching");
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var rule = new InteractionRule { Id = await ids.NextAsync(ct), Dispatch = CallHandlingStore.Copy(context.Document).States[StateId.WorkHours].Dispatch };
        if (await ApplyAsync(context, rule, body, ids, ct) is { } invalid) return invalid;
        context.Document.Rules.Add(rule);
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Created(Links.For(request).Path($"{request.Path}/{rule.Id}"), CommHandlingView.Rule(context, rule));
    }

    private static async Task<Results<Ok<InteractionRuleResource>, ApiError>> UpdateRule(
        long accountId, long extensionId, string ruleId, InteractionRuleRequest? body, SwitchboardDb db, IdAllocator ids, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (Find(context, ruleId) is not { } rule) return Errors.NotFound("ruleId");
        if (await ApplyAsync(context, rule, body, ids, ct) is { } invalid) return invalid;
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Ok(CommHandlingView.Rule(context, rule));
    }

    private static async Task<ApiError?> ApplyAsync(CallHandlingContext context, InteractionRule rule, InteractionRuleRequest body, IdAllocator ids, CancellationToken ct)
    {
        if (body.DisplayName is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 64) return Errors.InvalidParameter("displayName", name);
            rule.Name = name.Trim();
        }
        rule.Enabled = body.Enabled ?? rule.Enabled;
        if (body.Conditions is { } conditions && RuleConditions.Apply(context, rule, conditions) is { } conditionError) return conditionError;
        if (body.Dispatching is { } dispatching)
            return new CommHandlingWrite(context, await IdsAsync(ids, dispatching, ct)).Dispatching(rule.Dispatch, dispatching, "dispatching");
        return null;
    }

    private static async Task<Results<NoContent, ApiError>> DeleteRule(
        long accountId, long extensionId, string ruleId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await LoadUpgradedAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (Find(context, ruleId) is not { } rule) return Errors.NotFound("ruleId");
        context.Document.Rules.Remove(rule);
        await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.NoContent();
    }
}
