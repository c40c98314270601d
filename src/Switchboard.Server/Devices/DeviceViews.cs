using Switchboard.Data;
using Switchboard.Http;

namespace Switchboard.Devices;

public sealed record ModelInfo(string Name);

public sealed record DeviceExtensionInfo(long Id, string Uri, string ExtensionNumber);

public sealed record PhoneInfo(long Id, string PhoneNumber, PaymentType PaymentType, PhoneNumberType Type, PhoneNumberUsage UsageType);

public sealed record PhoneLineInfo(string Id, string LineType, PhoneInfo PhoneInfo);

/// <summary>DeviceResource.</summary>
public sealed record DeviceInfo(
    string Id,
    string Uri,
    DeviceType Type,
    string Name,
    DeviceStatus Status,
    string? Serial,
    ModelInfo? Model,
    DeviceExtensionInfo? Extension,
    IReadOnlyList<PhoneLineInfo> PhoneLines,
    string LinePooling);

public static class DeviceViews
{
    public static DeviceInfo Describe(Device d, Extension? owner, Links links)
    {
        var id = d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = d.PhoneNumber is { } n
            ? new[] { new PhoneLineInfo(id, "Standalone", new PhoneInfo(n.Id, n.Number, n.PaymentType, n.Type, n.UsageType)) }
            : [];
        return new DeviceInfo(
            id,
            $"{links.Account(d.AccountId)}/device/{id}",
            d.Type,
            d.Name,
            d.Status,
            d.Serial,
            d.Model is null ? null : new ModelInfo(d.Model),
            owner is null ? null : new DeviceExtensionInfo(owner.Id, links.Extension(owner.AccountId, owner.Id), owner.ExtensionNumber),
            lines,
            "None");
    }
}
