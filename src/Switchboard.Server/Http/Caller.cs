using System.Reflection;
using Switchboard.Data;

namespace Switchboard.Http;

/// <summary>The authenticated user and app behind a request.</summary>
public sealed record Caller(
    string SessionId,
    long AccountId,
    long ExtensionId,
    string ClientId,
    AppPermissions Permissions,
    bool IsAdmin)
{
    /// <summary>Own extension fully; other extensions only for an administrator (seed 003).</summary>
    public bool CanSeePrivate(long extensionId) => IsAdmin || extensionId == ExtensionId;

    public bool Has(AppPermissions permission) => (Expand(Permissions) & permission) == permission;

    /// <summary>Seed 003: EditAccounts includes EditExtensions, which includes ReadAccounts; Accounts includes EditAccounts.</summary>
    public static AppPermissions Expand(AppPermissions granted)
    {
        if (granted.HasFlag(AppPermissions.Accounts)) granted |= AppPermissions.EditAccounts;
        if (granted.HasFlag(AppPermissions.EditAccounts)) granted |= AppPermissions.EditExtensions;
        if (granted.HasFlag(AppPermissions.EditExtensions)) granted |= AppPermissions.ReadAccounts;
        return granted;
    }

    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<Caller>());
}
