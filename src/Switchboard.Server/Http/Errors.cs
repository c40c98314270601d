namespace Switchboard.Http;

/// <summary>The platform's error codes and messages (developer guide, "API Error Codes").</summary>
public static class Errors
{
    public static ApiError InvalidParameter(string name, string? value = null) =>
        new(ErrorKind.InvalidInput, "CMN-101", $"Parameter [{name}] value is invalid.") { ParameterName = name, ParameterValue = value };

    /// <summary>An invalid value, with why: what the generic message cannot say (an inverted range, a rule that cannot be disabled).</summary>
    public static ApiError Invalid(string name, string? value, string reason) =>
        InvalidParameter(name, value) with { Message = $"Parameter [{name}] value is invalid. {reason}" };

    public static ApiError RequiredParameter(string name) =>
        new(ErrorKind.InvalidInput, "CMN-101", $"Parameter [{name}] is required.") { ParameterName = name };

    public static ApiError NotFound(string parameter) =>
        new(ErrorKind.NotFound, "CMN-102", $"Resource for parameter [{parameter}] is not found") { ParameterName = parameter };

    /// <summary>A reference in the body to something that does not exist (CMN-102 as 400).</summary>
    public static ApiError UnknownReference(string parameter, string? value = null) =>
        new(ErrorKind.InvalidInput, "CMN-102", $"Resource for parameter [{parameter}] is not found") { ParameterName = parameter, ParameterValue = value };

    public static ApiError NotAvailableForExtensionType() =>
        new(ErrorKind.Forbidden, "CMN-403", "The feature is not available for this extension type");

    public static ApiError NewCallHandlingOnly(string what) =>
        new(ErrorKind.Forbidden, "CMN-109", $"Feature not available. This account has the new call handling (NewCallHandlingAndForwarding); {what}");

    public static ApiError OldCallHandlingOnly() =>
        new(ErrorKind.Forbidden, "CMN-109", "Feature not available. This account has not been upgraded to the new call handling (NewCallHandlingAndForwarding); use the v1.0 API.");

    public static ApiError Duplicate(string parameter, string value) =>
        new(ErrorKind.InvalidInput, "CMN-406", $"Duplicate value for parameter {parameter}: {value} found in request")
        { ParameterName = parameter, ParameterValue = value };

    /// <summary>A call command the party's state does not allow (answering an answered call, holding a ringing one).</summary>
    public static ApiError CallState(string message) => new(ErrorKind.Conflict, "TAS-102", message);

    /// <summary>A call command the platform does not offer for this call at all (bring-in outside a conference): 403 TAS-106.</summary>
    public static ApiError CallOperationNotAllowed(string reason) => new(ErrorKind.Forbidden, "TAS-106", $"Operation is not allowed. {reason}");

    /// <summary>SUB-508: a filter Switchboard does not know, or with an invalid query.</summary>
    public static ApiError InvalidEventFilter(string filter) =>
        new(ErrorKind.InvalidInput, "SUB-508", $"Event filter [{filter}] is invalid or not supported") { ParameterName = "eventFilters", ParameterValue = filter };

    /// <summary>A filter of another extension (not an administrator) or of another account; the platform's SUB-40x range.</summary>
    public static ApiError EventFilterNotPermitted(string filter) =>
        new(ErrorKind.Forbidden, "SUB-406", $"Event filter [{filter}] is not permitted for the current user") { ParameterName = "eventFilters", ParameterValue = filter };

    public static readonly ApiError SubscriptionLimitExceeded = new(ErrorKind.Forbidden, "SUB-505", "Subscriptions limit exceeded");

    /// <summary>The receiver did not answer the Validation-Token handshake as required (200, token echoed, at most 1024 bytes).</summary>
    public static ApiError InvalidWebhookResponse(string address) =>
        new(ErrorKind.InvalidInput, "SUB-525", "WebHook server response is invalid") { ParameterName = "deliveryMode.address", ParameterValue = address };

    public static readonly ApiError UnparsableJson = new(ErrorKind.InvalidInput, "CMN-103", "JSON can't be parsed.");

    public static readonly ApiError UnparsableRequest = new(ErrorKind.InvalidInput, "CMN-104", "Cannot parse request");

    public static ApiError AppPermissionRequired(string permission) =>
        new(ErrorKind.Forbidden, "CMN-401", $"In order to call this API endpoint, application needs to have [{permission}] permission")
        { PermissionName = permission, TopLevelCode = "InsufficientPermissions" };

    public static ApiError AdminRequired(string? parameter = null) =>
        new(ErrorKind.Forbidden, "CMN-402", "Administrator permission required") { ParameterName = parameter };

    /// <summary>The caller lacks a user permission altogether.</summary>
    public static ApiError UserPermissionRequired(string permission) =>
        new(ErrorKind.Forbidden, "CMN-408", $"In order to call this API endpoint, user needs to have [{permission}] permission")
        { PermissionName = permission, TopLevelCode = "InsufficientPermissions" };

    /// <summary>The caller has the permission for their own extension but not for the one requested.</summary>
    public static ApiError UserPermissionForResourceRequired(string permission) =>
        new(ErrorKind.Forbidden, "CMN-419", $"In order to call this API endpoint, user needs to have [{permission}] permission for requested resource.")
        { PermissionName = permission, TopLevelCode = "InsufficientPermissions" };

    public static readonly ApiError MissingAuthorization =
        new(ErrorKind.Unauthenticated, "OAU-123", "Authorization header is not specified");

    public static readonly ApiError InvalidAuthorizationHeader =
        new(ErrorKind.Unauthenticated, "OAU-134", "Invalid Authorization header.");

    public static readonly ApiError TokenNotFound = new(ErrorKind.Unauthenticated, "OAU-213", "Token not found");

    public static readonly ApiError AccessTokenExpired = new(ErrorKind.Unauthenticated, "OAU-128", "Access token expired.");

    public static readonly ApiError ResourceNotFound = new(ErrorKind.NotFound, "AGW-404", "Resource not found");

    public static readonly ApiError MethodNotAllowed = new(ErrorKind.MethodNotAllowed, "AGW-405", "Method not allowed");

    public static readonly ApiError UnsupportedMediaType = new(ErrorKind.UnsupportedMediaType, "AGW-415", "Unsupported media type");

    public static readonly ApiError OperationNotSupported = new(ErrorKind.NotImplemented, "CMN-202", "Operation is not supported");

    public static readonly ApiError InternalError = new(ErrorKind.Internal, "CMN-203", "Internal Server Error");
}
