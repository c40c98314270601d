using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Accounts;

public sealed record BrandInfo(string Id, string Name, CountryInfo HomeCountry);

public sealed record ServicePlanInfo(string Id, string Name, string Edition);

public sealed record BillingPlanInfo(string Id, string Name, string DurationUnit, int Duration, string Type);

public sealed record ServiceInfo(string Uri, BrandInfo Brand, ServicePlanInfo ServicePlan, BillingPlanInfo BillingPlan, CountryInfo ContractedCountry);

public sealed record OperatorInfo(string Uri, long Id, string ExtensionNumber);

/// <summary>GetAccountInfoResponse.</summary>
public sealed record AccountInfo(
    string Uri,
    long Id,
    ServiceInfo ServiceInfo,
    OperatorInfo? Operator,
    string? MainNumber,
    string Status,
    string SetupWizardState,
    RegionalSettings RegionalSettings,
    bool Federated);

public sealed record ServiceFeatureInfo(string FeatureName, bool Enabled);

public sealed record AccountLimitsInfo(int FreeSoftPhoneLinesPerExtension, int MaxMonitoredExtensionsPerUser, int MaxExtensionNumberLength);

/// <summary>AccountServiceInfo.</summary>
public sealed record AccountServiceInfo(
    string Uri,
    string ServicePlanName,
    BrandInfo Brand,
    CountryInfo ContractedCountry,
    ServicePlanInfo ServicePlan,
    BillingPlanInfo BillingPlan,
    IReadOnlyList<ServiceFeatureInfo> ServiceFeatures,
    AccountLimitsInfo Limits);

public static class AccountViews
{
    /// <summary>The service features this server implements for every account.</summary>
    public static readonly string[] ServiceFeatures =
        ["CallForwarding", "CallPark", "CallSwitch", "DND", "OnDemandCallRecording", "Presence", "RingOut", "TelephonySessions", "Voicemail", "WebPhone"];

    private static readonly ServicePlanInfo Plan = new("1", "RingEX Advanced", "Advanced");
    private static readonly BillingPlanInfo Billing = new("1", "Monthly", "Month", 1, "Regular");

    public static AccountInfo Info(Account account, string? mainNumber, string? operatorNumber, Links links)
    {
        var uri = links.Account(account.Id);
        var regional = Regional.For(links.Base, account.Country, account.TimeZone, withCurrency: true);
        return new AccountInfo(
            uri,
            account.Id,
            new ServiceInfo(uri + "/service-info", Brand(regional), Plan, Billing, regional.HomeCountry),
            operatorNumber is null ? null : new OperatorInfo(links.Extension(account.Id, account.Id), account.Id, operatorNumber),
            mainNumber,
            account.Status,
            "Completed",
            regional,
            Federated: false);
    }

    public static AccountServiceInfo Service(Account account, Links links)
    {
        var regional = Regional.For(links.Base, account.Country, account.TimeZone, withCurrency: false);
        return new AccountServiceInfo(
            links.Account(account.Id) + "/service-info",
            Plan.Name,
            Brand(regional),
            regional.HomeCountry,
            Plan,
            Billing,
            [.. ServiceFeatures.Select(f => new ServiceFeatureInfo(f, true))],
            new AccountLimitsInfo(FreeSoftPhoneLinesPerExtension: 1, MaxMonitoredExtensionsPerUser: 100, MaxExtensionNumberLength: 8));
    }

    private static BrandInfo Brand(RegionalSettings regional) => new("1210", "RingCentral", regional.HomeCountry);
}
