namespace Switchboard.Data;

/// <summary>Forwarding/call flip phone types (ForwardingPhoneNumberTypeEnum).</summary>
public enum ForwardingNumberType { Home, Mobile, Work, PhoneLine, Outage, Other, BusinessMobilePhone, ExtensionApps }

/// <summary>
/// One forwarding or call flip number of an extension: an outside number, or (type PhoneLine) one of
/// the extension's devices, which every device gets automatically. The v1 forwarding-number API and
/// the v2 call-flip-numbers and forwarding-targets APIs are views of these rows.
/// </summary>
public sealed class ForwardingNumber
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public long ExtensionId { get; set; }
    /// <summary>E.164.</summary>
    public required string PhoneNumber { get; set; }
    public ForwardingNumberType Type { get; set; }
    public required string Label { get; set; }
    /// <summary>The shortcut digit (1-8) that flips an active call to this number; null when it is not a flip target.</summary>
    public int? FlipNumber { get; set; }
    /// <summary>Whether call handling rules may forward calls to it (the CallForwarding feature).</summary>
    public bool Forwarding { get; set; }
    /// <summary>Set for PhoneLine entries: the device.</summary>
    public long? DeviceId { get; set; }
}
