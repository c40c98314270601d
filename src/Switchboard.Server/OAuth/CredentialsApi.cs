using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.OAuth;

/// <summary>
/// Switchboard's own API (not RingCentral's) for JWT credentials, as the Developer Console offers them:
/// a user or an administrator creates, lists and revokes a user's credentials.
/// </summary>
public static class CredentialsApi
{
    public sealed record CredentialInfo(string Id, string? App, DateTime CreationTime, bool Revoked, string? Jwt = null);

    public sealed record CredentialList(IReadOnlyList<CredentialInfo> Records);

    public sealed record CreateCredentialRequest(string? App);

    public static void MapCredentials(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup("/switchboard/v1/account/{accountId}/extension/{extensionId}/jwt-credentials").WithTags("Switchboard");
        credentials.MapGet("", List).Rc("switchboardListJwtCredentials", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.OwnOrAdmin);
        credentials.MapPost("", Create).Rc("switchboardCreateJwtCredential", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.OwnOrAdmin);
        credentials.MapDelete("/{credentialId}", Revoke).Rc("switchboardRevokeJwtCredential", ThrottlingGroup.Medium, AppPermissions.None, null, UserAccess.OwnOrAdmin);
    }

    private static async Task<Results<Ok<CredentialList>, ApiError>> List(long accountId, long extensionId, SwitchboardDb db, CancellationToken ct)
    {
        if (!await db.Extensions.AnyAsync(e => e.Id == extensionId && e.AccountId == accountId, ct)) return Errors.NotFound("extensionId");
        var records = await db.JwtCredentials.AsNoTracking().Where(c => c.ExtensionId == extensionId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new CredentialList([.. records.Select(c => new CredentialInfo(c.Id, c.ClientId, c.CreatedAt, c.RevokedAt is not null))]));
    }

    private static async Task<Results<Created<CredentialInfo>, ApiError>> Create(
        long accountId, long extensionId, CreateCredentialRequest? body, SwitchboardDb db, ServerKeys keys, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        if (!await db.Extensions.AnyAsync(e => e.Id == extensionId && e.AccountId == accountId, ct)) return Errors.NotFound("extensionId");
        if (body?.App is { } clientId && !await db.Apps.AnyAsync(a => a.ClientId == clientId, ct)) return Errors.NotFound("app");
        var credential = new JwtCredential
        {
            Id = Secrets.NewId(),
            ExtensionId = extensionId,
            ClientId = body?.App,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.JwtCredentials.Add(credential);
        await db.SaveChangesAsync(ct);
        var info = new CredentialInfo(credential.Id, credential.ClientId, credential.CreatedAt, false, CredentialJwt.For(keys, credential));
        return TypedResults.Created($"{request.Path}/{credential.Id}", info);
    }

    /// <summary>A revoked JWT can no longer sign in; sessions it already opened end on their own.</summary>
    private static async Task<Results<NoContent, ApiError>> Revoke(
        long accountId, long extensionId, string credentialId, SwitchboardDb db, TimeProvider clock, CancellationToken ct)
    {
        var credential = await db.JwtCredentials.FirstOrDefaultAsync(c => c.Id == credentialId && c.ExtensionId == extensionId, ct);
        if (credential is null || !await db.Extensions.AnyAsync(e => e.Id == extensionId && e.AccountId == accountId, ct))
            return Errors.NotFound("credentialId");
        credential.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
