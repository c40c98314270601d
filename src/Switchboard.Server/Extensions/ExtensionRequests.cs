using System.Net.Mail;
using Switchboard.Accounts;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Extensions;

public sealed record ContactRequest(
    string? FirstName,
    string? LastName,
    string? Company,
    string? JobTitle,
    string? Email,
    string? BusinessPhone,
    string? MobilePhone);

public sealed record IdRef(string? Id);

public sealed record RegionalSettingsRequest(IdRef? Timezone);

/// <summary>ExtensionCreationRequest and ExtensionUpdateRequest: the fields Switchboard stores. Enums arrive as text so a bad value names its parameter.</summary>
public sealed record ExtensionRequest(
    ContactRequest? Contact,
    string? ExtensionNumber,
    string? Type,
    string? Status,
    string? Password,
    string? Name,
    bool? Hidden,
    RegionalSettingsRequest? RegionalSettings);

public static class ExtensionRules
{
    public static readonly ExtensionType[] CreatableTypes =
    [
        ExtensionType.User, ExtensionType.VirtualUser, ExtensionType.DigitalUser, ExtensionType.FlexibleUser,
        ExtensionType.Department, ExtensionType.Announcement, ExtensionType.Voicemail, ExtensionType.SharedLinesGroup,
        ExtensionType.PagingOnly, ExtensionType.ParkLocation, ExtensionType.Limited,
    ];

    public static readonly ExtensionStatus[] SettableStatuses =
        [ExtensionStatus.Enabled, ExtensionStatus.Disabled, ExtensionStatus.Frozen, ExtensionStatus.NotActivated];

    public static ApiError? ParseType(string? raw, out ExtensionType type)
    {
        type = ExtensionType.User;
        if (raw is null) return null;
        return Enum.TryParse(raw, ignoreCase: false, out type) && CreatableTypes.Contains(type) ? null : Errors.InvalidParameter("type", raw);
    }

    public static ApiError? ParseStatus(string? raw, out ExtensionStatus status)
    {
        status = ExtensionStatus.Enabled;
        if (raw is null) return null;
        return Enum.TryParse(raw, ignoreCase: false, out status) && SettableStatuses.Contains(status) ? null : Errors.InvalidParameter("status", raw);
    }

    /// <summary>Extension numbers are 3 to 8 digits (the account's maxExtensionNumberLength is 8).</summary>
    public static ApiError? CheckNumber(string number) =>
        number.Length is >= 3 and <= 8 && number.All(char.IsAsciiDigit) ? null : Errors.InvalidParameter("extensionNumber", number);

    public static ApiError? CheckEmail(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email ? null : Errors.InvalidParameter("contact.email", email);

    /// <summary>The platform's password policy: 8 to 64 characters with letters and digits.</summary>
    public static ApiError? CheckPassword(string password) =>
        password.Length is >= 8 and <= 64 && password.Any(char.IsLetter) && password.Any(char.IsDigit)
            ? null : Errors.InvalidParameter("password");

    public static ApiError? CheckTimeZone(RegionalSettingsRequest? regional) =>
        regional?.Timezone?.Id is { } zone && !Regional.IsKnownTimeZone(zone) ? Errors.InvalidParameter("regionalSettings.timezone.id", zone) : null;
}
