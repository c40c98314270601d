namespace Switchboard.Seeding;

// The seed file format (YAML or JSON): what `--seed FILE` loads into an empty database and what
// `switchboard export` writes. Secrets may be given in plain text (client secrets, passwords) or as
// the hashes an export contains. See docs/seed-files.md.

public sealed class SeedDocument
{
    /// <summary>Base64 key that signs JWT credentials; random when absent. Fix it to keep JWTs stable across databases.</summary>
    public string? SigningKey { get; set; }
    public List<SeedApp> Apps { get; set; } = [];
    public List<SeedAccount> Accounts { get; set; } = [];
}

public sealed class SeedApp
{
    public string ClientId { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>Generated when absent (unless the app is public).</summary>
    public string? ClientSecret { get; set; }
    public string? ClientSecretHash { get; set; }
    /// <summary>A public app has no secret and must use PKCE.</summary>
    public bool Public { get; set; }
    public List<string> Permissions { get; set; } = [];
    /// <summary>authorization_code, password, jwt-bearer, refresh_token; all when absent.</summary>
    public List<string>? GrantTypes { get; set; }
    public List<string> RedirectUris { get; set; } = [];
    /// <summary>Its id and secret go to .env as RC_APP_CLIENT_ID and RC_APP_CLIENT_SECRET.</summary>
    public bool Env { get; set; }
}

public sealed class SeedAccount
{
    public long? Id { get; set; }
    public string CompanyName { get; set; } = "";
    public string Country { get; set; } = "US";
    public string TimeZone { get; set; } = "America/Los_Angeles";
    /// <summary>The NewCallHandlingAndForwarding feature's isNewBackendAvailable.</summary>
    public bool NewCallHandling { get; set; }
    /// <summary>The company's business hours by lowercase day name; Monday to Friday 9 to 17 when absent.</summary>
    public Dictionary<string, List<SeedTimeRange>>? BusinessHours { get; set; }
    public List<SeedExtension> Extensions { get; set; } = [];
    public List<SeedPhoneNumber> PhoneNumbers { get; set; } = [];
}

public sealed class SeedExtension
{
    /// <summary>The account's first extension becomes its system extension, whose id is the account id.</summary>
    public long? Id { get; set; }
    public string ExtensionNumber { get; set; } = "";
    public string Type { get; set; } = "User";
    public string Status { get; set; } = "Enabled";
    /// <summary>For extensions that are not users; users are named by first and last name.</summary>
    public string? Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public bool Administrator { get; set; }
    public string? Password { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>Write this user's sign-in to .env as RC_USERNAME, RC_EXTENSION and RC_PASSWORD (a password is generated if none is given).</summary>
    public bool PasswordEnv { get; set; }
    public string? TimeZone { get; set; }
    public bool Hidden { get; set; }
    public List<SeedDevice> Devices { get; set; } = [];
    /// <summary>Outside numbers; every device with a phone line gets its own entry without being listed.</summary>
    public List<SeedForwardingNumber> ForwardingNumbers { get; set; } = [];
    public List<SeedJwtCredential> JwtCredentials { get; set; } = [];
    /// <summary>A department's members, by extension number, in the order they ring.</summary>
    public List<string> Members { get; set; } = [];
    /// <summary>Presence dndStatus: TakeAllCalls (default), DoNotAcceptAnyCalls, DoNotAcceptDepartmentCalls, TakeDepartmentCallsOnly.</summary>
    public string? DndStatus { get; set; }
    /// <summary>Custom greetings; the call handling refers to them by id.</summary>
    public List<SeedGreeting> Greetings { get; set; } = [];
    /// <summary>
    /// The user's call handling model (states, custom rules, schedule) as export writes it; the
    /// defaults when absent. It refers to forwarding numbers, extensions and greetings by id.
    /// </summary>
    public SeedJson? CallHandling { get; set; }
}

public sealed class SeedTimeRange
{
    /// <summary>"HH:mm" or "HH:mm:ss"; "24:00" ends a range at midnight.</summary>
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

public sealed class SeedGreeting
{
    public long? Id { get; set; }
    /// <summary>Introductory, Announcement, ConnectingMessage, ConnectingAudio, Voicemail, ...</summary>
    public string Type { get; set; } = "";
    /// <summary>audio/mpeg or audio/wav.</summary>
    public string ContentType { get; set; } = "audio/mpeg";
    /// <summary>The audio, base64.</summary>
    public string Content { get; set; } = "";
}

public sealed class SeedForwardingNumber
{
    public long? Id { get; set; }
    public string PhoneNumber { get; set; } = "";
    /// <summary>Home, Mobile, Work, Other, ...; PhoneLine with <see cref="Device"/>.</summary>
    public string Type { get; set; } = "Other";
    /// <summary>Used for type Other; other types are labelled by their type.</summary>
    public string? Label { get; set; }
    /// <summary>1-8; the lowest free digit when absent.</summary>
    public int? FlipNumber { get; set; }
    /// <summary>False: not a call flip target. Absent means true.</summary>
    public bool? CallFlip { get; set; }
    /// <summary>False: calls are not forwarded to it. Absent means true.</summary>
    public bool? CallForwarding { get; set; }
    /// <summary>For PhoneLine: the id of the extension's device.</summary>
    public long? Device { get; set; }
}

public sealed class SeedDevice
{
    public long? Id { get; set; }
    public string Type { get; set; } = "SoftPhone";
    public string Name { get; set; } = "";
    public string? Model { get; set; }
    public string? Serial { get; set; }
    public string Status { get; set; } = "Online";
    /// <summary>The number on the device's phone line; one of the account's numbers.</summary>
    public string? PhoneNumber { get; set; }
}

public sealed class SeedJwtCredential
{
    public string? Id { get; set; }
    /// <summary>The only app that may use it; any app when absent.</summary>
    public string? App { get; set; }
    /// <summary>The .env variable that receives the JWT, e.g. RC_USER_JWT.</summary>
    public string? Env { get; set; }
    public bool Revoked { get; set; }
}

public sealed class SeedPhoneNumber
{
    public long? Id { get; set; }
    public string Number { get; set; } = "";
    public string UsageType { get; set; } = "DirectNumber";
    public string PaymentType { get; set; } = "Local";
    public string Type { get; set; } = "VoiceFax";
    public List<string> Features { get; set; } = [];
    /// <summary>The extension number the number is mapped to.</summary>
    public string? Extension { get; set; }
    public string? Label { get; set; }
    public string? Location { get; set; }
    public bool Primary { get; set; }
}
