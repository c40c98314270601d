namespace Switchboard.Data;

// Enum members are named exactly as the values in RingCentral's OpenAPI spec, so the wire
// format is the member name.

public enum ExtensionType
{
    User, FaxUser, VirtualUser, DigitalUser, FlexibleUser, Department, Announcement, Voicemail,
    SharedLinesGroup, PagingOnly, IvrMenu, ParkLocation, Limited,
}

public enum ExtensionStatus { Enabled, Disabled, Frozen, NotActivated, Unassigned }

public enum PhoneNumberUsage
{
    MainCompanyNumber, AdditionalCompanyNumber, CompanyNumber, DirectNumber, CompanyFaxNumber,
    ForwardedNumber, ForwardedCompanyNumber, ContactCenterNumber, ConferencingNumber,
}

public enum PaymentType { Local, TollFree, External }

public enum PhoneNumberType { VoiceFax, VoiceOnly, FaxOnly }

public enum PhoneNumberStatus { Normal, Pending, PortedIn, Temporary }

[Flags]
public enum PhoneNumberFeatures
{
    None = 0,
    CallerId = 1,
    SmsSender = 2,
    A2PSmsSender = 4,
    MmsSender = 8,
    InternationalSmsSender = 16,
    Delegated = 32,
}

public enum DeviceType { HardPhone, SoftPhone, OtherPhone, WebPhone, WebRTC, Paging, BLA, Room }

public enum DeviceStatus { Online, Offline }

/// <summary>App permissions (OAuth scopes) as RingCentral names them.</summary>
[Flags]
public enum AppPermissions : long
{
    None = 0,
    ReadAccounts = 1L << 0,
    EditExtensions = 1L << 1,
    EditAccounts = 1L << 2,
    Accounts = 1L << 3,
    CallControl = 1L << 4,
    ReadPresence = 1L << 5,
    EditPresence = 1L << 6,
    RingOut = 1L << 7,
    ReadCallLog = 1L << 8,
    WebSocketsSubscriptions = 1L << 9,
    WebhookSubscriptions = 1L << 10,
    ReadMessages = 1L << 11,
    EditMessages = 1L << 12,
}

/// <summary>OAuth grant types an app may use.</summary>
[Flags]
public enum GrantTypes
{
    None = 0,
    AuthorizationCode = 1,
    Password = 2,
    JwtBearer = 4,
    RefreshToken = 8,
    All = AuthorizationCode | Password | JwtBearer | RefreshToken,
}

public enum UserStatus { Offline, Busy, Available }

public enum DndStatus { TakeAllCalls, DoNotAcceptDepartmentCalls, TakeDepartmentCallsOnly, DoNotAcceptAnyCalls }
