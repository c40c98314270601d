using Switchboard.Data;

namespace Switchboard.Http;

/// <summary>The platform's throttling groups (x-throttling-group in the spec).</summary>
public enum ThrottlingGroup { Light, Medium, Heavy, Auth, NoThrottling }

/// <summary>Which users may call an operation, beyond the app permission (seed 003's access rules).</summary>
public enum UserAccess
{
    /// <summary>No access token: the OAuth endpoints and the API version list.</summary>
    Anonymous,
    /// <summary>Any user of the account; the handler narrows what others' data shows.</summary>
    AnyUser,
    /// <summary>The extension's own user, or an administrator of its account.</summary>
    OwnOrAdmin,
    /// <summary>Administrators only.</summary>
    Admin,
}

/// <summary>
/// A RingCentral operation as the spec defines it. The endpoint's name is the spec's operationId,
/// so the spec check and the throttling can find everything the spec says about it.
/// </summary>
public sealed record RcOperation(
    string OperationId,
    ThrottlingGroup Throttling,
    AppPermissions AppPermission,
    string? UserPermission,
    UserAccess Access);

public static class RcOperationExtensions
{
    public static RouteHandlerBuilder Rc(
        this RouteHandlerBuilder builder,
        string operationId,
        ThrottlingGroup throttling,
        AppPermissions appPermission,
        string? userPermission,
        UserAccess access) =>
        builder.WithName(operationId)
            .WithMetadata(new RcOperation(operationId, throttling, appPermission, userPermission, access));

    public static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder builder, string operationId, ThrottlingGroup throttling) =>
        builder.Rc(operationId, throttling, AppPermissions.None, null, UserAccess.Anonymous);
}
