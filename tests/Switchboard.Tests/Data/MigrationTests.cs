using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Model_HasAMigrationForEveryChange_OnBothProviders()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteSwitchboardDb");
        Assert.False(postgres.Database.HasPendingModelChanges(), "run dotnet ef migrations add for PostgresSwitchboardDb");
    }
}
