using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.CallControl;
using Switchboard.Data;
using Switchboard.Telephony.Routing;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Data;

/// <summary>
/// The account snapshot calls are routed by is read once and kept until something that routes calls is
/// written; the write shows to the next call, also when a transaction holds it until commit.
/// </summary>
public sealed class RoutingChangesTests : IDisposable
{
    private const long Account = 11111111, Alice = 11111111;
    private readonly SwitchboardHost _host = new();

    public void Dispose() => _host.Dispose();

    private Database Database => _host.Services.GetRequiredService<Database>();
    private IRoutingDirectory? _directory;

    // Its own directory, keeping snapshots long enough that only writes decide here (the server's: a second).
    private IRoutingDirectory Directory => _directory ??= new AccountDirectory(Database, TimeSpan.FromMinutes(10));

    private async Task RenameAliceAsync(SwitchboardDb db, string name)
    {
        var alice = await db.Extensions.SingleAsync(e => e.Id == Alice);
        alice.Name = name;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Snapshot_KeptWhileNothingRoutingIsWritten_ReadAgainAfterAWrite()
    {
        var first = await Directory.FindAccountAsync(Account);
        Assert.Same(first, await Directory.FindAccountAsync(Account));
        Assert.Same(first, await Directory.FindByNumberAsync(first!.Numbers.Keys.First()));

        // Writes outside routing (a server setting) keep it.
        await using (var db = Database.CreateContext())
        {
            db.ServerSettings.Add(new ServerSetting { Key = "test", Value = "value" });
            await db.SaveChangesAsync();
        }
        Assert.Same(first, await Directory.FindAccountAsync(Account));

        await using (var db = Database.CreateContext()) await RenameAliceAsync(db, "Alice Renamed");
        var after = await Directory.FindAccountAsync(Account);
        Assert.NotSame(first, after);
        Assert.Equal("Alice Renamed", after!.Extensions[Alice].Name);
    }

    [Fact]
    public async Task WriteInATransaction_ReadBeforeCommitIsNotKept()
    {
        await using var db = Database.CreateContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await RenameAliceAsync(db, "Alice In Transaction");
            // Read from another connection while the transaction is open: the old name, not to be kept.
            Assert.NotEqual("Alice In Transaction", (await Directory.FindAccountAsync(Account))!.Extensions[Alice].Name);
            await transaction.CommitAsync();
        }
        Assert.Equal("Alice In Transaction", (await Directory.FindAccountAsync(Account))!.Extensions[Alice].Name);
    }

    [Fact]
    public async Task Snapshot_ReadAgainAfterItsMaximumAge_ForWritesOfOtherProcesses()
    {
        var directory = new AccountDirectory(Database, TimeSpan.Zero);
        Assert.NotSame(await directory.FindAccountAsync(Account), await directory.FindAccountAsync(Account));
    }

    [Fact]
    public async Task NumberOfNoAccount_StaysUnknownUntilAdded()
    {
        var version = Database.RoutingChanges.Version;
        Assert.Null(await Directory.FindByNumberAsync("+19995550000"));
        Assert.Equal(version, Database.RoutingChanges.Version);

        await using (var db = Database.CreateContext())
        {
            var number = await db.PhoneNumbers.FirstAsync(p => p.AccountId == Account);
            number.Number = "+19995550000";
            await db.SaveChangesAsync();
        }
        Assert.Equal(Account, (await Directory.FindByNumberAsync("+19995550000"))!.Id);
    }
}
