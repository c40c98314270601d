using Switchboard.Data;
using Switchboard.OAuth;
using Switchboard.Seeding;

namespace Switchboard.Hosting;

/// <summary>
/// Before the server listens: migrate the database; on first start load the seed (the demo unless
/// <c>--seed</c> names a file), then print the variables the samples read and write them to .env.
/// </summary>
public sealed class FirstStart(
    Database database, SeedImporter importer, ServerKeys keys, IConfiguration config, ILogger<FirstStart> log) : IHostedLifecycleService
{
    public const string DefaultUrl = "http://127.0.0.1:5599";

    public async Task StartingAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await database.MigrateAsync(ct);
        log.LogInformation("{Provider} database ready in {Elapsed} ms", database.Provider,
            (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var seedFile = config["Switchboard:Seed"];
        if (!await database.IsEmptyAsync(ct))
        {
            if (seedFile is not null)
                throw new SeedException($"The database already holds data, and --seed loads only into an empty one. Use a new --data folder or delete {DataDir(config)}.");
            await keys.LoadAsync(database, ct);
            return;
        }

        var text = seedFile is null ? ReadDemo() : await File.ReadAllTextAsync(seedFile, ct);
        var result = await importer.ImportAsync(SeedExporter.Parse(text), ct);
        await keys.LoadAsync(database, ct);

        var env = EnvFile.Render(ServerUrl(config), result, keys);
        var path = config["Switchboard:EnvFile"] ?? Path.Combine(Directory.GetCurrentDirectory(), ".env");
        var written = EnvFile.Write(path, env, config.GetValue<bool>("Switchboard:OverwriteEnv"));
        Console.WriteLine($"Switchboard created {(seedFile is null ? "the demo accounts" : $"the accounts of {seedFile}")}. Use these with RingCentral's SDKs:");
        Console.WriteLine();
        Console.WriteLine(env);
        if (written) log.LogInformation("Wrote {Path}", path);
        else log.LogWarning("Kept the existing {Path}; start with --overwrite-env to replace it", path);
    }

    public static string DataDir(IConfiguration config) => config["Switchboard:DataDir"] ?? Path.Combine(Directory.GetCurrentDirectory(), "data");

    /// <summary>The first address the server listens on, or the public URL when one is configured.</summary>
    public static string ServerUrl(IConfiguration config) =>
        config["Switchboard:PublicUrl"] ?? (config["urls"] ?? DefaultUrl).Split(';')[0].Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

    private static string ReadDemo()
    {
        using var stream = typeof(FirstStart).Assembly.GetManifestResourceStream("demo.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
