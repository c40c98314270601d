using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.CallHandling;

/// <summary>The account upgrade to the new call handling: all of the account or nothing, from the admin route or the CLI.</summary>
public sealed class UpgradeTests : IDisposable
{
    private const string Upgrade = "/switchboard/v1/account/11111111/call-handling-upgrade";
    private const long Bob = 11111102;
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Upgrade_StorageFailsPartWay_ChangesNothing()
    {
        var alice = await _host.ClientAsync();
        var before = (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/answering-rule?view=Detailed")).GetRawText();
        await using (var db = _host.Services.GetRequiredService<Database>().CreateContext())
        {
            // The database refuses Bob's row, which the upgrade writes after Alice's.
            if (TestDatabase.OnPostgres)
                await db.Database.ExecuteSqlRawAsync($"""
                    CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse BEFORE INSERT ON "CallHandling" FOR EACH ROW WHEN (NEW."ExtensionId" = {Bob}) EXECUTE FUNCTION refuse();
                    """);
            else
                await db.Database.ExecuteSqlRawAsync($"""CREATE TRIGGER refuse BEFORE INSERT ON "CallHandling" WHEN NEW."ExtensionId" = {Bob} BEGIN SELECT RAISE(ABORT, 'injected'); END;""");
        }

        var failed = await alice.PostAsync(Upgrade, null);
        Assert.Equal(500, (int)failed.StatusCode);

        await using (var db = _host.Services.GetRequiredService<Database>().CreateContext())
        {
            Assert.False((await db.Accounts.SingleAsync(a => a.Id == 11111111)).NewCallHandling);
            Assert.False(await db.CallHandling.AnyAsync(c => c.AccountId == 11111111));
        }
        Assert.Equal(before, (await alice.GetJsonAsync("/restapi/v1.0/account/~/extension/~/answering-rule?view=Detailed")).GetRawText());
    }

    [Fact]
    public async Task Cli_UpgradeCallHandling_MovesTheAccountToV2()
    {
        var alice = await _host.ClientAsync();
        if (TestDatabase.OnPostgres) return; // the command reads the SQLite file in --data
        Assert.Equal((2, "", "usage: switchboard upgrade-call-handling ACCOUNT_ID"), await RunAsync("upgrade-call-handling", "nine"));
        Assert.Equal(1, (await RunAsync("upgrade-call-handling", "99999999")).Exit);

        var (exit, output, _) = await RunAsync("upgrade-call-handling", "11111111");
        Assert.Equal((0, "Account 11111111 uses the new call handling; 3 user extensions moved."), (exit, output));
        await (await alice.GetAsync("/restapi/v1.0/account/~/extension/~/answering-rule")).ExpectErrorAsync(403, "CMN-109");
        var states = await alice.GetJsonAsync("/restapi/v2/accounts/~/extensions/~/comm-handling/states");
        Assert.Contains(states.GetProperty("records").EnumerateArray(), s => s.GetProperty("id").GetString() == "work-hours");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "switchboard.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", server, .. args, "--data", _host.Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
