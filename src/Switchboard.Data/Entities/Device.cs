namespace Switchboard.Data;

public sealed class Device
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public long? ExtensionId { get; set; }
    public DeviceType Type { get; set; }
    public required string Name { get; set; }
    public string? Model { get; set; }
    public string? Serial { get; set; }
    public DeviceStatus Status { get; set; } = DeviceStatus.Online;
    /// <summary>The number on the device's phone line, if it has one.</summary>
    public long? PhoneNumberId { get; set; }

    public PhoneNumber? PhoneNumber { get; set; }
}
