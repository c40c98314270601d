using System.Globalization;
using System.Text;

namespace Switchboard.NotifyBench;

/// <summary>
/// The seed: one account, <c>users</c> administrators each with a direct number, a softphone on it and a JWT
/// credential (written to .env as BENCH_JWT_n), <c>groups</c> departments of <c>groupSize</c> users each (the
/// first users; members ring together) with a number of their own, and one app with every permission.
/// </summary>
internal static class BenchSeed
{
    public const string ClientId = "bench-app";
    public const string ClientSecret = "bench-secret";
    /// <summary>The outside number every call comes from.</summary>
    public const string Caller = "+16505550000";

    public static string JwtVariable(int user) => "BENCH_JWT_" + user.ToString(CultureInfo.InvariantCulture);

    public static string DirectNumber(int user) => "+1212" + (6_000_000 + user).ToString(CultureInfo.InvariantCulture);

    public static string GroupNumber(int group) => "+1212" + (7_000_000 + group).ToString(CultureInfo.InvariantCulture);

    public static string Yaml(int users, int groups, int groupSize)
    {
        if (groups * groupSize > users) throw new ArgumentException("The groups need more users than there are.", nameof(groups));
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apps:
              - clientId: {ClientId}
                name: Notification Bench
                clientSecret: {ClientSecret}
                permissions: [ReadAccounts, EditExtensions, EditAccounts, Accounts, CallControl, ReadPresence, EditPresence,
                              RingOut, ReadCallLog, WebSocketsSubscriptions, WebhookSubscriptions, ReadMessages, EditMessages]
            accounts:
              - companyName: Notification Bench
                timeZone: America/New_York
                extensions:

            """);
        for (var i = 0; i < users; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                      - extensionNumber: "{1000 + i}"
                        firstName: User{n}
                        lastName: Bench
                        email: user{n}@bench.example
                        administrator: true
                        jwtCredentials: [{"{"} id: bench-jwt-{n}, app: {ClientId}, env: {JwtVariable(i)} {"}"}]
                        devices:
                          - {"{"} type: SoftPhone, name: Softphone {n}, phoneNumber: "{DirectNumber(i)}" {"}"}

                """);
        }
        for (var g = 0; g < groups; g++)
        {
            var members = string.Join(", ", Enumerable.Range(g * groupSize, groupSize).Select(i => $"\"{1000 + i}\""));
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ extensionNumber: \"{9000 + g}\", type: Department, name: Group {g}, members: [{members}] }}\n");
        }
        yaml.Append("""
                phoneNumbers:
                  - { number: "+12125550100", usageType: MainCompanyNumber }

            """);
        for (var i = 0; i < users; i++)
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ number: \"{DirectNumber(i)}\", usageType: DirectNumber, extension: \"{1000 + i}\" }}\n");
        for (var g = 0; g < groups; g++)
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ number: \"{GroupNumber(g)}\", usageType: DirectNumber, extension: \"{9000 + g}\" }}\n");
        return yaml.ToString();
    }
}
