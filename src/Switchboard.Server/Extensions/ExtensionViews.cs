using Switchboard.Accounts;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Extensions;

public sealed record ContactInfo(
    string? FirstName,
    string? LastName,
    string? Company,
    string? JobTitle,
    string? Email,
    string? BusinessPhone,
    string? MobilePhone,
    bool? EmailAsLoginName);

public sealed record AccountRef(string Id, string Uri);

public sealed record PermissionInfo(bool Enabled);

public sealed record ExtensionPermissions(PermissionInfo Admin, PermissionInfo InternationalCalling);

/// <summary>
/// GetExtensionInfoResponse, and GetExtensionListInfoResponse when the account, regional settings
/// and wizard state are left out.
/// </summary>
public sealed record ExtensionInfo(
    long Id,
    string Uri,
    string ExtensionNumber,
    string Name,
    ExtensionType Type,
    ExtensionStatus Status,
    ContactInfo Contact,
    ExtensionPermissions? Permissions,
    bool? Hidden,
    DateTime? CreationTime,
    AccountRef? Account = null,
    RegionalSettings? RegionalSettings = null,
    string? SetupWizardState = null);

public static class ExtensionViews
{
    public static bool IsUser(ExtensionType type) =>
        type is ExtensionType.User or ExtensionType.DigitalUser or ExtensionType.VirtualUser or ExtensionType.FaxUser or ExtensionType.FlexibleUser;

    /// <summary>Everything, for the extension's own user and administrators.</summary>
    public static ExtensionInfo Full(Extension e, Account account, Links links) =>
        ListRecord(e, account.CompanyName, links) with
        {
            Account = new AccountRef(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), links.Account(account.Id)),
            RegionalSettings = Regional.For(links.Base, account.Country, e.TimeZone ?? account.TimeZone, withCurrency: false),
            SetupWizardState = "Completed",
        };

    public static ExtensionInfo ListRecord(Extension e, string company, Links links) => new(
        e.Id,
        links.Extension(e.AccountId, e.Id),
        e.ExtensionNumber,
        e.Name,
        e.Type,
        e.Status,
        new ContactInfo(
            IsUser(e.Type) ? e.FirstName : e.Name,
            IsUser(e.Type) ? e.LastName : null,
            company,
            e.JobTitle,
            e.Email,
            e.BusinessPhone,
            e.MobilePhone,
            e.Email is null ? null : true),
        new ExtensionPermissions(new PermissionInfo(e.IsAdministrator), new PermissionInfo(false)),
        e.Hidden,
        e.CreatedAt);

    /// <summary>
    /// What any user of the account may see of another extension (seed 003: public information):
    /// who it is and how to reach it, not its contact details or permissions.
    /// </summary>
    public static ExtensionInfo Public(Extension e, string company, Links links) => new(
        e.Id,
        links.Extension(e.AccountId, e.Id),
        e.ExtensionNumber,
        e.Name,
        e.Type,
        e.Status,
        new ContactInfo(IsUser(e.Type) ? e.FirstName : e.Name, IsUser(e.Type) ? e.LastName : null, company, null, null, null, null, null),
        Permissions: null,
        Hidden: e.Hidden,
        CreationTime: null);
}
