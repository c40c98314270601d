using Switchboard.CallHandling;

namespace Switchboard.Telephony.Routing;

// What routing reads: an account as it is at the moment a call arrives. The server builds it from
// storage; tests and the benchmark build it by hand. Immutable, so a routing decision is a pure
// function of (snapshot, call, now).

/// <summary>How a number of the account is used (PhoneNumberInfo.usageType, the kinds routing tells apart).</summary>
public enum LineKind { MainCompanyNumber, CompanyNumber, DirectNumber, CompanyFaxNumber, Other }

/// <summary>Extension types as routing treats them (the spec's extension types, grouped).</summary>
public enum ExtensionKind { User, Department, IvrMenu, AnnouncementOnly, TakeMessagesOnly, ParkLocation, SharedLinesGroup, Other }

/// <summary>Presence dndStatus, as the spec names it.</summary>
public enum DndStatus { TakeAllCalls, DoNotAcceptAnyCalls, DoNotAcceptDepartmentCalls, TakeDepartmentCallsOnly }

public sealed record AccountSnapshot(
    long Id,
    // IANA zone; an extension without its own zone uses it.
    string TimeZone,
    // The company's business hours (the account's schedule).
    WeeklySchedule CompanyHours,
    // By E.164 number.
    IReadOnlyDictionary<string, NumberSnapshot> Numbers,
    IReadOnlyDictionary<long, ExtensionSnapshot> Extensions)
{
    // The extension with this short number, as dialled from inside the account.
    public ExtensionSnapshot? ByExtensionNumber(string number) =>
        Extensions.Values.FirstOrDefault(e => e.ExtensionNumber == number);
}

public sealed record NumberSnapshot(string PhoneNumber, LineKind Kind, long? ExtensionId);

public sealed record ExtensionSnapshot(
    long Id,
    long AccountId,
    string ExtensionNumber,
    string Name,
    ExtensionKind Kind,
    // False for disabled, frozen or not activated extensions: they take no calls.
    bool Enabled,
    // IANA zone the extension's schedules are read in (its own or the account's).
    string TimeZone,
    DndStatus Dnd,
    // The user's call handling; for other kinds the defaults of their type.
    CallHandlingDocument Rules,
    IReadOnlyList<DeviceSnapshot> Devices,
    // The forwarding numbers the rules point at, by id.
    IReadOnlyDictionary<long, ForwardingSnapshot> Forwarding,
    // Members of a department or shared lines group, in order.
    IReadOnlyList<long> Members,
    // The extension's direct number, shown as the caller id of its calls.
    string? DirectNumber);

public enum DeviceKind { HardPhone, SoftPhone, OtherPhone, MobileApp }

public sealed record DeviceSnapshot(long Id, string Name, DeviceKind Kind, bool Online);

/// <summary>
/// A forwarding or call flip number: an outside number, or a device's own line (<see cref="DeviceId"/>).
/// <see cref="FlipNumber"/> is its call flip digit (1-8), null when calls cannot be flipped to it.
/// </summary>
public sealed record ForwardingSnapshot(long Id, string PhoneNumber, string Label, long? DeviceId, int? FlipNumber = null);
