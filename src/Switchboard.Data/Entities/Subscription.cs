namespace Switchboard.Data;

/// <summary>The spec's SubscriptionInfo.status; Blacklisted after a webhook has failed for 10 minutes (PLATFORM.md 2.4).</summary>
public enum SubscriptionStatus { Active, Blacklisted }

/// <summary>A notification subscription of one user through one app.</summary>
public sealed class Subscription
{
    /// <summary>A GUID, as the platform's ids look.</summary>
    public required string Id { get; set; }
    public long AccountId { get; set; }
    public long ExtensionId { get; set; }
    public required string ClientId { get; set; }
    /// <summary>The event filters with <c>~</c> resolved, one per line.</summary>
    public required string EventFilters { get; set; }
    public required string TransportType { get; set; }
    public string? Address { get; set; }
    /// <summary>Echoed to the receiver as <c>Verification-Token</c> on every notification.</summary>
    public string? VerificationToken { get; set; }
    public int ExpiresIn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public SubscriptionStatus Status { get; set; }
    /// <summary>When deliveries started failing without a success since; null while they succeed.</summary>
    public DateTime? FailingSince { get; set; }
    public DateTime? BlacklistedAt { get; set; }
    public string? BlacklistReason { get; set; }
}

/// <summary>
/// The outbox: a notification waiting for delivery. Written in the same commit as nothing else, but
/// before any attempt, so pending deliveries survive a restart; deleted once the receiver takes it.
/// </summary>
public sealed class PendingNotification
{
    /// <summary>Increasing: the delivery order within a subscription.</summary>
    public long Id { get; set; }
    public required string SubscriptionId { get; set; }
    /// <summary>The whole envelope as JSON, exactly as it will be posted.</summary>
    public required string Envelope { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
}
