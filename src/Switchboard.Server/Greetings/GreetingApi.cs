using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Switchboard.CallHandling;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Greetings;

/// <summary>
/// v1 custom user greetings: upload (put on a rule at once, seed 002), read, and the audio itself;
/// and the standard greetings dictionary.
/// </summary>
public static class GreetingApi
{
    public static void MapGreetings(this IEndpointRouteBuilder app)
    {
        var greetings = app.MapGroup("/restapi/v1.0/account/{accountId}/extension/{extensionId}/greeting");
        greetings.MapPost("", Create)
            .Rc("createCustomUserGreeting", ThrottlingGroup.Heavy, AppPermissions.EditExtensions, "EditUserAnsweringRules", UserAccess.OwnOrAdmin);
        greetings.MapGet("/{greetingId}", Read)
            .Rc("readCustomGreeting", ThrottlingGroup.Medium, AppPermissions.ReadAccounts, "ReadUserInfo", UserAccess.OwnOrAdmin);
        // The spec names no user permission for the audio; the greeting's own one is the natural fit.
        greetings.MapGet("/{greetingId}/content", Content)
            .Rc("readGreetingContent", ThrottlingGroup.Heavy, AppPermissions.ReadAccounts, "ReadUserInfo", UserAccess.OwnOrAdmin);
        app.MapStandardGreetings();
    }

    /// <summary>Checks everything, then saves the greeting and the rule that plays it in one SaveChanges.</summary>
    private static async Task<Results<Ok<CustomUserGreetingInfo>, ApiError>> Create(
        long accountId, long extensionId, SwitchboardDb db, IdAllocator ids, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (QueryValues.Boolean(request, "apply", true, out var apply) is { } applyError) return applyError;
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        var (upload, uploadError) = await GreetingUpload.ReadAsync(request, ct);
        if (upload is null) return uploadError!;

        var type = upload["type"];
        if (string.IsNullOrEmpty(type)) return Errors.RequiredParameter("type");
        if (!GreetingViews.UploadTypes.Contains(type)) return Errors.InvalidParameter("type", type);
        if (upload.Audio is null) return Errors.RequiredParameter("binary");
        if (GreetingViews.AudioType(upload.AudioType) is not { } contentType) return GreetingErrors.UnsupportedAudio(upload.AudioType);
        if (upload.Audio.Length == 0) return GreetingErrors.EmptyAudio;

        // The spec: with apply=false "the answering rule is not applied even if specified", so it is not checked either.
        GreetingTarget? target = null;
        if (apply)
        {
            var upgraded = context.Account.NewCallHandling;
            (target, error) = GreetingTarget.Resolve(upload, upgraded);
            if (error is not null) return error;
            if (target is null && GreetingSlots.PlayedByRules(type)) return GreetingErrors.RuleRequired(upgraded ? "stateId" : "answeringRule");
        }

        var greeting = new Data.Greeting
        {
            Id = await ids.NextAsync(ct),
            AccountId = accountId,
            ExtensionId = extensionId,
            Type = type,
            ContentType = contentType,
            Content = upload.Audio,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (target is not null && context.Document.AssignGreeting(target.Rule, type, greeting.Id, target.Parameter) is { } assignError)
            return assignError;
        db.Greetings.Add(greeting);
        if (target is null) await db.SaveChangesAsync(ct);
        else await CallHandlingStore.SaveAsync(db, context, ct);
        return TypedResults.Ok(GreetingViews.Custom(greeting, target?.V1Id, Links.For(request)));
    }

    private static async Task<Results<Ok<CustomUserGreetingInfo>, ApiError>> Read(
        long accountId, long extensionId, string greetingId, SwitchboardDb db, HttpRequest request, CancellationToken ct)
    {
        var (context, error) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, ct);
        if (context is null) return error!;
        if (!TryParseId(greetingId, out var id)) return Errors.NotFound("greetingId");
        // Without the audio: a read needs only what describes it.
        var greeting = await Owned(db, accountId, extensionId, id)
            .Select(g => new Data.Greeting { Id = g.Id, AccountId = g.AccountId, ExtensionId = g.ExtensionId, Type = g.Type, ContentType = g.ContentType, Content = Array.Empty<byte>() })
            .FirstOrDefaultAsync(ct);
        if (greeting is null) return Errors.NotFound("greetingId");
        var rule = context.Account.NewCallHandling ? null : GreetingSlots.V1RuleOf(context.Document, greeting.Id, greeting.Type);
        return TypedResults.Ok(GreetingViews.Custom(greeting, rule, Links.For(request)));
    }

    private static async Task<Results<FileContentHttpResult, ApiError>> Content(
        long accountId, long extensionId, string greetingId, SwitchboardDb db, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var disposition = request.Query["contentDisposition"].ToString();
        if (disposition is not ("" or "Inline" or "Attachment")) return Errors.InvalidParameter("contentDisposition", disposition);
        var filename = request.Query["contentDispositionFilename"].ToString();
        if (!TryParseId(greetingId, out var id)) return Errors.NotFound("greetingId");
        var greeting = await Owned(db, accountId, extensionId, id).FirstOrDefaultAsync(ct);
        if (greeting is null) return Errors.NotFound("greetingId");

        if (disposition.Length > 0 || filename.Length > 0)
        {
            var header = new ContentDispositionHeaderValue(disposition == "Attachment" ? "attachment" : "inline");
            var extension = greeting.ContentType == "audio/wav" ? "wav" : "mp3";
            header.SetHttpFileName(filename.Length > 0 ? filename : $"greeting-{greeting.Id.ToString(CultureInfo.InvariantCulture)}.{extension}");
            response.Headers.ContentDisposition = header.ToString();
        }
        return TypedResults.File(greeting.Content, greeting.ContentType);
    }

    /// <summary>Another extension's greeting is not found here, even for an administrator who may read it at its own path.</summary>
    private static IQueryable<Data.Greeting> Owned(SwitchboardDb db, long accountId, long extensionId, long id) =>
        db.Greetings.AsNoTracking().Where(g => g.Id == id && g.AccountId == accountId && g.ExtensionId == extensionId);

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
