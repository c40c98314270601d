using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Subscriptions;

/// <summary>WebhookDeliveryMode / WebSocketDeliveryMode (the verification token is write-only).</summary>
public sealed record DeliveryModeInfo(string TransportType, string? Address, bool? Encryption);

public sealed record BlacklistedData(DateTime BlacklistedAt, string Reason);

/// <summary>SubscriptionInfo.</summary>
public sealed record SubscriptionInfo(
    string Uri, string Id, DateTime CreationTime, string Status, IReadOnlyList<string> EventFilters,
    DateTime ExpirationTime, int ExpiresIn, DeliveryModeInfo DeliveryMode, BlacklistedData? BlacklistedData);

public sealed record SubscriptionList(string Uri, IReadOnlyList<SubscriptionInfo> Records);

public static class SubscriptionViews
{
    public const string WebHook = "WebHook";
    public const string WebSocket = "WebSocket";

    public static IReadOnlyList<string> Filters(Subscription s) => s.EventFilters.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static SubscriptionInfo Describe(Subscription s, DateTime now, Links links) => new(
        links.Path($"/restapi/v1.0/subscription/{s.Id}"),
        s.Id,
        s.CreatedAt,
        s.Status.ToString(),
        Filters(s),
        s.ExpiresAt,
        // What is left of the lifetime, as the platform reports it (never below the spec's minimum of 1).
        (int)Math.Clamp((s.ExpiresAt - now).TotalSeconds, 1, int.MaxValue),
        new DeliveryModeInfo(s.TransportType, s.Address, s.TransportType == WebHook ? false : null),
        s.BlacklistedAt is { } at ? new BlacklistedData(at, s.BlacklistReason ?? "") : null);
}
