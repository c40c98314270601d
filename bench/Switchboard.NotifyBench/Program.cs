using System.Diagnostics;
using System.Globalization;
using Switchboard.NotifyBench;

// Usage: Switchboard.NotifyBench [rate=1000] [seconds=15] [subscribers=100] [warmup=3] [group=10]
// Event-to-frame latency of telephony-session notifications over WebSocket, at `rate` events per second seen
// by one subscriber, with 1 and with `subscribers` subscribers, against the real server in its own process;
// and the same measure, at the same rate and number of clients, against a minimal Kestrel WebSocket server.
// Calls go to departments of `group` members, who ring together, so that one call gives many events
// (placing a call costs the server far more than notifying it); group 0 calls users directly.
var rate = Arg(0, 1000.0);
var seconds = Arg(1, 15.0);
var many = (int)Arg(2, 100.0);
var warmup = Arg(3, 3.0);
var groupSize = (int)Arg(4, 10.0);
const int SubscribersPerUser = 10;            // within 20 subscriptions per user and app, 50 sockets per OAuth session
var hold = TimeSpan.FromMilliseconds(50);     // a call is hung up this long after it was placed
var subscriberUsers = (many + SubscribersPerUser - 1) / SubscribersPerUser;
// Calls go round the groups (or the users), so one's calls do not overlap.
var groups = groupSize > 0 ? 5 : 0;
var users = Math.Max(subscriberUsers, groupSize > 0 ? groups * groupSize : 20);
var dll = Environment.GetEnvironmentVariable("SWITCHBOARD_DLL")
    ?? Path.Combine(RepoRoot(), "src", "Switchboard.Server", "bin", "Release", "net10.0", "switchboard.dll");
const string AccountTelephony = "/restapi/v1.0/account/~/telephony/sessions";

Console.WriteLine($"Switchboard notifications: {rate:N0} events/s per subscriber for {seconds:N0} s (after {warmup:N0} s warm-up), 1 and {many:N0} WebSocket subscribers, {Environment.ProcessorCount} cores");
Console.WriteLine($"Switchboard notifications: inbound calls to {(groupSize > 0 ? $"{groups} departments of {groupSize} users (members ring together)" : $"{users} users")}, the caller hangs up after {hold.TotalMilliseconds:N0} ms; one admin's account-wide subscription per socket");
Console.WriteLine("Switchboard notifications: latency = receive time - body.eventTime; eventTime has 1 ms resolution (truncated), so each figure reads 0 to 1 ms high, the baseline's alike");

// ASP.NET Core's request logging (Information, six console lines per request) is turned down: the bench's own
// requests that place and hang up calls are not what is measured. NOTIFYBENCH_SERVER_ARGS replaces this.
var serverArgs = (Environment.GetEnvironmentVariable("NOTIFYBENCH_SERVER_ARGS") ?? "--Logging:LogLevel:Microsoft.AspNetCore=Warning")
    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
Console.WriteLine($"Switchboard notifications: server started with {(serverArgs.Length == 0 ? "no extra arguments" : string.Join(' ', serverArgs))}");
Progress($"starting {dll} with {users} users");
await using var server = await ServerProcess.StartAsync(dll, BenchSeed.Yaml(users, groups, groupSize), serverArgs);
Progress($"server pid {server.Pid.ToString(CultureInfo.InvariantCulture)} listening at {server.Url}");
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
var api = new Api(http, server.Url);
var driver = await api.LogInAsync(Jwt(0));
var userTokens = new string[subscriberUsers];
for (var u = 0; u < subscriberUsers; u++) userTokens[u] = await api.LogInAsync(Jwt(u));

var serverSubscribers = new List<Subscriber>();
long nextCall = 0, failedCalls = 0;
string? firstFailure = null;
double callRate = 0;
var burst = 1;
Baseline? baseline = null;
try
{
    // Calibration: how many events one call (placed, hung up shortly after) gives, from the simulator's event log.
    const int CalibrationCalls = 20;
    var placed = new HashSet<string>(StringComparer.Ordinal);
    for (var i = 0; i < CalibrationCalls; i++)
    {
        placed.Add(await CallAsync(nextCall++) ?? throw new InvalidOperationException($"A call failed during calibration: {firstFailure}"));
        await Task.Delay(50);
    }
    await Task.Delay(500);
    var eventsPerCall = (await api.RecentEventSessionsAsync(driver)).Count(placed.Contains) / (double)CalibrationCalls;
    if (eventsPerCall < 1) throw new InvalidOperationException("The simulator logged no events during calibration.");
    callRate = rate / eventsPerCall;
    // The baseline sends in bursts as big as what one request (place or hang up) gives, at the same event rate.
    burst = Math.Max(1, (int)Math.Round(eventsPerCall / 2));
    Progress($"{eventsPerCall:N2} events per call: {callRate:N1} calls/s");
    // eventTime comes from the engine's clock: latencies are only as good as its agreement with this machine's.
    var clockLag = await api.EngineClockLagAsync(driver);
    Progress($"the engine's clock is {clockLag:N2} ms behind the wall clock");

    // The first load the server sees, so it warms up longer (the JIT's second tier).
    serverSubscribers.Add(await ConnectToServerAsync(0));
    var results = new List<(string Label, Result Result)> { ("switchboard S=1", await PhaseAsync(serverSubscribers, DriveCallsAsync, warming: warmup + 12)) };
    var template = serverSubscribers[0].First ?? throw new InvalidOperationException("The subscriber received no notification.");
    Progress($"notification frames of {template.Length} bytes");
    baseline = await Baseline.StartAsync(template);
    results.Add(("baseline S=1", await BaselinePhaseAsync(1)));
    if (many > 1)
    {
        Progress($"connecting {many - 1} more subscribers");
        for (var k = 1; k < many; k++) serverSubscribers.Add(await ConnectToServerAsync(k));
        results.Add(($"switchboard S={many}", await PhaseAsync(serverSubscribers, DriveCallsAsync)));
        results.Add(($"baseline S={many}", await BaselinePhaseAsync(many)));
    }

    // The same calls with nobody subscribed: what producing the events costs the server. The sockets close; their
    // sessions overflow their recovery buffers at once and the gateway's sweep (every second) ends them.
    foreach (var s in serverSubscribers) await s.DisposeAsync();
    serverSubscribers.Clear();
    results.Insert(0, ("switchboard S=0", await PhaseAsync([], DriveCallsAsync, Math.Min(seconds, 5), warmup + 2)));
    if (failedCalls > 0) Console.WriteLine($"Switchboard notifications: {failedCalls} call requests failed, the first: {firstFailure}");

    Row("engine clock behind the wall clock ms", clockLag, 2);
    Row("events per call (account-wide subscriber)", eventsPerCall, 2);
    Row("calls/s placed for the target rate", callRate, 1);
    foreach (var (label, r) in results)
    {
        var isServer = label.StartsWith("switchboard", StringComparison.Ordinal);
        if (r.Subscribers > 0)
        {
            Row($"{label}: events/s per subscriber", r.EventsPerSecond, 0);
            Row($"{label}: events timed (per subscriber)", r.Recorded, 0);
            if (r.Subscribers > 1) Row($"{label}: notifications/s delivered", r.Delivered, 0);
            Row($"{label}: latency p50 ms", r.P50, 2);
            Row($"{label}: latency p99 ms", r.P99, 2);
            Row($"{label}: latency max ms", r.Max, 2);
            if (isServer && r.HubP99 is { } hub) Row2($"{label}: eventTime to hub p50/p99 ms", r.HubP50!.Value, hub);
            if (r.Missing > 0) Row($"{label}: notifications missing", r.Missing, 0);
        }
        if (isServer)
        {
            Row($"{label}: server CPU (cores)", r.ServerCores, 2);
            Row($"{label}: server CPU ms per call", r.ServerCores * 1000 / callRate, 2);
        }
        if (r.Subscribers > 0) Row($"{label}: bench process CPU (cores)", r.BenchCores, 2);
    }
}
finally
{
    if (Environment.GetEnvironmentVariable("NOTIFYBENCH_SERVER_OUTPUT") is { Length: > 0 }) Console.Error.WriteLine(server.Output());
    foreach (var s in serverSubscribers) await s.DisposeAsync();
    if (baseline is not null) await baseline.DisposeAsync();
}
return;

async Task<Subscriber> ConnectToServerAsync(int k)
{
    var address = await api.WsAddressAsync(userTokens[k / SubscribersPerUser]);
    return await Subscriber.ConnectAsync(address, socket => Subscriber.SubscribeAsync(socket, AccountTelephony));
}

// Calls at the rate for the duration, then waits for the last ones to be hung up.
async Task DriveCallsAsync(TimeSpan duration)
{
    var calls = new List<Task>();
    await PacedAsync(callRate, duration, () => calls.Add(CallAsync(nextCall++)));
    await Task.WhenAll(calls);
}

// Places a call to the next user and hangs it up after the hold; the telephony session id, null when a request failed.
async Task<string?> CallAsync(long i)
{
    try
    {
        var to = groupSize > 0 ? BenchSeed.GroupNumber((int)(i % groups)) : BenchSeed.DirectNumber((int)(i % users));
        var (session, caller) = await api.PlaceCallAsync(driver, to);
        await Task.Delay(hold);
        await api.HangUpAsync(driver, session, caller);
        return session;
    }
    catch (HttpRequestException e)
    {
        if (Interlocked.Increment(ref failedCalls) == 1) firstFailure = e.Message;
        return null;
    }
}

async Task<Result> BaselinePhaseAsync(int clients)
{
    var subscribers = new List<Subscriber>();
    try
    {
        for (var k = 0; k < clients; k++) subscribers.Add(await Subscriber.ConnectAsync(baseline.Address));
        while (baseline!.Connected < clients) await Task.Delay(10);
        return await PhaseAsync(subscribers, duration => PacedAsync(rate / burst, duration, () =>
        {
            for (var b = 0; b < burst; b++) baseline!.Publish();
        }));
    }
    finally
    {
        foreach (var s in subscribers) await s.DisposeAsync();
    }
}

// Warm-up, then the measured window, then the drain: the window's events that arrive late are still recorded.
async Task<Result> PhaseAsync(IReadOnlyList<Subscriber> subscribers, Func<TimeSpan, Task> drive, double? measured = null, double? warming = null)
{
    var length = measured ?? seconds;
    var warm = warming ?? warmup;
    Progress($"{subscribers.Count} subscribers: {warm + length:N0} s");
    foreach (var s in subscribers) s.Take();
    var driving = drive(TimeSpan.FromSeconds(warm + length));
    await Task.Delay(TimeSpan.FromSeconds(warm));
    using var serverProcess = Process.GetProcessById(server.Pid);
    var (serverCpu, ownCpu) = (serverProcess.TotalProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
    Subscriber.OpenWindow();
    var clock = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(length));
    Subscriber.CloseWindow();
    var window = clock.Elapsed.TotalSeconds;
    serverProcess.Refresh();
    (serverCpu, ownCpu) = (serverProcess.TotalProcessorTime - serverCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
    await driving;
    await QuietAsync(subscribers);
    Subscriber.ResetWindow();
    var inWindow = subscribers.Select(s => s.InWindow).ToArray();
    var taken = subscribers.Select(s => s.Take()).ToArray();
    var latencies = taken.SelectMany(t => t.Latencies).ToArray();
    var hub = taken.SelectMany(t => t.HubDelays).ToArray();
    Array.Sort(latencies);
    Array.Sort(hub);
    // Every subscriber records the same events (those whose time is in the window): any fewer were lost.
    var most = taken.Length == 0 ? 0 : taken.Max(t => t.Latencies.Length);
    return new Result(
        subscribers.Count,
        inWindow.Length == 0 ? 0 : inWindow[0] / window,
        inWindow.Sum() / window,
        Percentile(latencies, 0.50) / 1000.0,
        Percentile(latencies, 0.99) / 1000.0,
        Percentile(latencies, 1.0) / 1000.0,
        hub.Length > 0 ? Percentile(hub, 0.99) : null,
        hub.Length > 0 ? Percentile(hub, 0.50) : null,
        most,
        (long)most * subscribers.Count - latencies.Length,
        serverCpu.TotalSeconds / window,
        ownCpu.TotalSeconds / window);
}

static async Task PacedAsync(double perSecond, TimeSpan duration, Action fire)
{
    var clock = Stopwatch.StartNew();
    long fired = 0;
    while (clock.Elapsed < duration)
    {
        var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
        while (fired < due)
        {
            fire();
            fired++;
        }
        await Task.Delay(1);
    }
}

// Until nothing has arrived for half a second.
static async Task QuietAsync(IReadOnlyList<Subscriber> subscribers)
{
    var last = -1L;
    for (var i = 0; i < 120; i++)
    {
        var now = subscribers.Sum(s => s.Received);
        if (now == last) return;
        last = now;
        await Task.Delay(500);
    }
}

static double Percentile(int[] sorted, double q) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

string Jwt(int user) => server.Env.TryGetValue(BenchSeed.JwtVariable(user), out var jwt) ? jwt
    : throw new InvalidOperationException($"The server's .env has no {BenchSeed.JwtVariable(user)}.");

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx"))) return dir.FullName;
    throw new InvalidOperationException("Run from the repository (Switchboard.slnx not found), or set SWITCHBOARD_DLL.");
}

static void Progress(string message) => Console.Error.WriteLine($"  notifybench: {message}");

double Arg(int index, double fallback) =>
    args.Length > index && double.TryParse(args[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;

static void Row(string name, double value, int decimals) =>
    Console.WriteLine($"| {name,-48} | {value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),14} |");

// Two whole milliseconds (the envelope's timestamp has millisecond resolution too).
static void Row2(string name, double first, double second) =>
    Console.WriteLine($"| {name,-48} | {$"{first.ToString("N0", CultureInfo.InvariantCulture)} / {second.ToString("N0", CultureInfo.InvariantCulture)}",14} |");

/// <summary>One phase: rates over the window; latencies over every notification of the window and its drain.</summary>
internal sealed record Result(
    int Subscribers, double EventsPerSecond, double Delivered, double P50, double P99, double Max, double? HubP99, double? HubP50, int Recorded, long Missing,
    double ServerCores, double BenchCores);
