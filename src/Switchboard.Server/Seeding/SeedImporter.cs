using Switchboard.CallHandling;
using Switchboard.Data;
using Switchboard.ForwardingNumbers;
using Switchboard.OAuth;
using Switchboard.PhoneNumbers;

namespace Switchboard.Seeding;

public sealed class SeedException(string message) : Exception(message);

/// <summary>What an import created that exists nowhere else in plain text: generated secrets, for .env.</summary>
public sealed record SeedResult(
    string? EnvClientId,
    string? EnvClientSecret,
    IReadOnlyList<(string Env, JwtCredential Credential)> EnvCredentials,
    (string Username, string Extension, string Password)? EnvLogin);

/// <summary>Loads a seed document into an empty database, all of it or (on any error) nothing.</summary>
public sealed class SeedImporter(Database database, IdAllocator ids, TimeProvider clock)
{
    public async Task<SeedResult> ImportAsync(SeedDocument seed, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = database.CreateContext();
        var needed = seed.Accounts.Sum(a => (a.Id is null ? 1 : 0) + a.Extensions.Count + a.PhoneNumbers.Count
            + a.Extensions.Sum(e => 2 * e.Devices.Count + e.ForwardingNumbers.Count + e.Greetings.Count));
        var fresh = new Queue<long>(await ids.ReserveAsync(needed, ct));

        string? envClientId = null, envSecret = null;
        var apps = new Dictionary<string, App>(StringComparer.Ordinal);
        foreach (var a in seed.Apps)
        {
            if (a.ClientId.Length == 0) throw new SeedException("An app has no clientId.");
            if (apps.ContainsKey(a.ClientId)) throw new SeedException($"App {a.ClientId} appears twice.");
            var secret = a.Public || a.ClientSecretHash is not null ? a.ClientSecret : a.ClientSecret ?? Secrets.NewToken();
            if (!Scopes.TryParse(a.Permissions, out var permissions, out var unknown))
                throw new SeedException($"App {a.ClientId}: unknown permission {unknown}.");
            var app = new App
            {
                ClientId = a.ClientId,
                Name = a.Name ?? a.ClientId,
                ClientSecretHash = a.Public ? null : a.ClientSecretHash ?? Secrets.HashToken(secret!),
                Permissions = permissions,
                GrantTypes = a.GrantTypes is null ? GrantTypes.All : ParseGrants(a.ClientId, a.GrantTypes),
                RedirectUris = string.Join(' ', a.RedirectUris),
            };
            apps[app.ClientId] = app;
            db.Apps.Add(app);
            if (a.Env) (envClientId, envSecret) = (app.ClientId, secret);
        }

        var credentials = new List<(string, JwtCredential)>();
        (string, string, string)? login = null;
        var numbersSeen = new HashSet<string>(StringComparer.Ordinal);
        var emailsSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long maxExplicit = 0;
        long Explicit(long id) { maxExplicit = Math.Max(maxExplicit, id); return id; }

        foreach (var a in seed.Accounts)
        {
            var account = new Account
            {
                Id = a.Id is { } given ? Explicit(given) : fresh.Dequeue(),
                CompanyName = Required(a.CompanyName, "An account has no companyName."),
                Country = a.Country,
                TimeZone = CheckZone(a.TimeZone, a.CompanyName),
                NewCallHandling = a.NewCallHandling,
                BusinessHours = a.BusinessHours is null ? null : CompanyHours(a),
                CreatedAt = now,
            };
            db.Accounts.Add(account);
            if (a.Extensions.Count == 0) throw new SeedException($"Account {account.CompanyName} has no extensions; the first one is its system extension.");

            var byNumber = new Dictionary<string, Extension>(StringComparer.Ordinal);
            for (var i = 0; i < a.Extensions.Count; i++)
            {
                var x = a.Extensions[i];
                var id = i == 0 ? account.Id : x.Id is { } xid ? Explicit(xid) : fresh.Dequeue();
                if (i == 0 && x.Id is { } systemId && systemId != account.Id)
                    throw new SeedException($"Account {account.CompanyName}: the first extension is the system extension; its id must be the account id {account.Id}.");
                var extension = BuildExtension(account, x, id, now, emailsSeen);
                if (!byNumber.TryAdd(extension.ExtensionNumber, extension))
                    throw new SeedException($"Account {account.CompanyName}: extension number {extension.ExtensionNumber} appears twice.");
                db.Extensions.Add(extension);

                var password = x.Password ?? (x.PasswordEnv && x.PasswordHash is null ? Secrets.NewToken()[..16] : null);
                if (password is not null) extension.PasswordHash = Secrets.HashPassword(password);
                else if (x.PasswordHash is not null) extension.PasswordHash = x.PasswordHash;
                if (x.PasswordEnv && password is not null) login = (MainNumber(a) ?? "", extension.ExtensionNumber, password);

                foreach (var c in x.JwtCredentials)
                {
                    if (c.App is not null && !apps.ContainsKey(c.App)) throw new SeedException($"JWT credential {c.Id}: unknown app {c.App}.");
                    var credential = new JwtCredential
                    {
                        Id = c.Id ?? Secrets.NewId(),
                        ExtensionId = extension.Id,
                        ClientId = c.App,
                        CreatedAt = now,
                        RevokedAt = c.Revoked ? now : null,
                    };
                    db.JwtCredentials.Add(credential);
                    if (c.Env is not null) credentials.Add((c.Env, credential));
                }
            }

            foreach (var x in a.Extensions.Where(x => x.Members.Count > 0))
                db.DepartmentMembers.AddRange(BuildMembers(byNumber, x));

            var numbers = new Dictionary<string, PhoneNumber>(StringComparer.Ordinal);
            foreach (var n in a.PhoneNumbers)
            {
                var e164 = E164.Normalize(n.Number, a.Country) ?? throw new SeedException($"Phone number {n.Number} is not a possible number.");
                if (!numbersSeen.Add(e164)) throw new SeedException($"Phone number {e164} appears twice.");
                Extension? owner = null;
                if (n.Extension is not null && !byNumber.TryGetValue(n.Extension, out owner))
                    throw new SeedException($"Phone number {e164}: account {account.CompanyName} has no extension {n.Extension}.");
                var number = new PhoneNumber
                {
                    Id = n.Id is { } nid ? Explicit(nid) : fresh.Dequeue(),
                    AccountId = account.Id,
                    ExtensionId = owner?.Id,
                    Number = e164,
                    UsageType = Parse<PhoneNumberUsage>(n.UsageType, $"phone number {e164} usageType"),
                    PaymentType = Parse<PaymentType>(n.PaymentType, $"phone number {e164} paymentType"),
                    Type = Parse<PhoneNumberType>(n.Type, $"phone number {e164} type"),
                    Features = n.Features.Aggregate(PhoneNumberFeatures.None, (f, name) => f | Parse<PhoneNumberFeatures>(name, $"phone number {e164} feature")),
                    Label = n.Label,
                    Location = n.Location,
                    Primary = n.Primary,
                };
                numbers[e164] = number;
                db.PhoneNumbers.Add(number);
            }

            var direct = numbers.Values.Where(n => n.UsageType == PhoneNumberUsage.DirectNumber).Select(n => n.Number).ToHashSet();
            foreach (var x in a.Extensions)
            {
                var owner = byNumber[x.ExtensionNumber];
                var devices = new List<Device>();
                foreach (var d in x.Devices)
                {
                    PhoneNumber? line = null;
                    if (d.PhoneNumber is not null && !numbers.TryGetValue(E164.Normalize(d.PhoneNumber, a.Country) ?? "", out line))
                        throw new SeedException($"Device {d.Name}: account {account.CompanyName} has no number {d.PhoneNumber}.");
                    var device = new Device
                    {
                        Id = d.Id is { } did ? Explicit(did) : fresh.Dequeue(),
                        AccountId = account.Id,
                        ExtensionId = owner.Id,
                        Type = Parse<DeviceType>(d.Type, $"device {d.Name} type"),
                        Name = Required(d.Name, "A device has no name."),
                        Model = d.Model,
                        Serial = d.Serial,
                        Status = Parse<DeviceStatus>(d.Status, $"device {d.Name} status"),
                        PhoneNumberId = line?.Id,
                        PhoneNumber = line,
                    };
                    devices.Add(device);
                    db.Devices.Add(device);
                }
                var forwarding = BuildForwardingNumbers(account, owner, x, devices, direct, fresh, Explicit);
                db.ForwardingNumbers.AddRange(forwarding);
                var greetings = x.Greetings.Select(g => BuildGreeting(owner, g, g.Id is { } gid ? Explicit(gid) : fresh.Dequeue(), now)).ToList();
                db.Greetings.AddRange(greetings);
                if (x.CallHandling is not null)
                    db.CallHandling.Add(BuildCallHandling(owner, x, forwarding, greetings, byNumber.Values, Explicit));
            }
        }

        if (seed.SigningKey is not null)
        {
            try { _ = Convert.FromBase64String(seed.SigningKey); }
            catch (FormatException) { throw new SeedException("signingKey is not base64."); }
            db.ServerSettings.Add(new ServerSetting { Key = ServerKeys.JwtSigningKeyName, Value = seed.SigningKey });
        }

        await db.SaveChangesAsync(ct);
        if (maxExplicit > 0) await ids.EnsureAboveAsync(maxExplicit, ct);
        return new SeedResult(envClientId, envSecret, credentials, login);
    }

    private static Extension BuildExtension(Account account, SeedExtension x, long id, DateTime now, HashSet<string> emails)
    {
        var type = Parse<ExtensionType>(x.Type, $"extension {x.ExtensionNumber} type");
        var isUser = Extensions.ExtensionViews.IsUser(type);
        if (Extensions.ExtensionRules.CheckNumber(x.ExtensionNumber) is not null)
            throw new SeedException($"Account {account.CompanyName}: extension number '{x.ExtensionNumber}' must be 3 to 8 digits.");
        if (x.Email is not null && !emails.Add(x.Email)) throw new SeedException($"Email {x.Email} appears twice.");
        var name = isUser ? $"{x.FirstName} {x.LastName}".Trim() : x.Name ?? "";
        return new Extension
        {
            Id = id,
            AccountId = account.Id,
            ExtensionNumber = x.ExtensionNumber,
            Type = type,
            Status = Parse<ExtensionStatus>(x.Status, $"extension {x.ExtensionNumber} status"),
            Name = Required(name, $"Extension {x.ExtensionNumber} has no name (firstName for users, name otherwise)."),
            FirstName = isUser ? x.FirstName : null,
            LastName = isUser ? x.LastName : null,
            Email = x.Email,
            JobTitle = x.JobTitle,
            IsAdministrator = x.Administrator,
            TimeZone = x.TimeZone is null ? null : CheckZone(x.TimeZone, name),
            Hidden = x.Hidden,
            DndStatus = x.DndStatus is null ? DndStatus.TakeAllCalls : Parse<DndStatus>(x.DndStatus, $"extension {x.ExtensionNumber} dndStatus"),
            CreatedAt = now,
        };
    }

    private static IEnumerable<DepartmentMember> BuildMembers(Dictionary<string, Extension> byNumber, SeedExtension x)
    {
        var department = byNumber[x.ExtensionNumber];
        if (department.Type != ExtensionType.Department) throw new SeedException($"Extension {x.ExtensionNumber}: only departments have members.");
        if (x.Members.Distinct().Count() != x.Members.Count) throw new SeedException($"Extension {x.ExtensionNumber}: a member is listed twice.");
        return x.Members.Select((number, i) =>
        {
            if (!byNumber.TryGetValue(number, out var member) || !Extensions.ExtensionViews.IsUser(member.Type))
                throw new SeedException($"Extension {x.ExtensionNumber}: member {number} is not a user extension of the account.");
            return new DepartmentMember { DepartmentId = department.Id, ExtensionId = member.Id, Position = i };
        });
    }

    private static Data.Greeting BuildGreeting(Extension owner, SeedGreeting g, long id, DateTime now)
    {
        var what = $"Extension {owner.ExtensionNumber}, greeting {g.Id}";
        if (!Greetings.GreetingViews.UploadTypes.Contains(g.Type)) throw new SeedException($"{what}: unknown type {g.Type}.");
        byte[] content;
        try { content = Convert.FromBase64String(g.Content); }
        catch (FormatException) { throw new SeedException($"{what}: content is not base64."); }
        return new Data.Greeting
        {
            Id = id,
            AccountId = owner.AccountId,
            ExtensionId = owner.Id,
            Type = g.Type,
            ContentType = Greetings.GreetingViews.AudioType(g.ContentType) ?? throw new SeedException($"{what}: contentType must be audio/mpeg or audio/wav."),
            Content = content.Length > 0 ? content : throw new SeedException($"{what}: content is empty."),
            CreatedAt = now,
        };
    }

    /// <summary>Takes the model as exported, after checking that everything it refers to is in the seed.</summary>
    private static CallHandlingRecord BuildCallHandling(
        Extension owner, SeedExtension x, List<ForwardingNumber> forwarding, List<Data.Greeting> greetings, IEnumerable<Extension> extensions, Func<long, long> explicitId)
    {
        var what = $"Extension {x.ExtensionNumber}, callHandling";
        if (!Extensions.ExtensionViews.IsUser(owner.Type)) throw new SeedException($"{what}: only user extensions have call handling.");
        CallHandlingDocument document;
        try { document = CallHandlingStore.Deserialize(x.CallHandling!.ToJson()); }
        catch (System.Text.Json.JsonException e) { throw new SeedException($"{what}: {e.Message}"); }
        if (document is null) throw new SeedException($"{what} is empty.");

        var extensionIds = extensions.Select(e => e.Id).ToHashSet();
        var forwardingIds = forwarding.Select(f => f.Id).ToHashSet();
        var greetingIds = greetings.Select(g => g.Id).ToHashSet();
        foreach (var rule in document.Rules) explicitId(rule.Id);
        foreach (var dispatch in document.States.Values.Select(s => s.Dispatch).Concat(document.Rules.Select(r => r.Dispatch)))
        {
            foreach (var target in dispatch.Rings.SelectMany(r => r.Targets))
            {
                if (target.ForwardingNumberId is { } f && !forwardingIds.Contains(f)) throw new SeedException($"{what}: no forwarding number {f}.");
                if (target.ExtensionId is { } e && !extensionIds.Contains(e)) throw new SeedException($"{what}: no extension {e}.");
            }
            if (dispatch.Terminating.ExtensionId is { } t && !extensionIds.Contains(t)) throw new SeedException($"{what}: no extension {t}.");
            var slots = new[] { dispatch.Welcome, dispatch.ConnectingMessage, dispatch.ConnectingAudio, dispatch.Terminating.VoicemailGreeting, dispatch.Terminating.Announcement };
            if (slots.FirstOrDefault(s => s.CustomId is { } id && !greetingIds.Contains(id)) is { } missing)
                throw new SeedException($"{what}: no greeting {missing.CustomId}.");
        }
        return new CallHandlingRecord { ExtensionId = owner.Id, AccountId = owner.AccountId, Document = CallHandlingStore.Serialize(document) };
    }

    private static string CompanyHours(SeedAccount a)
    {
        var week = new WeeklySchedule();
        foreach (var (name, ranges) in a.BusinessHours!)
        {
            var day = Schedules.Week.Cast<DayOfWeek?>().FirstOrDefault(d => Schedules.DayName(d!.Value) == name)
                ?? throw new SeedException($"Account {a.CompanyName}, businessHours: unknown day {name}; days are monday to sunday.");
            var (parsed, error) = Schedules.Day([.. ranges.Select(r => ((string?)r.From, (string?)r.To))], $"businessHours.{name}");
            week.Days[day] = parsed ?? throw new SeedException($"Account {a.CompanyName}: {error!.Message}");
        }
        return CallHandling.V1.BusinessHoursApi.StoredHours(week);
    }

    /// <summary>
    /// The listed numbers first (keeping their flip digits), then every device's own entry, then free
    /// digits for listed numbers that asked for none, as a user who set them up in that order would have.
    /// </summary>
    private static List<ForwardingNumber> BuildForwardingNumbers(
        Account account, Extension owner, SeedExtension x, List<Device> devices, HashSet<string> direct, Queue<long> fresh, Func<long, long> explicitId)
    {
        var entries = new List<ForwardingNumber>();
        var needsDigit = new List<ForwardingNumber>();
        foreach (var f in x.ForwardingNumbers)
        {
            var what = $"Extension {x.ExtensionNumber}, forwarding number {f.PhoneNumber}";
            var type = Parse<ForwardingNumberType>(f.Type, $"{what}: type");
            var device = f.Device is { } deviceId ? devices.FirstOrDefault(d => d.Id == deviceId) ?? throw new SeedException($"{what}: the extension has no device {deviceId}.") : null;
            if ((device is null) == (type == ForwardingNumberType.PhoneLine)) throw new SeedException($"{what}: type PhoneLine goes with a device, and only it.");
            var number = device?.PhoneNumber?.Number ?? E164.Normalize(f.PhoneNumber, account.Country) ?? throw new SeedException($"{what}: not a possible number.");
            if (device is null && direct.Contains(number)) throw new SeedException($"{what}: a direct number of the account cannot be a forwarding number.");
            if (f.FlipNumber is < 1 or > ForwardingBook.MaxFlipNumber || (f.FlipNumber is { } digit && entries.Any(e => e.FlipNumber == digit)))
                throw new SeedException($"{what}: flipNumber must be a free digit from 1 to {ForwardingBook.MaxFlipNumber}.");
            var entry = new ForwardingNumber
            {
                Id = f.Id is { } id ? explicitId(id) : fresh.Dequeue(),
                AccountId = account.Id,
                ExtensionId = owner.Id,
                PhoneNumber = number,
                Type = type,
                Label = device?.Name ?? ForwardingBook.LabelOf(type, f.Label),
                FlipNumber = f.CallFlip == false ? null : f.FlipNumber,
                Forwarding = f.CallForwarding ?? device is null,
                DeviceId = device?.Id,
            };
            if (entry.FlipNumber is null && f.CallFlip != false) needsDigit.Add(entry);
            entries.Add(entry);
        }
        if (entries.Count(e => e.DeviceId is null) > ForwardingBook.MaxNumbers)
            throw new SeedException($"Extension {x.ExtensionNumber} has more than {ForwardingBook.MaxNumbers} forwarding numbers.");

        var book = new ForwardingBook(entries, direct, account.Country);
        book.AddDeviceEntries(devices, fresh.Dequeue);
        book.AssignFreeFlipNumbers(needsDigit);
        return entries;
    }

    private static string? MainNumber(SeedAccount a) =>
        a.PhoneNumbers.FirstOrDefault(n => n.UsageType == nameof(PhoneNumberUsage.MainCompanyNumber)) is { } main
            ? E164.Normalize(main.Number, a.Country) : null;

    private static GrantTypes ParseGrants(string clientId, List<string> names) => names.Aggregate(GrantTypes.None, (all, name) => all | name switch
    {
        "authorization_code" => GrantTypes.AuthorizationCode,
        "password" => GrantTypes.Password,
        "jwt-bearer" or OAuthApi.JwtBearer => GrantTypes.JwtBearer,
        "refresh_token" => GrantTypes.RefreshToken,
        _ => throw new SeedException($"App {clientId}: unknown grant type {name}."),
    });

    private static T Parse<T>(string value, string what) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new SeedException($"Unknown {what}: {value}. Expected one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static string Required(string value, string message) => string.IsNullOrWhiteSpace(value) ? throw new SeedException(message) : value;

    private static string CheckZone(string zone, string owner) =>
        Accounts.Regional.IsKnownTimeZone(zone) ? zone : throw new SeedException($"{owner}: unknown time zone {zone}.");
}
