using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.OAuth;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Switchboard.Seeding;

/// <summary>
/// Writes the current state as a seed document. Secrets stay hashed (clientSecretHash, passwordHash);
/// the signing key is included so that importing the export keeps every JWT credential valid.
/// </summary>
public static class SeedExporter
{
    public static async Task<SeedDocument> ExportAsync(Database database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var apps = await db.Apps.AsNoTracking().OrderBy(a => a.ClientId).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var extensions = await db.Extensions.AsNoTracking().ToListAsync(ct);
        var numbers = await db.PhoneNumbers.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var devices = await db.Devices.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var credentials = await db.JwtCredentials.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var forwarding = await db.ForwardingNumbers.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        var callHandling = await db.CallHandling.AsNoTracking().ToDictionaryAsync(c => c.ExtensionId, c => c.Document, ct);
        var greetings = await db.Greetings.AsNoTracking().Where(g => g.ExtensionId != null).OrderBy(g => g.Id).ToListAsync(ct);
        var members = (await db.DepartmentMembers.AsNoTracking().OrderBy(m => m.Position).ToListAsync(ct)).ToLookup(m => m.DepartmentId, m => m.ExtensionId);
        var key = await db.ServerSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == ServerKeys.JwtSigningKeyName, ct);

        return new SeedDocument
        {
            SigningKey = key?.Value,
            Apps = [.. apps.Select(a => new SeedApp
            {
                ClientId = a.ClientId,
                Name = a.Name,
                ClientSecretHash = a.ClientSecretHash,
                Public = a.ClientSecretHash is null,
                Permissions = [.. Scopes.Format(a.Permissions).Split(' ', StringSplitOptions.RemoveEmptyEntries)],
                GrantTypes = a.GrantTypes == GrantTypes.All ? null : GrantNames(a.GrantTypes),
                RedirectUris = [.. a.RedirectUris.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            })],
            Accounts = [.. accounts.Select(account => new SeedAccount
            {
                Id = account.Id,
                CompanyName = account.CompanyName,
                Country = account.Country,
                TimeZone = account.TimeZone,
                NewCallHandling = account.NewCallHandling,
                BusinessHours = account.BusinessHours is null ? null : CallHandling.V1.BusinessHoursApi.CompanyHours(account).Days.ToDictionary(
                    d => CallHandling.Schedules.DayName(d.Key), d => d.Value.Select(r => new SeedTimeRange { From = r.From, To = r.To }).ToList()),
                // The system extension first: it is the one whose id is the account id.
                Extensions = [.. extensions.Where(e => e.AccountId == account.Id).OrderBy(e => e.Id != account.Id).ThenBy(e => e.Id).Select(e => new SeedExtension
                {
                    Id = e.Id,
                    ExtensionNumber = e.ExtensionNumber,
                    Type = e.Type.ToString(),
                    Status = e.Status.ToString(),
                    Name = Extensions.ExtensionViews.IsUser(e.Type) ? null : e.Name,
                    FirstName = e.FirstName,
                    LastName = e.LastName,
                    Email = e.Email,
                    JobTitle = e.JobTitle,
                    Administrator = e.IsAdministrator,
                    PasswordHash = e.PasswordHash,
                    TimeZone = e.TimeZone,
                    Hidden = e.Hidden,
                    DndStatus = e.DndStatus == DndStatus.TakeAllCalls ? null : e.DndStatus.ToString(),
                    Members = [.. members[e.Id].Select(id => extensions.First(m => m.Id == id).ExtensionNumber)],
                    Devices = [.. devices.Where(d => d.ExtensionId == e.Id).Select(d => new SeedDevice
                    {
                        Id = d.Id,
                        Type = d.Type.ToString(),
                        Name = d.Name,
                        Model = d.Model,
                        Serial = d.Serial,
                        Status = d.Status.ToString(),
                        PhoneNumber = numbers.FirstOrDefault(n => n.Id == d.PhoneNumberId)?.Number,
                    })],
                    ForwardingNumbers = [.. forwarding.Where(f => f.ExtensionId == e.Id).Select(f => new SeedForwardingNumber
                    {
                        Id = f.Id,
                        PhoneNumber = f.PhoneNumber,
                        Type = f.Type.ToString(),
                        Label = f.Type == ForwardingNumberType.Other ? f.Label : null,
                        FlipNumber = f.FlipNumber,
                        CallFlip = f.FlipNumber is null ? false : null,
                        CallForwarding = f.Forwarding == (f.DeviceId is null) ? null : f.Forwarding,
                        Device = f.DeviceId,
                    })],
                    JwtCredentials = [.. credentials.Where(c => c.ExtensionId == e.Id).Select(c => new SeedJwtCredential
                    {
                        Id = c.Id,
                        App = c.ClientId,
                        Revoked = c.RevokedAt is not null,
                    })],
                    Greetings = [.. greetings.Where(g => g.ExtensionId == e.Id).Select(g => new SeedGreeting
                    {
                        Id = g.Id,
                        Type = g.Type,
                        ContentType = g.ContentType,
                        Content = Convert.ToBase64String(g.Content),
                    })],
                    CallHandling = callHandling.TryGetValue(e.Id, out var document) ? SeedJson.Of(document) : null,
                })],
                PhoneNumbers = [.. numbers.Where(n => n.AccountId == account.Id).Select(n => new SeedPhoneNumber
                {
                    Id = n.Id,
                    Number = n.Number,
                    UsageType = n.UsageType.ToString(),
                    PaymentType = n.PaymentType.ToString(),
                    Type = n.Type.ToString(),
                    Features = [.. Switchboard.PhoneNumbers.PhoneNumberViews.FeatureNames(n.Features)],
                    Extension = extensions.FirstOrDefault(e => e.Id == n.ExtensionId)?.ExtensionNumber,
                    Label = n.Label,
                    Location = n.Location,
                    Primary = n.Primary,
                })],
            })],
        };
    }

    public static string ToYaml(SeedDocument document) =>
        "# Switchboard seed file, exported. Load it with: switchboard --seed FILE\n" +
        new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections | DefaultValuesHandling.OmitDefaults)
            .Build()
            .Serialize(document);

    public static SeedDocument Parse(string text)
    {
        try
        {
            return new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .WithDuplicateKeyChecking()
                .Build()
                .Deserialize<SeedDocument?>(text) ?? new SeedDocument();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SeedException($"Seed file, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static List<string> GrantNames(GrantTypes grants) =>
    [
        .. new[] { (GrantTypes.AuthorizationCode, "authorization_code"), (GrantTypes.Password, "password"),
                   (GrantTypes.JwtBearer, "jwt-bearer"), (GrantTypes.RefreshToken, "refresh_token") }
            .Where(g => grants.HasFlag(g.Item1)).Select(g => g.Item2),
    ];
}
