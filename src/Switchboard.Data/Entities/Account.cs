namespace Switchboard.Data;

public sealed class Account
{
    public long Id { get; set; }
    public required string CompanyName { get; set; }
    public string Status { get; set; } = "Confirmed";
    public string TimeZone { get; set; } = "America/Los_Angeles";
    public string Country { get; set; } = "US";
    /// <summary>The NewCallHandlingAndForwarding feature's isNewBackendAvailable param (seed 002).</summary>
    public bool NewCallHandling { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The company business hours schedule as JSON; null means the default (Monday to Friday, 9 to 5).</summary>
    public string? BusinessHours { get; set; }

    public List<Extension> Extensions { get; } = [];
    public List<PhoneNumber> PhoneNumbers { get; } = [];
    public List<Device> Devices { get; } = [];
}
