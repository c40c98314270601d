namespace Switchboard.Telephony.Routing;

/// <summary>
/// One call being routed, and the reasons gathered on the way. It lives for a single
/// <see cref="Router.Route"/> call, so the list it fills never escapes half-written.
/// </summary>
internal sealed class CallContext(RoutingRequest request)
{
    public const string RefusedRule = "refused";

    public RoutingRequest Request { get; } = request;
    public AccountSnapshot Account => Request.Account;
    public List<string> Why { get; } = [];

    /// <summary>The number dialled as the account stores it (E.164), once the destination has found it; else as dialled.</summary>
    public string Dialled { get; set; } = request.To;

    /// <summary>The caller's number, or null when the call carries no caller id ("anonymous", "private", empty).</summary>
    public string? CallerNumber => Request.From is { } from && from.Any(char.IsAsciiDigit) ? from : null;

    /// <summary>Numbers the caller is known by: the number presented and, for internal calls, the caller's direct number.</summary>
    public IEnumerable<string> CallerNumbers()
    {
        if (CallerNumber is { } number) yield return number;
        if (Request.FromExtensionId is { } id && Account.Extensions.GetValueOrDefault(id)?.DirectNumber is { } direct) yield return direct;
    }

    /// <summary>
    /// Whether the caller counts as "in the contact list" for UnknownCallerId screening. Switchboard keeps
    /// no address book, so the company directory stands for it: another extension, or a number of the account.
    /// </summary>
    public bool KnownCaller =>
        Request.FromExtensionId is not null
        || (CallerNumber is { } number
            && (Account.Numbers.ContainsKey(number) || Account.Extensions.Values.Any(e => e.DirectNumber == number)));

    public static string Name(ExtensionSnapshot extension) => $"extension {extension.ExtensionNumber} ({extension.Name})";

    public string NameOf(long extensionId) =>
        Account.Extensions.TryGetValue(extensionId, out var extension) ? Name(extension) : $"extension id {extensionId}";

    public RoutingPlan Plan(long extensionId, string rule, IReadOnlyList<PlanStep> steps) => new(extensionId, rule, steps, Why);

    public RoutingPlan Refuse(long? extensionId, string? reason = null)
    {
        if (reason is not null) Why.Add(reason);
        return new RoutingPlan(extensionId, RefusedRule, [], Why);
    }
}

internal static class Text
{
    public static string Capitalize(string sentence) =>
        sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nothing",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string Seconds(TimeSpan span) => $"{(int)span.TotalSeconds} seconds";
}
