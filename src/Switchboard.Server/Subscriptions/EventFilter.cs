using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Subscriptions;

public enum FilterKind { AccountTelephony, ExtensionTelephony, AccountPresence, ExtensionPresence }

/// <summary>
/// One event filter, parsed, with <c>~</c> resolved. <see cref="Text"/> is what is stored and returned:
/// the full path with real ids and the query as given.
/// </summary>
public sealed partial record EventFilter(FilterKind Kind, long AccountId, long? ExtensionId, string Query)
{
    private const string Prefix = "/restapi/v1.0";

    public string Path => Kind switch
    {
        FilterKind.AccountTelephony => $"{Prefix}/account/{Id(AccountId)}/telephony/sessions",
        FilterKind.ExtensionTelephony => $"{Prefix}/account/{Id(AccountId)}/extension/{Id(ExtensionId!.Value)}/telephony/sessions",
        FilterKind.AccountPresence => $"{Prefix}/account/{Id(AccountId)}/presence",
        FilterKind.ExtensionPresence => $"{Prefix}/account/{Id(AccountId)}/extension/{Id(ExtensionId!.Value)}/presence",
    };

    public string Text => Path + Query;

    public bool IsTelephony => Kind is FilterKind.AccountTelephony or FilterKind.ExtensionTelephony;

    private Dictionary<string, string> Values => QueryHelpers.ParseQuery(Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public bool Flag(string name) => Values.TryGetValue(name, out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a filter as a client writes it: with or without <c>/restapi/v1.0</c>, <c>~</c> or ids.
    /// Null when it is not one Switchboard supports or its query is invalid.
    /// </summary>
    public static EventFilter? Parse(string raw, long ownAccount, long ownExtension)
    {
        var text = raw.Trim();
        var q = text.IndexOf('?', StringComparison.Ordinal);
        var path = (q < 0 ? text : text[..q]).TrimEnd('/');
        var query = q < 0 ? "" : text[q..];
        if (path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) path = path[Prefix.Length..];
        var m = PathPattern().Match(path);
        if (!m.Success || Resolve(m.Groups["account"].Value, ownAccount) is not { } account) return null;
        long? extension = null;
        if (m.Groups["extension"].Success)
        {
            if (Resolve(m.Groups["extension"].Value, ownExtension) is not { } e) return null;
            extension = e;
        }
        var telephony = m.Groups["what"].Value.Equals("telephony/sessions", StringComparison.OrdinalIgnoreCase);
        var kind = (telephony, extension is null) switch
        {
            (true, true) => FilterKind.AccountTelephony,
            (true, false) => FilterKind.ExtensionTelephony,
            (false, true) => FilterKind.AccountPresence,
            (false, false) => FilterKind.ExtensionPresence,
        };
        var filter = new EventFilter(kind, account, extension, query == "?" ? "" : query);
        return filter.QueryIsValid() ? filter : null;
    }

    /// <summary>Whether a telephony event's party passes this filter (ownership is checked by the caller's rights at create).</summary>
    public bool Matches(TelephonyEvent e)
    {
        var p = e.Party;
        var owner = p.AccountId ?? e.AccountId;
        if (owner != AccountId) return false;
        if (Kind == FilterKind.ExtensionTelephony && p.ExtensionId != ExtensionId) return false;
        if (Kind is not (FilterKind.AccountTelephony or FilterKind.ExtensionTelephony)) return false;
        var v = Values;
        if (v.TryGetValue("direction", out var direction) && !direction.Equals(p.Direction.ToString(), StringComparison.OrdinalIgnoreCase)) return false;
        if (v.TryGetValue("statusCode", out var code) && !code.Equals(p.Status.ToString(), StringComparison.OrdinalIgnoreCase)) return false;
        if (v.TryGetValue("missedCall", out var missed) && bool.Parse(missed) != p.MissedCall) return false;
        if (v.TryGetValue("phoneNumber", out var number))
        {
            var wanted = E164.Normalize(number) ?? number;
            if (p.From.PhoneNumber != wanted && p.To.PhoneNumber != wanted) return false;
        }
        return true;
    }

    private bool QueryIsValid()
    {
        foreach (var (name, value) in Values)
        {
            var ok = name.ToLowerInvariant() switch
            {
                "direction" when IsTelephony => value is "Inbound" or "Outbound",
                // The guide's table spells two codes differently from the enum; both are accepted.
                "statuscode" when IsTelephony => Enum.TryParse<PartyStatus>(value, ignoreCase: true, out _) || value is "Voicemail" or "VMScreening" or "VoiceMailScreening" or "FaxReceive",
                "missedcall" when IsTelephony => bool.TryParse(value, out _),
                "phonenumber" when IsTelephony => value.Length > 0,
                "sipdata" or "withrecordings" when IsTelephony => bool.TryParse(value, out _),
                "detailedtelephonystate" or "sipdata" or "aggregated" when !IsTelephony => bool.TryParse(value, out _),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static long? Resolve(string segment, long own) =>
        segment == "~" ? own : long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^/account/(?<account>[^/]+)(/extension/(?<extension>[^/]+))?/(?<what>telephony/sessions|presence)$", RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}
