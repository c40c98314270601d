using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Switchboard.Data;
using Switchboard.Seeding;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Seeding;

public sealed class SeedFileTests
{
    [Fact]
    public async Task Export_ThenImportIntoAnEmptyDatabase_ReproducesTheStateAndKeepsJwtsValid()
    {
        using var first = new SwitchboardHost();
        var jwt = first.Env["RC_USER2_JWT"];
        var exported = SeedExporter.ToYaml(await SeedExporter.ExportAsync(first.Services.GetRequiredService<Database>()));
        Assert.Contains("clientSecretHash:", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret", exported, StringComparison.Ordinal);

        using var second = new ExportedHost(exported);
        var again = SeedExporter.ToYaml(await SeedExporter.ExportAsync(second.Services.GetRequiredService<Database>()));
        Assert.Equal(exported, again);

        var token = await second.TokenAsync(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = jwt });
        Assert.Equal("11111102", (await token.ExpectJsonAsync(200)).GetProperty("owner_id").GetString());
    }

    [Fact]
    public async Task Export_CallHandlingGreetingsAndBusinessHours_SurviveTheImport()
    {
        using var first = new SwitchboardHost();
        var alice = await first.ClientAsync();
        const string rules = "/restapi/v1.0/account/~/extension/~/answering-rule";
        var forwarding = (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/forwarding-number")).GetProperty("records")[0].GetProperty("id").GetString();
        var custom = await (await alice.PostJsonAsync(rules, new
        {
            type = "Custom", name = "Family", enabled = false,
            callers = new[] { new { callerId = "+16505550123", name = "Mum" } },
            schedule = new { weeklyRanges = new { saturday = new[] { new { from = "08:30", to = "12:00" } } } },
            callHandlingAction = "ForwardCalls",
            forwarding = new { ringingMode = "Simultaneously", notifyMySoftPhones = false, rules = new[] { new { index = 1, ringCount = 3, forwardingNumbers = new[] { new { id = forwarding } } } } },
        })).ExpectJsonAsync(200);
        var greeting = await (await alice.PostAsync("/restapi/v1.0/account/~/extension/~/greeting",
            Greetings.GreetingBodies.FormData(new { type = "Voicemail", answeringRule = new { id = custom.GetProperty("id").GetString() } }))).ExpectJsonAsync(200);
        await (await alice.PutJsonAsync("/restapi/v1.0/account/~/business-hours", new
        {
            schedule = new { weeklyRanges = new { monday = new[] { new { from = "07:00", to = "12:00" }, new { from = "13:00", to = "24:00" } } } },
        })).ExpectJsonAsync(200);
        var dave = await first.ClientAsync("RC_OTHER_ACCOUNT_JWT");
        const string interaction = "/restapi/v2/accounts/~/extensions/~/comm-handling/voice/interaction-rules";
        await (await dave.SendRawAsync(HttpMethod.Post, interaction, """
            {"displayName":"Holidays","enabled":true,
             "conditions":[{"type":"Schedule","schedule":{"triggers":[{"triggerType":"Range","ranges":[{"startDateTime":"2026-12-24T00:00:00","endDateTime":"2026-12-27T00:00:00"}]}]}}],
             "dispatching":{"type":"Terminate","actions":[{"type":"TerminatingAction","targets":[{"type":"PlayAnnouncementTerminatingTarget"}]}]}}
            """)).ExpectJsonAsync(201);

        var exported = SeedExporter.ToYaml(await SeedExporter.ExportAsync(first.Services.GetRequiredService<Database>()));
        using var second = new ExportedHost(exported);
        File.Copy(first.EnvPath, second.EnvPath); // the JWTs stay valid: the export carries the signing key
        Assert.Equal(exported, SeedExporter.ToYaml(await SeedExporter.ExportAsync(second.Services.GetRequiredService<Database>())));

        var (alice2, dave2) = (await second.ClientAsync(), await second.ClientAsync("RC_OTHER_ACCOUNT_JWT"));
        foreach (var path in new[] { rules + "?view=Detailed", rules + "/" + custom.GetProperty("id").GetString(), "/restapi/v1.0/account/~/business-hours" })
            Assert.Equal((await alice.GetJsonAsync(path)).GetRawText(), (await alice2.GetJsonAsync(path)).GetRawText());
        Assert.Equal((await dave.GetJsonAsync(interaction)).GetRawText(), (await dave2.GetJsonAsync(interaction)).GetRawText());
        var content = await alice2.GetAsync($"/restapi/v1.0/account/~/extension/~/greeting/{greeting.GetProperty("id").GetString()}/content");
        Assert.Equal(Greetings.GreetingBodies.Mp3, await content.Content.ReadAsByteArrayAsync());
        Assert.Contains(custom.GetProperty("id").GetString()!, exported, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', firstName: A, callHandling: { rules: [{ id: 5, dispatch: { rings: [{ targets: [{ kind: PhoneNumber, forwardingNumberId: 77 }] }] } }] } }] }]", "no forwarding number 77")]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', firstName: A, callHandling: { states: { Sleeping: {} } } }] }]", "callHandling:")]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', firstName: A, greetings: [{ type: Voicemail, content: '***' }] }] }]", "content is not base64")]
    [InlineData("accounts: [{ companyName: X, businessHours: { monday: [{ from: '17:00', to: '09:00' }] }, extensions: [{ extensionNumber: '101', firstName: A }] }]", "businessHours.monday[0].to")]
    [InlineData("accounts: [{ companyName: X, businessHours: { someday: [] }, extensions: [{ extensionNumber: '101', firstName: A }] }]", "unknown day someday")]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', type: Robot, firstName: A }] }]", "Unknown extension 101 type: Robot")]
    [InlineData("accounts: [{ companyName: X, extensions: [] }]", "has no extensions")]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', firstName: A }], phoneNumbers: [{ number: 'call me' }] }]", "is not a possible number")]
    [InlineData("accounts: [{ companyName: X, extensions: [{ extensionNumber: '101', firstName: A }], phoneNumbers: [{ number: '+12125550100', extension: '999' }] }]", "has no extension 999")]
    [InlineData("apps: [{ clientId: a, permissions: [Everything] }]", "unknown permission Everything")]
    [InlineData("accounts: [{ companyName: X, colour: red }]", "line 1")]
    public async Task Import_InvalidSeed_SaysWhatIsWrongAndWritesNothing(string yaml, string message)
    {
        using var database = new TestDatabase();
        var db = database.PostgresConnection is { } pg ? new Database(DatabaseProvider.Postgres, pg) : Database.SqliteFile(Path.Combine(database.Folder, "x.db"));
        await db.MigrateAsync();
        var importer = new SeedImporter(db, new IdAllocator(db), TimeProvider.System);
        var error = await Assert.ThrowsAsync<SeedException>(() => importer.ImportAsync(SeedExporter.Parse(yaml)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(await db.IsEmptyAsync());
    }

    [Fact]
    public void FirstStart_ExistingEnvFile_IsKept()
    {
        using var host = new SwitchboardHost();
        File.WriteAllText(host.EnvPath, "MINE=1\n");
        _ = host.Server;
        Assert.Equal("MINE=1\n", File.ReadAllText(host.EnvPath));
    }

    [Fact]
    public async Task Cli_ExportCommand_PrintsTheSeedFormat()
    {
        using var host = new SwitchboardHost();
        _ = host.Server;
        if (TestDatabase.OnPostgres) return; // the command reads the SQLite file in --data
        var server = Path.Combine(AppContext.BaseDirectory, "switchboard.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", server, "export", "--data", host.Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var document = SeedExporter.Parse(output);
        Assert.Equal(["Test Company A", "Test Company B"], document.Accounts.Select(a => a.CompanyName));
    }

    private sealed class ExportedHost(string yaml) : SwitchboardHost
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"switchboard-export-{Guid.NewGuid():N}.yaml");

        protected override string? SeedFile
        {
            get
            {
                File.WriteAllText(_file, yaml);
                return _file;
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_file);
        }
    }
}
