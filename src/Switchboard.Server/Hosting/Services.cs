using Switchboard.CallControl;
using Switchboard.Data;
using Switchboard.Http;
using Switchboard.OAuth;
using Switchboard.Seeding;
using Switchboard.Subscriptions;
using Switchboard.Telephony.Routing;
using Switchboard.Telephony.Runtime;
using Switchboard.WebSockets;

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

        // The call engine runs on the simulator's clock, which the simulator API can scale or stop;
        // everything else (tokens, expiries) keeps the server's time.
        services.AddSingleton<IRoutingDirectory, AccountDirectory>();
        services.AddSingleton(sp => EngineClock(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CallEngine(sp.GetRequiredService<IRoutingDirectory>(), sp.GetRequiredService<SimulatorClock>()));
        services.AddSingleton<ICallEngine>(sp => sp.GetRequiredService<CallEngine>());

        // Webhooks: after FirstStart, which migrates the database before any hosted service runs.
        services.AddHttpClient(WebhookClient.Name, c => c.Timeout = WebhookClient.Timeout);
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<Subscribers>();
        services.AddSingleton<NotificationHub>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationHub>());
        services.AddSingleton<WsTokens>();
        services.AddSingleton<RestTunnel>();
        services.AddSingleton<WsGateway>();
        services.AddHostedService(sp => sp.GetRequiredService<WsGateway>());

        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
    }

    /// <summary><c>Switchboard:Clock</c> RealTime (default), Scaled (with <c>Switchboard:ClockFactor</c>) or Manual, from the server's now.</summary>
    private static SimulatorClock EngineClock(IConfiguration config, TimeProvider time)
    {
        var mode = Enum.TryParse<ClockMode>(config["Switchboard:Clock"], out var m) ? m : ClockMode.RealTime;
        var factor = double.TryParse(config["Switchboard:ClockFactor"], System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;
        var clock = new SimulatorClock(mode, factor, time.GetUtcNow());
        // The clock runs from the moment it is anchored, a few ms after that now at start-up (the JIT); in real
        // time it catches up, so event times agree with the server's clock (bench/notifications.sh measured 4 to 7 ms).
        if (mode == ClockMode.RealTime && time.GetUtcNow() - clock.GetUtcNow() is { Ticks: > 0 } behind) clock.Advance(behind);
        return clock;
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
