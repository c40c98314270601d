using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Switchboard.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Which database the server uses; hands out pooled contexts for it.</summary>
public sealed class Database
{
    private readonly Func<SwitchboardDb> _create;

    public Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        var interceptors = RoutingChanges.Interceptors();
        _create = provider switch
        {
            DatabaseProvider.Sqlite => new PooledDbContextFactory<SqliteSwitchboardDb>(
                new DbContextOptionsBuilder<SqliteSwitchboardDb>().UseSqlite(connectionString).AddInterceptors(interceptors).Options).CreateDbContext,
            DatabaseProvider.Postgres => new PooledDbContextFactory<PostgresSwitchboardDb>(
                new DbContextOptionsBuilder<PostgresSwitchboardDb>().UseNpgsql(connectionString).AddInterceptors(interceptors).Options).CreateDbContext,
        };
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Moves on every write that changes how calls are routed.</summary>
    public RoutingChanges RoutingChanges { get; } = new();

    public static Database SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True");

    public SwitchboardDb CreateContext() => _create();

    /// <summary>Applies the provider's migrations; on SQLite also switches to WAL so readers never wait for the writer.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        if (Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        return !await db.Accounts.AnyAsync(ct);
    }
}
