using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.ForwardingNumbers;

/// <summary>v1 <c>/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number</c> (seed 000).</summary>
public static class ForwardingNumberApi
{
    /// <summary>CreateForwardingNumberRequest and UpdateForwardingNumberRequest; flipNumber is a number in one and a string in the other.</summary>
    public sealed record ForwardingNumberRequest(string? PhoneNumber, string? Label, string? Type, DeviceRef? Device, JsonElement? FlipNumber)
    {
        public NumberChange Change() => new(null, PhoneNumber, Type, Label, Text(FlipNumber), Device?.Id ?? (Device is null ? null : ""));
    }

    public sealed record ForwardingNumberIdRef(string? Id, string? ForwardingNumberId);

    /// <summary>DeleteForwardingNumbersRequest; <c>id</c> (what @rc-ex sends) and the spec's <c>forwardingNumberId</c> are both read.</summary>
    public sealed record DeleteRequest(IReadOnlyList<ForwardingNumberIdRef>? Records);

    private const string UpgradedAccount = "forwarding and call flip numbers are changed with /restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers and .../comm-handling/voice/forwarding-targets.";

    public static void MapForwardingNumbers(this IEndpointRouteBuilder app)
    {
        var list = app.MapGroup("/restapi/v1.0/account/{accountId}/extension/{extensionId}/forwarding-number");
        list.MapGet("", List).Rc("listForwardingNumbers", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        list.MapPost("", Create).Rc("createForwardingNumber", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        list.MapDelete("", DeleteMany).Rc("deleteForwardingNumbers", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        list.MapGet("/{forwardingNumberId}", Read).Rc("readForwardingNumber", ThrottlingGroup.Light, AppPermissions.ReadAccounts, "ReadUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        list.MapPut("/{forwardingNumberId}", Update).Rc("updateForwardingNumber", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
        list.MapDelete("/{forwardingNumberId}", Delete).Rc("deleteForwardingNumber", ThrottlingGroup.Medium, AppPermissions.EditExtensions, "EditUserForwardingFlipNumbers", UserAccess.OwnOrAdmin);
    }

    private static async Task<Results<Ok<PagedList<ForwardingNumberInfo>>, ApiError>> List(
        long accountId, long extensionId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(request);
        if (error is not null) return error;
        var (context, loadError) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return loadError!;
        var links = Links.For(request);
        return TypedResults.Ok(page.Slice([.. context.Book.Entries.Select(e => ForwardingViews.V1(e, links))], request, links));
    }

    private static async Task<Results<Ok<ForwardingNumberInfo>, ApiError>> Read(
        long accountId, long extensionId, string forwardingNumberId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var entry = context.Book.Find(forwardingNumberId);
        return entry is null ? Errors.NotFound("forwardingNumberId") : TypedResults.Ok(ForwardingViews.V1(entry, Links.For(request)));
    }

    private static async Task<Results<Ok<ForwardingNumberInfo>, ApiError>> Create(
        long accountId, long extensionId, ForwardingNumberRequest? body, SwitchboardDb db, IdAllocator ids, HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (context.Account.NewCallHandling) return Errors.NewCallHandlingOnly(UpgradedAccount);
        if (body.FlipNumber is { } flip && flip.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
            return Errors.InvalidParameter("flipNumber");

        var (entry, createError) = context.Book.Create(body.Change(), await ids.NextAsync(ct), accountId, extensionId);
        if (entry is null) return createError!;
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.Ok(ForwardingViews.V1(entry, Links.For(request)));
    }

    private static async Task<Results<Ok<ForwardingNumberInfo>, ApiError>> Update(
        long accountId, long extensionId, string forwardingNumberId, ForwardingNumberRequest? body, SwitchboardDb db,
        HttpRequest request, CancellationToken ct)
    {
        if (body is null) return Errors.UnparsableRequest;
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var entry = context.Book.Find(forwardingNumberId);
        if (entry is null) return Errors.NotFound("forwardingNumberId");
        if (context.Account.NewCallHandling) return Errors.NewCallHandlingOnly(UpgradedAccount);
        if (body.Device is not null) return Errors.InvalidParameter("device");

        if (context.Book.Update(entry, body.Change()) is { } updateError) return updateError;
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.Ok(ForwardingViews.V1(entry, Links.For(request)));
    }

    private static async Task<Results<NoContent, ApiError>> Delete(
        long accountId, long extensionId, string forwardingNumberId, SwitchboardDb db, CancellationToken ct)
    {
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var entry = context.Book.Find(forwardingNumberId);
        if (entry is null) return Errors.NotFound("forwardingNumberId");
        if (context.Account.NewCallHandling) return Errors.NewCallHandlingOnly(UpgradedAccount);
        if (context.Book.Delete(entry, "forwardingNumberId") is { } deleteError) return deleteError;
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Deletes every listed number or, if any one cannot go, none.</summary>
    private static async Task<Results<NoContent, ApiError>> DeleteMany(
        long accountId, long extensionId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeleteRequest? body, SwitchboardDb db, CancellationToken ct)
    {
        if (body?.Records is not { Count: > 0 } records) return Errors.RequiredParameter("records");
        var (context, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (context.Account.NewCallHandling) return Errors.NewCallHandlingOnly(UpgradedAccount);
        for (var i = 0; i < records.Count; i++)
        {
            var parameter = $"records[{i}].id";
            var id = records[i].Id ?? records[i].ForwardingNumberId;
            if (string.IsNullOrEmpty(id)) return Errors.RequiredParameter(parameter);
            var entry = context.Book.Find(id);
            if (entry is null) return Errors.NotFound(parameter) with { ParameterValue = id };
            if (context.Book.Delete(entry, parameter) is { } deleteError) return deleteError;
        }
        await ForwardingStore.SaveAsync(db, context.Book, ct);
        return TypedResults.NoContent();
    }

    private static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.String => value.Value.GetString(),
        _ => null,
    };
}
