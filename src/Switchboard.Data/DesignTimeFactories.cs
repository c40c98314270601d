using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Switchboard.Data;

// Used by `dotnet ef migrations add`; the connection strings only tell EF which provider to model for.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSwitchboardDb>
{
    public SqliteSwitchboardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSwitchboardDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSwitchboardDb>
{
    public PostgresSwitchboardDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSwitchboardDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
