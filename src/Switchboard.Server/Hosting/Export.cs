using Switchboard.CallHandling;
using Switchboard.Data;
using Switchboard.Seeding;

namespace Switchboard.Hosting;

/// <summary><c>switchboard export</c>: the database's state in the seed format, to a file or standard output.</summary>
public static class Export
{
    public static async Task RunAsync(IServiceProvider services, string? path)
    {
        var database = services.GetRequiredService<Database>();
        await database.MigrateAsync();
        var yaml = SeedExporter.ToYaml(await SeedExporter.ExportAsync(database));
        if (path is null) Console.Write(yaml);
        else await File.WriteAllTextAsync(path, yaml);
    }

    /// <summary><c>switchboard upgrade-call-handling ACCOUNT_ID</c>: the admin route's upgrade, from the command line.</summary>
    public static async Task<int> UpgradeAsync(IServiceProvider services, string? accountId)
    {
        if (!long.TryParse(accountId, out var id))
        {
            Console.Error.WriteLine("usage: switchboard upgrade-call-handling ACCOUNT_ID");
            return 2;
        }
        var database = services.GetRequiredService<Database>();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var (result, error) = await Upgrade.RunAsync(db, id, CancellationToken.None);
        if (result is null)
        {
            Console.Error.WriteLine(error!.Message);
            return 1;
        }
        Console.WriteLine($"Account {result.AccountId} uses the new call handling; {result.Extensions} user extensions moved.");
        return 0;
    }
}
