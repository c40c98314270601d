namespace Switchboard.Data;

public sealed class PhoneNumber
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    /// <summary>The extension the number is mapped to; null for company-level numbers.</summary>
    public long? ExtensionId { get; set; }
    /// <summary>E.164, e.g. +16505550100.</summary>
    public required string Number { get; set; }
    public PhoneNumberUsage UsageType { get; set; }
    public PaymentType PaymentType { get; set; } = PaymentType.Local;
    public PhoneNumberType Type { get; set; } = PhoneNumberType.VoiceFax;
    public PhoneNumberStatus Status { get; set; } = PhoneNumberStatus.Normal;
    public PhoneNumberFeatures Features { get; set; }
    public string? Label { get; set; }
    public string? Location { get; set; }
    public bool Primary { get; set; }

    public Extension? Extension { get; set; }
}
