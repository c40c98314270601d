using Npgsql;

namespace Switchboard.Tests.Support;

/// <summary>
/// A fresh, empty database for one host: a SQLite file in a temporary folder, or, when
/// SWITCHBOARD_TEST_POSTGRES names a server, a new PostgreSQL database on it (dropped afterwards),
/// copied from a template the migrations ran on once per test run (migrating each new database took
/// most of a host's start on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _adminConnection = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_POSTGRES");
    private readonly string? _name;

    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("switchboard-test-").FullName;
        if (string.IsNullOrEmpty(_adminConnection)) return;
        _name = "sbtest_" + Guid.NewGuid().ToString("N")[..12];
        var template = Template.Value;
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {_name} TEMPLATE {template}", connection);
        create.ExecuteNonQuery();
        PostgresConnection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _name }.ConnectionString;
    }

    private static readonly Lazy<string> Template = new(CreateTemplate);

    /// <summary>A migrated, empty database to copy; no connection stays open to it (PostgreSQL copies only an unused one).</summary>
    private static string CreateTemplate()
    {
        var admin = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_POSTGRES")!;
        var name = "sbtemplate_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        new Switchboard.Data.Database(Switchboard.Data.DatabaseProvider.Postgres, connectionString).MigrateAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        };
        return name;
    }

    public string Folder { get; }

    /// <summary>Null when the tests run on SQLite.</summary>
    public string? PostgresConnection { get; }

    public static bool OnPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_POSTGRES"));

    public void Dispose()
    {
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_adminConnection);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
