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
}
