using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Switchboard.Data;

/// <summary>
/// A version that moves on every write to what routes calls (accounts, extensions, numbers, devices,
/// forwarding numbers, call handling, greetings, department members), so a cache of routing data
/// knows when to read again. It moves before a write and again once it is visible to readers (after
/// SaveChanges, or at commit when an explicit transaction holds it), so a read made in between is
/// never kept under the final version. Subscriptions, tokens and notifications do not move it.
/// </summary>
public sealed class RoutingChanges
{
    private long _version;

    public long Version => Volatile.Read(ref _version);

    internal void Bump() => Interlocked.Increment(ref _version);

    internal IInterceptor[] Interceptors() => [new Saves(this), new Commits(this)];

    private static bool Routes(object entity) =>
        entity is Account or Extension or PhoneNumber or Device or ForwardingNumber or CallHandlingRecord or Greeting or DepartmentMember;

    private sealed class Saves(RoutingChanges changes) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Saving(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        {
            Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
        {
            Saved(eventData.Context);
            return Task.CompletedTask;
        }

        private void Saving(DbContext? context)
        {
            if (context is not SwitchboardDb db) return;
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Routes(entry.Entity)) continue;
                db.RoutingWrites++;
                changes.Bump();
                return;
            }
        }

        private void Saved(DbContext? context)
        {
            // Inside an explicit transaction the write is visible at commit; Commits moves the version then.
            if (context is not SwitchboardDb { RoutingWrites: > 0 } db || db.Database.CurrentTransaction is not null) return;
            db.RoutingWrites = 0;
            changes.Bump();
        }
    }

    private sealed class Commits(RoutingChanges changes) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Ended(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Ended(eventData.Context);
            return Task.CompletedTask;
        }

        private void Ended(DbContext? context)
        {
            if (context is not SwitchboardDb { RoutingWrites: > 0 } db) return;
            db.RoutingWrites = 0;
            changes.Bump();
        }
    }
}
