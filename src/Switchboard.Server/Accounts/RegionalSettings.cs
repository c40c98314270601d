namespace Switchboard.Accounts;

public sealed record CountryInfo(string Id, string Uri, string Name, string IsoCode, string CallingCode);

public sealed record TimezoneInfo(string Id, string Name, string Description, string Bias);

public sealed record LanguageInfo(string Id, string LocaleCode, string Name);

public sealed record CurrencyInfo(long Id, string Code, string Name, string Symbol, string MinorSymbol);

public sealed record RegionalSettings(
    CountryInfo HomeCountry,
    TimezoneInfo Timezone,
    LanguageInfo Language,
    LanguageInfo GreetingLanguage,
    LanguageInfo FormattingLocale,
    string TimeFormat,
    CurrencyInfo? Currency = null);

/// <summary>
/// Regional settings of accounts and extensions. Time zones are IANA ids (the platform uses its own
/// numeric ids; see docs/compat.md). Countries: the few the demo and tests need.
/// </summary>
public static class Regional
{
    private sealed record Country(string Id, string Name, string CallingCode, string Locale, string LanguageId, string LanguageName, CurrencyInfo Currency);

    private static readonly Dictionary<string, Country> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new("1", "United States", "1", "en-US", "1033", "English (United States)", new(1, "USD", "US Dollar", "$", "¢")),
        ["CA"] = new("39", "Canada", "1", "en-CA", "4105", "English (Canada)", new(2, "CAD", "Canadian Dollar", "$", "¢")),
        ["GB"] = new("224", "United Kingdom", "44", "en-GB", "2057", "English (United Kingdom)", new(3, "GBP", "Pound Sterling", "£", "p")),
    };

    public static bool IsKnownCountry(string isoCode) => Countries.ContainsKey(isoCode);

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static RegionalSettings For(string baseUrl, string countryCode, string timeZone, bool withCurrency)
    {
        var country = Countries.GetValueOrDefault(countryCode) ?? Countries["US"];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var language = new LanguageInfo(country.LanguageId, country.Locale, country.LanguageName);
        return new RegionalSettings(
            new CountryInfo(country.Id, $"{baseUrl}/restapi/v1.0/dictionary/country/{country.Id}", country.Name, countryCode.ToUpperInvariant(), country.CallingCode),
            new TimezoneInfo(zone.Id, zone.Id, zone.StandardName, ((int)zone.BaseUtcOffset.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            language,
            language,
            language,
            country.CallingCode == "1" ? "12h" : "24h",
            withCurrency ? country.Currency : null);
    }
}
