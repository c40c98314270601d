namespace Switchboard.Hosting;

/// <summary>
/// The command line. Switchboard's own flags become configuration keys, so tests and environment
/// variables can set the same things; every other argument (<c>--urls</c>, <c>--Key=Value</c>) goes to ASP.NET.
/// </summary>
public sealed record Cli(string Command, string? ExportTo, string[] HostArgs, string? AccountId = null)
{
    public const string Usage = """
        switchboard [--seed FILE] [--data DIR] [--overwrite-env] [--env-file FILE] [--urls URL]
        switchboard export [--out FILE] [--data DIR]
        switchboard upgrade-call-handling ACCOUNT_ID [--data DIR]
        switchboard sim COMMAND ...   drive the call simulator of a running server (switchboard sim --help)

          --seed FILE       load accounts, users, numbers, devices and apps from a YAML or JSON file
                            into an empty database instead of the demo
          --data DIR        where the SQLite database lives (default: ./data)
          --overwrite-env   replace an existing .env at first start
          --env-file FILE   where first start writes the variables (default: ./.env)
          --spec-check FILE check every response against a RingCentral OpenAPI spec (for tests)
          export            write the current state in the seed format and exit
          upgrade-call-handling
                            move an account to the new call handling (v2 comm-handling) and exit
        PostgreSQL: set ConnectionStrings__Postgres (or --ConnectionStrings:Postgres=...).
        """;

    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--seed"] = "Switchboard:Seed",
        ["--data"] = "Switchboard:DataDir",
        ["--env-file"] = "Switchboard:EnvFile",
        ["--spec-check"] = "Switchboard:SpecCheck",
    };

    public static Cli Parse(string[] args)
    {
        var command = "serve";
        string? exportTo = null;
        string? accountId = null;
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (i == 0 && arg == "sim") return new Cli("sim", null, args[1..]);
            if (i == 0 && arg is "export" or "serve") command = arg;
            else if (i == 0 && arg == "upgrade-call-handling")
            {
                command = arg;
                if (i + 1 < args.Length) accountId = args[++i];
            }
            else if (arg is "--help" or "-h") command = "help";
            else if (arg == "--overwrite-env") host.Add("--Switchboard:OverwriteEnv=true");
            else if (arg == "--out" && i + 1 < args.Length) exportTo = args[++i];
            else if (Flags.TryGetValue(arg, out var key) && i + 1 < args.Length) host.Add($"--{key}={args[++i]}");
            else host.Add(arg);
        }
        return new Cli(command, exportTo, [.. host], accountId);
    }
}
