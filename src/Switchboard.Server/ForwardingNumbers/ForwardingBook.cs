using System.Globalization;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.PhoneNumbers;

namespace Switchboard.ForwardingNumbers;

/// <summary>A new or changed number as either API version asks for it; null means "leave as it is".</summary>
public sealed record NumberChange(
    string? Id,
    string? PhoneNumber,
    string? Type,
    string? Label,
    string? FlipNumber,
    string? DeviceId,
    string Prefix = "");

/// <summary>
/// The forwarding and call flip numbers of one extension and every rule about them (seeds 000, 002,
/// 003). Pure: it changes the rows it was given and says which rows to add or remove; the caller saves.
/// </summary>
public sealed class ForwardingBook(List<ForwardingNumber> entries, IReadOnlySet<string> directNumbers, string country)
{
    /// <summary>Home, Mobile, Work and seven custom labels (seed 003). Devices do not count.</summary>
    public const int MaxNumbers = 10;
    /// <summary>Flip numbers are the digits 1 to 8 (CallFlipNumberResource).</summary>
    public const int MaxFlipNumber = 8;
    public const int MaxLabelLength = 60;

    public List<ForwardingNumber> Added { get; } = [];
    public List<ForwardingNumber> Removed { get; } = [];

    /// <summary>Ordered as the platform lists them: by flip number, then the rest.</summary>
    public IEnumerable<ForwardingNumber> Entries => entries.OrderBy(e => e.FlipNumber ?? int.MaxValue).ThenBy(e => e.Id);

    public ForwardingNumber? Find(string id) => entries.FirstOrDefault(e => e.Id.ToString(CultureInfo.InvariantCulture) == id);

    /// <summary>v1 create: a number for forwarding and call flip, or (PhoneLine) a device made a forwarding target.</summary>
    public (ForwardingNumber? Entry, ApiError? Error) Create(NumberChange request, long newId, long accountId, long extensionId)
    {
        if (ParseType(request.Type, "type", ForwardingNumberType.Other, out var type) is { } badType) return (null, badType);
        if (type == ForwardingNumberType.PhoneLine)
        {
            if (request.PhoneNumber is not null) return (null, Errors.InvalidParameter("device") with { Message = "Parameter [device] cannot be specified together with [phoneNumber]." });
            if (string.IsNullOrEmpty(request.DeviceId)) return (null, Errors.RequiredParameter("device.id"));
            var line = entries.FirstOrDefault(e => e.DeviceId?.ToString(CultureInfo.InvariantCulture) == request.DeviceId);
            if (line is null) return (null, Errors.UnknownReference("device.id", request.DeviceId));
            if (line.Forwarding) return (null, Errors.Duplicate("device.id", request.DeviceId));
            if (ParseFlip(request.FlipNumber, "flipNumber", line, out var lineFlip) is { } badLineFlip) return (null, badLineFlip);
            line.Forwarding = true;
            line.FlipNumber = lineFlip ?? line.FlipNumber;
            return (line, null);
        }
        if (request.DeviceId is not null) return (null, Errors.InvalidParameter("device") with { Message = "Parameter [device] is allowed only with type PhoneLine." });
        if (request.PhoneNumber is null) return (null, Errors.RequiredParameter("phoneNumber"));
        if (entries.Count(e => e.DeviceId is null) >= MaxNumbers) return (null, TooMany("phoneNumber"));

        var entry = new ForwardingNumber
        {
            Id = newId, AccountId = accountId, ExtensionId = extensionId, PhoneNumber = "", Label = "", Type = type, Forwarding = true,
        };
        if (CheckNumber(request.PhoneNumber, "phoneNumber", entry, out var number) is { } badNumber) return (null, badNumber);
        if (ParseFlip(request.FlipNumber, "flipNumber", entry, out var flip) is { } badFlip) return (null, badFlip);
        if (LabelFor(type, request.Label, "label", out var label) is { } badLabel) return (null, badLabel);
        (entry.PhoneNumber, entry.Label, entry.FlipNumber) = (number!, label!, flip ?? FreeFlipNumber());
        entries.Add(entry);
        Added.Add(entry);
        return (entry, null);
    }

    /// <summary>v1 update (seed 001: a new phone number is seen by every rule that uses the entry).</summary>
    public ApiError? Update(ForwardingNumber entry, NumberChange request)
    {
        var isDevice = entry.DeviceId is not null;
        if (ParseType(request.Type, "type", entry.Type, out var type) is { } badType) return badType;
        if (isDevice != (type == ForwardingNumberType.PhoneLine)) return Errors.InvalidParameter("type", request.Type);
        if (isDevice && request.PhoneNumber is not null && request.PhoneNumber != entry.PhoneNumber)
            return Errors.InvalidParameter("phoneNumber") with { Message = "The phone number of a device's entry is the device's own." };
        string? number = null;
        if (!isDevice && request.PhoneNumber is not null && CheckNumber(request.PhoneNumber, "phoneNumber", entry, out number) is { } badNumber) return badNumber;
        if (ParseFlip(request.FlipNumber, "flipNumber", entry, out var flip) is { } badFlip) return badFlip;
        string? label = null;
        if (!isDevice && LabelFor(type, request.Label ?? (type == entry.Type ? entry.Label : null), "label", out label) is { } badLabel) return badLabel;

        entry.Type = type;
        entry.PhoneNumber = number ?? entry.PhoneNumber;
        entry.Label = label ?? entry.Label;
        entry.FlipNumber = flip ?? entry.FlipNumber;
        return null;
    }

    /// <summary>
    /// v1 delete. An outside number goes; a device's entry stays while the device exists, so deleting
    /// it only takes it out of forwarding.
    /// </summary>
    public ApiError? Delete(ForwardingNumber entry, string parameter)
    {
        if (entry.DeviceId is null)
        {
            entries.Remove(entry);
            Removed.Add(entry);
            return null;
        }
        if (!entry.Forwarding)
            return Errors.InvalidParameter(parameter, entry.Id.ToString(CultureInfo.InvariantCulture)) with { Message = "A device's own entry cannot be deleted." };
        entry.Forwarding = false;
        return null;
    }

    /// <summary>
    /// v2 PUT call-flip-numbers: the records become the flip list, checked as a whole before anything
    /// changes. A record with an id changes that entry; one without adds an outside number. An outside
    /// number left out stops being a flip target (and goes, unless calls are forwarded to it); devices
    /// always stay flip targets. Digits already given never move unless a record claims them.
    /// </summary>
    public ApiError? ReplaceFlipList(IReadOnlyList<NumberChange> records, Func<long> newId, long accountId, long extensionId)
    {
        var plans = new List<(ForwardingNumber Entry, string Number, string Label, ForwardingNumberType Type, int? Flip)>();
        var claimed = new HashSet<int>();
        foreach (var record in records)
        {
            var p = record.Prefix;
            var entry = record.Id is { Length: > 0 } id ? Find(id) : null;
            if (record.Id is { Length: > 0 } && entry is null) return Errors.UnknownReference($"{p}id", record.Id);
            if (entry is not null && plans.Any(x => x.Entry == entry)) return Errors.Duplicate($"{p}id", record.Id!);
            entry ??= new ForwardingNumber { PhoneNumber = "", Label = "", AccountId = accountId, ExtensionId = extensionId, Type = ForwardingNumberType.Other };
            var isNew = entry.Id == 0;
            var isDevice = entry.DeviceId is not null;

            var type = (record.Type, isDevice) switch
            {
                (null, _) => entry.Type,
                ("PhoneLine", true) => ForwardingNumberType.PhoneLine,
                ("BusinessMobile", false) => ForwardingNumberType.BusinessMobilePhone,
                ("External", false) => entry.Type == ForwardingNumberType.BusinessMobilePhone ? ForwardingNumberType.Other : entry.Type,
                _ => (ForwardingNumberType?)null,
            };
            if (type is null) return Errors.InvalidParameter($"{p}type", record.Type);

            var number = entry.PhoneNumber;
            if (isDevice && record.PhoneNumber is not null && record.PhoneNumber != entry.PhoneNumber)
                return Errors.InvalidParameter($"{p}phoneNumber") with { Message = "The phone number of a device's entry is the device's own." };
            if (!isDevice && (record.PhoneNumber is not null || isNew))
            {
                if (record.PhoneNumber is null) return Errors.RequiredParameter($"{p}phoneNumber");
                if (CheckNumber(record.PhoneNumber, $"{p}phoneNumber", entry, out var checkedNumber) is { } bad) return bad;
                if (plans.Any(x => x.Number == checkedNumber)) return Errors.Duplicate($"{p}phoneNumber", record.PhoneNumber);
                number = checkedNumber!;
            }

            var label = entry.Label;
            if (!isDevice && (record.Label is not null || isNew || type != entry.Type))
            {
                if (LabelFor(type.Value, record.Label ?? entry.Label, $"{p}label", out var newLabel) is { } badLabel) return badLabel;
                label = newLabel!;
            }

            int? flip = null;
            if (record.FlipNumber is not null)
            {
                if (!int.TryParse(record.FlipNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var digit) || digit is < 1 or > MaxFlipNumber)
                    return Errors.InvalidParameter($"{p}flipNumber", record.FlipNumber);
                if (!claimed.Add(digit)) return Errors.Duplicate($"{p}flipNumber", record.FlipNumber);
                flip = digit;
            }
            plans.Add((entry, number, label, type.Value, flip));
        }

        var outside = plans.Count(x => x.Entry.DeviceId is null)
            + entries.Count(e => e.DeviceId is null && e.Forwarding && plans.All(x => x.Entry != e));
        if (outside > MaxNumbers) return TooMany("records");

        // Everything checked: apply.
        foreach (var entry in entries.ToList())
        {
            if (plans.Any(x => x.Entry == entry)) continue;
            if (entry.DeviceId is not null)
            {
                if (entry.FlipNumber is { } digit && claimed.Contains(digit)) entry.FlipNumber = null;
                continue;
            }
            entry.FlipNumber = null;
            if (!entry.Forwarding)
            {
                entries.Remove(entry);
                Removed.Add(entry);
            }
        }
        foreach (var (entry, number, label, type, flip) in plans)
        {
            (entry.PhoneNumber, entry.Label, entry.Type) = (number, label, type);
            if (flip is not null || (entry.FlipNumber is { } own && claimed.Contains(own))) entry.FlipNumber = flip;
            if (entry.Id != 0) continue;
            entry.Id = newId();
            entries.Add(entry);
            Added.Add(entry);
        }
        foreach (var (entry, _, _, _, _) in plans)
            entry.FlipNumber ??= FreeFlipNumber();
        return null;
    }

    /// <summary>v2 DELETE forwarding-targets, one result per record: an outside number stops being a forwarding target.</summary>
    public ApiError? RemoveForwardingTarget(string? phoneNumber, string? deviceId, string parameter)
    {
        if (deviceId is not null)
            return Errors.InvalidParameter(parameter, deviceId) with { Message = "An extension's own device is always a forwarding target." };
        var number = E164.Normalize(phoneNumber, country);
        var entry = entries.FirstOrDefault(e => e.DeviceId is null && e.Forwarding && e.PhoneNumber == number);
        if (entry is null) return Errors.UnknownReference(parameter, phoneNumber);
        entry.Forwarding = false;
        if (entry.FlipNumber is null)
        {
            entries.Remove(entry);
            Removed.Add(entry);
        }
        return null;
    }

    /// <summary>
    /// A call handling rule rings an outside number that is not in the book yet (v2 PhoneNumberRingTarget):
    /// it becomes a forwarding target, without a flip number, as the platform adds it from the rule.
    /// </summary>
    public (ForwardingNumber? Entry, ApiError? Error) AddForwardingTarget(string phoneNumber, string? label, long newId, long accountId, long extensionId, string parameter)
    {
        if (directNumbers.Contains(phoneNumber)) return (null, Errors.InvalidParameter(parameter, phoneNumber));
        if (entries.Count(e => e.DeviceId is null) >= MaxNumbers) return (null, TooMany(parameter));
        var entry = new ForwardingNumber
        {
            Id = newId, AccountId = accountId, ExtensionId = extensionId, PhoneNumber = phoneNumber, Type = ForwardingNumberType.Other,
            Label = LabelOf(ForwardingNumberType.Other, label is { Length: <= MaxLabelLength } ? label : null), Forwarding = true,
        };
        entries.Add(entry);
        Added.Add(entry);
        return (entry, null);
    }

    /// <summary>The book's country, for reading numbers written without a country code.</summary>
    public string Country => country;

    /// <summary>The automatic entries of devices with a phone line that have none yet.</summary>
    public void AddDeviceEntries(IEnumerable<Device> devices, Func<long> newId)
    {
        foreach (var device in devices)
        {
            if (device.PhoneNumber is null || entries.Any(e => e.DeviceId == device.Id)) continue;
            var entry = new ForwardingNumber
            {
                Id = newId(), AccountId = device.AccountId, ExtensionId = device.ExtensionId!.Value, DeviceId = device.Id,
                PhoneNumber = device.PhoneNumber.Number, Label = device.Name, Type = ForwardingNumberType.PhoneLine,
                FlipNumber = FreeFlipNumber(),
            };
            entries.Add(entry);
            Added.Add(entry);
        }
    }

    public void AssignFreeFlipNumbers(IEnumerable<ForwardingNumber> toNumber)
    {
        foreach (var entry in toNumber) entry.FlipNumber ??= FreeFlipNumber();
    }

    private static readonly Dictionary<ForwardingNumberType, string> Labels = new()
    {
        [ForwardingNumberType.Home] = "Home",
        [ForwardingNumberType.Mobile] = "Mobile",
        [ForwardingNumberType.Work] = "Work",
        [ForwardingNumberType.Outage] = "Outage",
        [ForwardingNumberType.BusinessMobilePhone] = "Business Mobile Phone",
        [ForwardingNumberType.ExtensionApps] = "Extension Apps",
        [ForwardingNumberType.PhoneLine] = "Phone Line",
    };

    /// <summary>The label is the caller's only for type Other; every other type names itself (seed 000).</summary>
    public static string LabelOf(ForwardingNumberType type, string? requested) =>
        type == ForwardingNumberType.Other ? (string.IsNullOrWhiteSpace(requested) ? "Other" : requested.Trim()) : Labels[type];

    private static ApiError? LabelFor(ForwardingNumberType type, string? requested, string parameter, out string? label)
    {
        label = LabelOf(type, requested);
        return label.Length > MaxLabelLength ? Errors.InvalidParameter(parameter, requested) : null;
    }

    private static ApiError? ParseType(string? raw, string parameter, ForwardingNumberType fallback, out ForwardingNumberType type)
    {
        type = fallback;
        if (raw is null) return null;
        return WireEnum.TryParse(raw, out type) ? null : Errors.InvalidParameter(parameter, raw);
    }

    /// <summary>A possible number, not one of the account's direct numbers (seed 000), not already in the list.</summary>
    private ApiError? CheckNumber(string raw, string parameter, ForwardingNumber self, out string? number,
        IEnumerable<(ForwardingNumber Entry, string Number)>? planned = null)
    {
        number = E164.Normalize(raw, country);
        if (number is null) return Errors.InvalidParameter(parameter, raw);
        if (directNumbers.Contains(number))
            return Errors.InvalidParameter(parameter, raw) with { Message = $"Parameter [{parameter}] value is invalid: it is a direct number of an extension of this account." };
        var n = number;
        if (entries.Any(e => e != self && e.PhoneNumber == n) || (planned?.Any(p => p.Number == n) ?? false))
            return Errors.Duplicate(parameter, raw);
        return null;
    }

    private ApiError? ParseFlip(string? raw, string parameter, ForwardingNumber self, out int? flip)
    {
        flip = null;
        if (raw is null) return null;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var digit) || digit is < 1 or > MaxFlipNumber)
            return Errors.InvalidParameter(parameter, raw);
        if (entries.Any(e => e != self && e.FlipNumber == digit)) return Errors.Duplicate(parameter, raw);
        flip = digit;
        return null;
    }

    /// <summary>The lowest free digit; flip numbers once given never move.</summary>
    private int? FreeFlipNumber()
    {
        for (var digit = 1; digit <= MaxFlipNumber; digit++)
            if (entries.All(e => e.FlipNumber != digit)) return digit;
        return null;
    }

    private static ApiError TooMany(string parameter) =>
        Errors.InvalidParameter(parameter) with { Message = $"An extension has at most {MaxNumbers} forwarding numbers." };
}
