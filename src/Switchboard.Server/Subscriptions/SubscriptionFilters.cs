using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Subscriptions;

/// <summary>Checks the filters a caller asks for: each must be known and visible to the caller.</summary>
public static class SubscriptionFilters
{
    /// <summary>The filters with <c>~</c> resolved and duplicates removed, or the error naming the first bad one.</summary>
    public static async Task<(List<string>? Filters, ApiError? Error)> ResolveAsync(
        IReadOnlyList<string?>? raw, Caller caller, SwitchboardDb db, CancellationToken ct)
    {
        if (raw is null || raw.Count == 0) return (null, Errors.RequiredParameter("eventFilters"));
        var resolved = new List<string>();
        foreach (var text in raw)
        {
            if (string.IsNullOrWhiteSpace(text)) return (null, Errors.InvalidEventFilter(text ?? ""));
            if (EventFilter.Parse(text, caller.AccountId, caller.ExtensionId) is not { } filter) return (null, Errors.InvalidEventFilter(text));
            if (await CheckAsync(filter, text, caller, db, ct) is { } error) return (null, error);
            if (!resolved.Contains(filter.Text)) resolved.Add(filter.Text);
        }
        return (resolved, null);
    }

    private static async Task<ApiError?> CheckAsync(EventFilter filter, string text, Caller caller, SwitchboardDb db, CancellationToken ct)
    {
        // A subscription may always be reminded of its own expiry.
        if (filter.Kind == FilterKind.RenewalReminder) return null;
        // Another account's events are never visible, whether or not that account exists.
        if (filter.AccountId != caller.AccountId) return Errors.EventFilterNotPermitted(text);
        if (filter.ExtensionId is { } extension)
        {
            if (!caller.CanSeePrivate(extension)) return Errors.EventFilterNotPermitted(text);
            if (!await db.Extensions.AnyAsync(e => e.Id == extension && e.AccountId == caller.AccountId, ct)) return Errors.InvalidEventFilter(text);
        }
        // Account-wide calls and presence are every user's: administrators only. The extension list is the
        // company directory, which every user may read.
        else if (!caller.IsAdmin && filter.Kind != FilterKind.ExtensionList) return Errors.EventFilterNotPermitted(text);

        var permission = filter.Kind switch
        {
            FilterKind.AccountTelephony or FilterKind.ExtensionTelephony => AppPermissions.CallControl,
            FilterKind.ExtensionList or FilterKind.ExtensionInfo => AppPermissions.ReadAccounts,
            _ => AppPermissions.ReadPresence,
        };
        return caller.Has(permission) ? null : Errors.AppPermissionRequired(permission.ToString());
    }

    /// <summary>PLATFORM.md 2.4: a renewal reminder's threshold is at most half the subscription's lifetime.</summary>
    public static ApiError? CheckReminders(IEnumerable<string> filters, int expiresIn)
    {
        foreach (var text in filters)
        {
            if (EventFilter.Parse(text, 0, 0) is { Kind: FilterKind.RenewalReminder } reminder && reminder.Number("threshold") > expiresIn / 2)
                return Errors.InvalidEventFilter(text) with
                {
                    Message = $"Event filter [{text}] is invalid: the threshold may be at most half the subscription's lifetime ({expiresIn / 2} seconds)",
                };
        }
        return null;
    }
}
