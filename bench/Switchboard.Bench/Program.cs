using System.Diagnostics;
using System.Globalization;
using Switchboard.Bench;
using Switchboard.Telephony.Runtime;
using Switchboard.Telephony.Sessions;

// Usage: Switchboard.Bench [calls=200000] [concurrency=1000] [idle=100000] [users=2000]
var calls = Arg(0, 200_000);
var concurrency = Arg(1, 1_000);
var idle = Arg(2, 100_000);
var users = Arg(3, 2_000);
Console.WriteLine($"Switchboard call engine: {calls:N0} calls, concurrency {concurrency:N0}, {idle:N0} idle sessions, {users:N0} users, {Environment.ProcessorCount} cores");

// Full calls: inbound, ring, answer, hang up; a subscriber consumes every event.
var account = new BenchAccount(users, TimeSpan.FromSeconds(20));
var engine = new CallEngine(account, TimeProvider.System, account.Route, recentEvents: 1_000);
var consumer = new Consumer();
using (engine.Subscribe(consumer.Consume))
{
    await RunCalls(engine, account, Math.Min(calls, 20_000), concurrency); // warm-up: JIT, tiering, pools
    consumer.Reset();
    var allocated = GC.GetTotalAllocatedBytes();
    var clock = Stopwatch.StartNew();
    await RunCalls(engine, account, calls, concurrency);
    await engine.WhenIdleAsync();
    var elapsed = clock.Elapsed;
    var bytesPerCall = (GC.GetTotalAllocatedBytes() - allocated) / (double)calls;
    var events = consumer.Count;
    if (events != calls * 8L) throw new InvalidOperationException($"Expected {calls * 8L} events, the subscriber saw {events}.");

    // The floor: the same number of events handed to the same subscriber by a bare loop.
    var floor = BareLoop(consumer, events);

    Row("engine: full calls/s", calls / elapsed.TotalSeconds);
    Row("engine: events/s", events / elapsed.TotalSeconds);
    Row("engine: allocated bytes/call", bytesPerCall);
    Row("baseline: events/s (bare loop, same subscriber)", events / floor.TotalSeconds);
    Row("engine: live sessions after the run", engine.LiveCount);
}

// Idle: calls that keep ringing (an hour-long ring step), each with its timer; memory per session after a full GC.
var idleAccount = new BenchAccount(users, TimeSpan.FromHours(1));
var idleEngine = new CallEngine(idleAccount, TimeProvider.System, idleAccount.Route);
var before = GC.GetTotalMemory(forceFullCollection: true);
await Parallelly(idle, concurrency, async i =>
{
    var r = await idleEngine.PlaceInboundAsync(Caller(i), idleAccount.Users[i % users].Number);
    if (r.Error is not null) throw new InvalidOperationException(r.Message);
});
await idleEngine.WhenIdleAsync();
var after = GC.GetTotalMemory(forceFullCollection: true);
Row("idle: ringing sessions", idleEngine.LiveCount);
Row("idle: bytes/session (managed heap)", (after - before) / (double)idle);
Row("idle: managed heap MB", after / 1048576.0);
Row("idle: process working set MB", Environment.WorkingSet / 1048576.0);
GC.KeepAlive(idleEngine);
return;

static async Task RunCalls(CallEngine engine, BenchAccount account, int calls, int concurrency) =>
    await Parallelly(calls, concurrency, async i =>
    {
        var user = account.Users[i % account.Users.Length];
        var placed = await engine.PlaceInboundAsync(Caller(i), user.Number);
        var call = placed.Value ?? throw new InvalidOperationException(placed.Message);
        var answered = await engine.AnswerAsync(call.TelephonySessionId, call.Parties[1].Id, user.DeskId);
        if (answered.Error is not null) throw new InvalidOperationException(answered.Message);
        await engine.HangUpAsync(call.TelephonySessionId, call.Parties[i % 2].Id);
    });

// Runs work(0..count-1) with at most `concurrency` in flight.
static async Task Parallelly(int count, int concurrency, Func<int, Task> work)
{
    var next = -1;
    var workers = new Task[Math.Min(concurrency, count)];
    for (var w = 0; w < workers.Length; w++)
        workers[w] = Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await work(i);
        });
    await Task.WhenAll(workers);
}

static TimeSpan BareLoop(Consumer consumer, long events)
{
    var sample = new TelephonyEvent(1, "s-0", "1", 1, DateTimeOffset.UnixEpoch, OriginType.Call,
        new Party("p-0-1", 1, null, CallDirection.Outbound, new CallEndpoint("+1"), new CallEndpoint("+2"), PartyStatus.Setup));
    var clock = Stopwatch.StartNew();
    for (var i = 0L; i < events; i++) consumer.Consume(sample);
    return clock.Elapsed;
}

static string Caller(int i) => "+1212" + (5_000_000 + i % 1_000_000).ToString(CultureInfo.InvariantCulture);

int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;

static void Row(string name, double value) => Console.WriteLine($"| {name,-48} | {value,14:N0} |");

/// <summary>The subscriber: counts events and folds their sequences, so the work cannot be optimised away.</summary>
internal sealed class Consumer
{
    private long _count;
    private long _checksum;

    public long Count => Interlocked.Read(ref _count);

    public void Consume(TelephonyEvent e)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _checksum, e.Sequence);
    }

    public void Reset() => Interlocked.Exchange(ref _count, 0);
}
