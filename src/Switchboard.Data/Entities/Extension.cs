namespace Switchboard.Data;

public sealed class Extension
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public required string ExtensionNumber { get; set; }
    public ExtensionType Type { get; set; }
    public ExtensionStatus Status { get; set; } = ExtensionStatus.Enabled;
    public required string Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public string? BusinessPhone { get; set; }
    public string? MobilePhone { get; set; }
    public bool IsAdministrator { get; set; }
    /// <summary>PBKDF2 hash; null when the user cannot sign in with a password.</summary>
    public string? PasswordHash { get; set; }
    /// <summary>IANA zone; null means the account's.</summary>
    public string? TimeZone { get; set; }
    public bool Hidden { get; set; }
    public DateTime CreatedAt { get; set; }

    // Presence the user sets (PresenceInfoRequest); what the calls make of it is live in the engine.
    public UserStatus UserStatus { get; set; } = UserStatus.Available;
    public DndStatus DndStatus { get; set; } = DndStatus.TakeAllCalls;
    public string? PresenceMessage { get; set; }
    public bool AllowSeeMyPresence { get; set; } = true;
    public bool RingOnMonitoredCall { get; set; }
    public bool PickUpCallsOnHold { get; set; }

    public Account? Account { get; set; }
}
