using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.PhoneNumbers;
using Switchboard.Telephony.Sessions;

namespace Switchboard.Subscriptions;

public enum FilterKind
{
    AccountTelephony,
    ExtensionTelephony,
    AccountPresence,
    ExtensionPresence,
    /// <summary>Extensions created, changed or deleted in the account (ExtensionListEvent).</summary>
    ExtensionList,
    /// <summary>One extension changed or deleted (ExtensionInfoEvent).</summary>
    ExtensionInfo,
    /// <summary><c>/restapi/v1.0/subscription/~?threshold=&amp;interval=</c>: reminders to renew this very subscription.</summary>
    RenewalReminder,
}

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
        FilterKind.ExtensionList => $"{Prefix}/account/{Id(AccountId)}/extension",
        FilterKind.ExtensionInfo => $"{Prefix}/account/{Id(AccountId)}/extension/{Id(ExtensionId!.Value)}",
        // "~" is the subscription itself, and stays so: the filter is written before the subscription has an id.
        FilterKind.RenewalReminder => $"{Prefix}/subscription/~",
    };

    public string Text => Path + Query;

    public bool IsTelephony => Kind is FilterKind.AccountTelephony or FilterKind.ExtensionTelephony;

    private Dictionary<string, string>? _values;

    private Dictionary<string, string> Values => _values ??=
        QueryHelpers.ParseQuery(Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A whole-number query value (the reminder's threshold and interval), or null.</summary>
    public int? Number(string name) =>
        Values.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

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
        if (path.Equals("/subscription/~", StringComparison.OrdinalIgnoreCase))
            return Checked(new EventFilter(FilterKind.RenewalReminder, ownAccount, null, query));
        var m = PathPattern().Match(path);
        if (!m.Success || Resolve(m.Groups["account"].Value, ownAccount) is not { } account) return null;
        long? extension = null;
        if (m.Groups["extension"].Success)
        {
            if (Resolve(m.Groups["extension"].Value, ownExtension) is not { } e) return null;
            extension = e;
        }
        var what = m.Groups["what"].Value.ToLowerInvariant();
        FilterKind? kind = (what, extension is null, m.Groups["list"].Success) switch
        {
            ("telephony/sessions", true, false) => FilterKind.AccountTelephony,
            ("telephony/sessions", false, _) => FilterKind.ExtensionTelephony,
            ("presence", true, false) => FilterKind.AccountPresence,
            ("presence", false, _) => FilterKind.ExtensionPresence,
            ("", true, true) => FilterKind.ExtensionList,
            ("", false, _) => FilterKind.ExtensionInfo,
            _ => null,
        };
        return kind is null ? null : Checked(new EventFilter(kind.Value, account, extension, query));
    }

    private static EventFilter? Checked(EventFilter filter)
    {
        if (filter.Query == "?") filter = filter with { Query = "" };
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
        // withRecordings=true: only parties being recorded (false, like leaving it out, filters nothing).
        if (v.TryGetValue("withRecordings", out var recorded) && bool.Parse(recorded) && p.Recordings is not { Count: > 0 }) return false;
        if (v.TryGetValue("phoneNumber", out var number))
        {
            var wanted = E164.Normalize(number) ?? number;
            if (p.From.PhoneNumber != wanted && p.To.PhoneNumber != wanted) return false;
        }
        return true;
    }

    private bool QueryIsValid()
    {
        if (Kind == FilterKind.RenewalReminder)
        {
            // PLATFORM.md 2.4: both are required, and a reminder comes at most twice within the threshold.
            return Values.Count == 2 && Number("threshold") is > 0 and var threshold && Number("interval") is > 0 and var interval && interval <= threshold / 2;
        }
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
                "detailedtelephonystate" or "sipdata" or "aggregated" when Kind is FilterKind.AccountPresence or FilterKind.ExtensionPresence => bool.TryParse(value, out _),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static long? Resolve(string segment, long own) =>
        segment == "~" ? own : long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^/account/(?<account>[^/]+)((?<list>/extension)(/(?<extension>[^/]+))?)?(/(?<what>telephony/sessions|presence))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}
