using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Switchboard.Tests.Support;

/// <summary>
/// The real server in memory, on its own fresh database, seeded from tests/fixtures/accounts.yaml,
/// with a clock the test moves and every response checked against the RingCentral spec.
/// </summary>
public class SwitchboardHost : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();
    private Dictionary<string, string>? _env;

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Folder => _database.Folder;

    public string EnvPath => Path.Combine(_database.Folder, ".env");

    /// <summary>The seed file to start from; null starts from the embedded demo.</summary>
    protected virtual string? SeedFile => Repo.File("tests", "fixtures", "accounts.yaml");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Switchboard:DataDir", _database.Folder);
        builder.UseSetting("Switchboard:EnvFile", EnvPath);
        builder.UseSetting("Switchboard:Clock", "Manual"); // calls move only when a test advances the simulator's clock
        builder.UseSetting("Switchboard:SpecCheck", Repo.File("spec", "rc-public-openapi.yml"));
        if (SeedFile is not null) builder.UseSetting("Switchboard:Seed", SeedFile);
        if (_database.PostgresConnection is not null) builder.UseSetting("ConnectionStrings:Postgres", _database.PostgresConnection);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>The variables the server wrote to .env at first start.</summary>
    public IReadOnlyDictionary<string, string> Env
    {
        get
        {
            _ = Server; // starting the host writes the file
            return _env ??= File.ReadAllLines(EnvPath)
                .Where(l => l.Contains('=') && !l.StartsWith('#'))
                .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        }
    }

    public Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form, string? clientId = "test-app", string? secret = "test-secret")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/restapi/oauth/token") { Content = new FormUrlEncodedContent(form) };
        if (clientId is not null && secret is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return CreateClient().SendAsync(request);
    }

    /// <summary>Signs in with a JWT from .env and returns the token response.</summary>
    public async Task<JsonElement> LoginAsync(string jwtVariable = "RC_USER_JWT", string clientId = "test-app", string secret = "test-secret")
    {
        var response = await TokenAsync(new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = Env[jwtVariable],
        }, clientId, secret);
        return await response.ExpectJsonAsync(200);
    }

    /// <summary>A client authenticated as the user of a JWT from .env.</summary>
    public async Task<HttpClient> ClientAsync(string jwtVariable = "RC_USER_JWT", string clientId = "test-app", string secret = "test-secret") =>
        ClientWith((await LoginAsync(jwtVariable, clientId, secret)).GetProperty("access_token").GetString()!);

    public HttpClient ClientWith(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}

/// <summary>A host started from the embedded demo instead of the test fixtures.</summary>
public sealed class DemoHost : SwitchboardHost
{
    protected override string? SeedFile => null;
}
