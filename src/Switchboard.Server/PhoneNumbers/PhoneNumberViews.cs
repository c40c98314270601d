using Switchboard.Accounts;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.PhoneNumbers;

public sealed record NumberExtensionInfo(long Id, string Uri, string ExtensionNumber, string Name, ExtensionType? Type = null);

public sealed record CountryRef(string Id, string Uri, string Name);

/// <summary>CompanyPhoneNumberInfo (account list) and UserPhoneNumberInfo (extension list, with country and features).</summary>
public sealed record PhoneNumberInfo(
    string Uri,
    long Id,
    string PhoneNumber,
    PhoneNumberUsage UsageType,
    PaymentType PaymentType,
    PhoneNumberType Type,
    PhoneNumberStatus Status,
    bool Primary,
    string? Label,
    string? Location,
    NumberExtensionInfo? Extension,
    CountryRef? Country = null,
    IReadOnlyList<string>? Features = null);

public static class PhoneNumberViews
{
    public static string Uri(Links links, PhoneNumber number) =>
        $"{links.Account(number.AccountId)}/phone-number/{number.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static PhoneNumberInfo Company(PhoneNumber n, Links links) => new(
        Uri(links, n), n.Id, n.Number, n.UsageType, n.PaymentType, n.Type, n.Status, n.Primary, n.Label, n.Location,
        n.Extension is { } e ? new NumberExtensionInfo(e.Id, links.Extension(e.AccountId, e.Id), e.ExtensionNumber, e.Name) : null);

    /// <summary>Features are shown only to the number's own user and administrators (seed 003).</summary>
    public static PhoneNumberInfo User(PhoneNumber n, string countryCode, bool withFeatures, Links links)
    {
        var country = Regional.For(links.Base, countryCode, "UTC", withCurrency: false).HomeCountry;
        return new(
            Uri(links, n), n.Id, n.Number, n.UsageType, n.PaymentType, n.Type, n.Status, n.Primary, n.Label, n.Location,
            n.Extension is { } e ? new NumberExtensionInfo(e.Id, links.Extension(e.AccountId, e.Id), e.ExtensionNumber, e.Name, e.Type) : null,
            new CountryRef(country.Id, country.Uri, country.Name),
            withFeatures ? FeatureNames(n.Features) : null);
    }

    public static IReadOnlyList<string> FeatureNames(PhoneNumberFeatures features) =>
        [.. Enum.GetValues<PhoneNumberFeatures>().Where(f => f != PhoneNumberFeatures.None && features.HasFlag(f)).Select(f => f.ToString())];
}
