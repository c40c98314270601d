using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Data;

/// <summary>
/// The one model. Each provider has its own subclass only so that its migrations are kept apart.
/// </summary>
public abstract class SwitchboardDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Extension> Extensions => Set<Extension>();
    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<ForwardingNumber> ForwardingNumbers => Set<ForwardingNumber>();
    public DbSet<CallHandlingRecord> CallHandling => Set<CallHandlingRecord>();
    public DbSet<Greeting> Greetings => Set<Greeting>();
    public DbSet<DepartmentMember> DepartmentMembers => Set<DepartmentMember>();
    public DbSet<App> Apps => Set<App>();
    public DbSet<JwtCredential> JwtCredentials => Set<JwtCredential>();
    public DbSet<OAuthSession> OAuthSessions => Set<OAuthSession>();
    public DbSet<AuthorizationCode> AuthorizationCodes => Set<AuthorizationCode>();
    public DbSet<ServerSetting> ServerSettings => Set<ServerSetting>();
    public DbSet<IdCounter> IdCounters => Set<IdCounter>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<PendingNotification> PendingNotifications => Set<PendingNotification>();

    /// <summary>Routing writes saved but not yet visible to readers (<see cref="RoutingChanges"/>).</summary>
    internal int RoutingWrites { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are UTC everywhere; SQLite hands them back unspecified and PostgreSQL insists on UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<ExtensionType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ExtensionStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<PhoneNumberUsage>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<PaymentType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<PhoneNumberType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<PhoneNumberStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<DeviceType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<DeviceStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ForwardingNumberType>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<UserStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<DndStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<SubscriptionStatus>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Account>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasMany(a => a.Extensions).WithOne(x => x.Account).HasForeignKey(x => x.AccountId);
            e.HasMany(a => a.PhoneNumbers).WithOne().HasForeignKey(p => p.AccountId);
            e.HasMany(a => a.Devices).WithOne().HasForeignKey(d => d.AccountId);
        });
        model.Entity<Extension>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.AccountId, x.ExtensionNumber }).IsUnique();
            e.HasIndex(x => x.Email);
        });
        model.Entity<PhoneNumber>(e =>
        {
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => p.Number).IsUnique();
            e.HasOne(p => p.Extension).WithMany().HasForeignKey(p => p.ExtensionId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<Device>(e =>
        {
            e.Property(d => d.Id).ValueGeneratedNever();
            e.HasIndex(d => d.ExtensionId);
            e.HasOne<Extension>().WithMany().HasForeignKey(d => d.ExtensionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(d => d.PhoneNumber).WithMany().HasForeignKey(d => d.PhoneNumberId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<ForwardingNumber>(e =>
        {
            e.Property(f => f.Id).ValueGeneratedNever();
            e.Property(f => f.Label).HasMaxLength(60);
            e.HasIndex(f => f.ExtensionId);
            e.HasOne<Extension>().WithMany().HasForeignKey(f => f.ExtensionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Device>().WithMany().HasForeignKey(f => f.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<CallHandlingRecord>(e =>
        {
            e.HasKey(c => c.ExtensionId);
            e.HasIndex(c => c.AccountId);
            e.HasOne<Extension>().WithMany().HasForeignKey(c => c.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Greeting>(e =>
        {
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Type).HasMaxLength(32);
            e.Property(g => g.ContentType).HasMaxLength(32);
            e.HasIndex(g => g.ExtensionId);
            e.HasOne<Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Extension>().WithMany().HasForeignKey(g => g.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DepartmentMember>(e =>
        {
            e.HasKey(m => new { m.DepartmentId, m.ExtensionId });
            e.HasIndex(m => m.ExtensionId);
            e.HasOne<Extension>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Extension>().WithMany().HasForeignKey(m => m.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<App>().HasKey(a => a.ClientId);
        model.Entity<JwtCredential>(e =>
        {
            e.HasIndex(c => c.ExtensionId);
            e.HasOne<Extension>().WithMany().HasForeignKey(c => c.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<OAuthSession>(e =>
        {
            e.HasIndex(s => s.AccessTokenHash).IsUnique();
            e.HasIndex(s => s.RefreshTokenHash).IsUnique();
            e.HasIndex(s => s.PreviousRefreshTokenHash);
            e.HasIndex(s => new { s.ExtensionId, s.ClientId });
            e.HasOne<Extension>().WithMany().HasForeignKey(s => s.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuthorizationCode>().HasKey(c => c.CodeHash);
        model.Entity<ServerSetting>().HasKey(s => s.Key);
        model.Entity<IdCounter>().Property(c => c.Id).ValueGeneratedNever();
        model.Entity<Subscription>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.TransportType).HasMaxLength(32);
            e.HasIndex(s => new { s.ExtensionId, s.ClientId });
            e.HasIndex(s => s.AccountId);
            e.HasOne<Extension>().WithMany().HasForeignKey(s => s.ExtensionId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<PendingNotification>(e =>
        {
            e.HasIndex(n => new { n.SubscriptionId, n.Id });
            e.HasOne<Subscription>().WithMany().HasForeignKey(n => n.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteSwitchboardDb(DbContextOptions<SqliteSwitchboardDb> options) : SwitchboardDb(options);

public sealed class PostgresSwitchboardDb(DbContextOptions<PostgresSwitchboardDb> options) : SwitchboardDb(options);
