using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Switchboard.NotifyBench;

/// <summary>
/// The real server (switchboard.dll, Release) in its own process, on a free loopback port, with a fresh
/// temporary data folder and the bench's seed; stopped by its PID and the folder deleted at the end.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _dir;
    // The start of the output (for a failed start), and the most recent lines.
    private readonly StringBuilder _output = new();
    private readonly Queue<string> _recent = new();
    private PosixSignalRegistration[] _signals = [];

    private ServerProcess(Process process, DirectoryInfo dir, string url)
    {
        _process = process;
        _dir = dir;
        Url = url;
    }

    public string Url { get; }
    public int Pid => _process.Id;

    /// <summary>The variables the server wrote to its .env (the users' JWT credentials among them).</summary>
    public IReadOnlyDictionary<string, string> Env { get; private set; } = new Dictionary<string, string>();

    public static async Task<ServerProcess> StartAsync(string dll, string seedYaml, IEnumerable<string> extraArgs)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the server in Release first: {dll} is missing.", dll);
        var dir = Directory.CreateTempSubdirectory("switchboard-notifybench-");
        var seed = Path.Combine(dir.FullName, "seed.yaml");
        var env = Path.Combine(dir.FullName, ".env");
        await File.WriteAllTextAsync(seed, seedYaml);
        var url = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", url, "--data", Path.Combine(dir.FullName, "data"), "--env-file", env, "--seed", seed }.Concat(extraArgs))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, dir, url);
        // Interrupted (Ctrl-C, SIGTERM) or ended without DisposeAsync: the server does not outlive the bench.
        server._signals = [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => server.KillNow()),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => server.KillNow()),
        ];
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.KillNow();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The output is read all the time, so a chatty server never blocks on a full pipe; the start is kept for errors.
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (server._output)
            {
                if (server._output.Length < 64 * 1024) server._output.AppendLine(e.Data);
                else
                {
                    server._recent.Enqueue(e.Data);
                    if (server._recent.Count > 200) server._recent.Dequeue();
                }
            }
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != listening.Task)
        {
            var output = server.Output();
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not start ({(first == exited ? "it exited" : "timeout")}):\n{output}");
        }
        server.Env = File.ReadAllLines(env)
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        return server;
    }

    public string Output()
    {
        lock (_output) return _output + (_recent.Count > 0 ? "...\n" + string.Join('\n', _recent) : "");
    }

    /// <summary>SIGTERM to the server's PID, a hard kill of that PID if it has not exited after 10 s; then the folder goes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        foreach (var signal in _signals) signal.Dispose();
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _dir.Delete(recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
