using System.Globalization;
using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.ForwardingNumbers;

public sealed record DeviceRef(string? Id);

/// <summary>ForwardingNumberInfo (v1).</summary>
public sealed record ForwardingNumberInfo(
    string Id,
    string Uri,
    string PhoneNumber,
    string Label,
    IReadOnlyList<string> Features,
    string? FlipNumber,
    ForwardingNumberType Type,
    DeviceRef? Device);

/// <summary>CallFlipNumberResource (v2).</summary>
public sealed record CallFlipNumber(string Id, string PhoneNumber, string Type, string Label, string FlipNumber);

public sealed record CallFlipNumberList(IReadOnlyList<CallFlipNumber> Records);

public sealed record PhoneDestination(string PhoneNumber);

public sealed record TargetDevice(string Id, string? Name = null, string? PhoneNumber = null);

public sealed record ReferencedExtension(string Id);

/// <summary>A forwarding target (v2): PhoneNumberRingTarget or DeviceRingTarget, told apart by <c>type</c>.</summary>
public sealed record ForwardingTarget(
    string Type,
    PhoneDestination? Destination = null,
    TargetDevice? Device = null,
    ReferencedExtension? Extension = null,
    string? Name = null);

public static class ForwardingViews
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static ForwardingNumberInfo V1(ForwardingNumber e, Links links)
    {
        var features = new List<string>(2);
        if (e.Forwarding) features.Add("CallForwarding");
        if (e.FlipNumber is not null) features.Add("CallFlip");
        return new ForwardingNumberInfo(
            Id(e.Id),
            $"{links.Extension(e.AccountId, e.ExtensionId)}/forwarding-number/{Id(e.Id)}",
            e.PhoneNumber,
            e.Label,
            features,
            e.FlipNumber?.ToString(CultureInfo.InvariantCulture),
            e.Type,
            e.DeviceId is { } device ? new DeviceRef(Id(device)) : null);
    }

    public static CallFlipNumber Flip(ForwardingNumber e) => new(
        Id(e.Id),
        e.PhoneNumber,
        e.Type switch
        {
            ForwardingNumberType.PhoneLine => "PhoneLine",
            ForwardingNumberType.BusinessMobilePhone => "BusinessMobile",
            _ => "External",
        },
        e.Label,
        e.FlipNumber!.Value.ToString(CultureInfo.InvariantCulture));

    public static ForwardingTarget NumberTarget(string phoneNumber) => new("PhoneNumberRingTarget", Destination: new PhoneDestination(phoneNumber));

    public static ForwardingTarget DeviceTarget(Device device) => new(
        "DeviceRingTarget",
        Device: new TargetDevice(Id(device.Id), device.Name, device.PhoneNumber?.Number),
        Extension: device.ExtensionId is { } owner ? new ReferencedExtension(Id(owner)) : null,
        Name: device.Name);
}
