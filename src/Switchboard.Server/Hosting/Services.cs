using Switchboard.Data;
using Switchboard.Http;
using Switchboard.OAuth;
using Switchboard.Seeding;

namespace Switchboard.Hosting;

public static class Services
{
    public static void AddSwitchboard(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"])) builder.WebHost.UseUrls(FirstStart.DefaultUrl);

        var services = builder.Services;
        // Resolved lazily: a test host's configuration is complete only once the app is built.
        services.AddSingleton(sp => OpenDatabase(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => sp.GetRequiredService<Database>().CreateContext());
        services.AddSingleton<IdAllocator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServerKeys>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Grants>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<SeedImporter>();
        services.AddHostedService<FirstStart>();

        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
    }

    /// <summary>PostgreSQL when a connection string is configured, otherwise a SQLite file in the data folder.</summary>
    private static Database OpenDatabase(IConfiguration config)
    {
        var postgres = config.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres)) return new Database(DatabaseProvider.Postgres, postgres);
        var dir = FirstStart.DataDir(config);
        Directory.CreateDirectory(dir);
        return Database.SqliteFile(Path.Combine(dir, "switchboard.db"));
    }
}
