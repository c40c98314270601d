using Microsoft.EntityFrameworkCore;

namespace Switchboard.Data;

/// <summary>
/// Hands out ids for every entity from one counter in the database, reserved in blocks so
/// that a request rarely touches the counter. Reservations commit on their own connection:
/// take ids before opening a transaction, never inside one.
/// </summary>
public sealed class IdAllocator(Database database)
{
    private const int BlockSize = 100;
    /// <summary>First id of a fresh database: RingCentral-sized numbers.</summary>
    public const long FirstId = 400_000_000_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _next;
    private long _end;

    public async Task<long> NextAsync(CancellationToken ct = default) => (await ReserveAsync(1, ct))[0];

    public async Task<long[]> ReserveAsync(int count, CancellationToken ct = default)
    {
        var ids = new long[count];
        await _gate.WaitAsync(ct);
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (_next == _end)
                {
                    var take = Math.Max(BlockSize, count - i);
                    _end = await ReserveBlockAsync(take, ct);
                    _next = _end - take;
                }
                ids[i] = _next++;
            }
        }
        finally { _gate.Release(); }
        return ids;
    }

    /// <summary>Moves the counter past <paramref name="id"/>, after ids were set from outside (a seed file).</summary>
    public async Task EnsureAboveAsync(long id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        await db.IdCounters.Where(c => c.Id == 1 && c.Next <= id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Next, id + 1), ct);
        if (!await db.IdCounters.AnyAsync(ct))
        {
            db.IdCounters.Add(new IdCounter { Id = 1, Next = Math.Max(FirstId, id + 1) });
            await db.SaveChangesAsync(ct);
        }
        await _gate.WaitAsync(ct);
        _next = _end = 0; // our cached block may now overlap; take a fresh one
        _gate.Release();
    }

    private async Task<long> ReserveBlockAsync(int size, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var end = await db.Database
            .SqlQueryRaw<long>("UPDATE \"IdCounters\" SET \"Next\" = \"Next\" + {0} WHERE \"Id\" = 1 RETURNING \"Next\" AS \"Value\"", size)
            .ToListAsync(ct);
        if (end.Count == 1) return end[0];
        db.IdCounters.Add(new IdCounter { Id = 1, Next = FirstId + size });
        await db.SaveChangesAsync(ct);
        return FirstId + size;
    }
}
