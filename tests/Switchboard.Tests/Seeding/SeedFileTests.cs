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

    [Theory]
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
