using System.Text;
using Switchboard.OAuth;

namespace Switchboard.Seeding;

/// <summary>
/// The variables RingCentral's samples read (RC_SERVER_URL, RC_APP_CLIENT_ID, RC_APP_CLIENT_SECRET,
/// RC_USER_JWT, ...), printed at first start and written to .env.
/// </summary>
public static class EnvFile
{
    public static string Render(string serverUrl, SeedResult seed, ServerKeys keys)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by Switchboard at first start. Point RingCentral's SDKs at RC_SERVER_URL.");
        text.AppendLine($"RC_SERVER_URL={serverUrl}");
        if (seed.EnvClientId is not null)
        {
            text.AppendLine($"RC_APP_CLIENT_ID={seed.EnvClientId}");
            if (seed.EnvClientSecret is not null) text.AppendLine($"RC_APP_CLIENT_SECRET={seed.EnvClientSecret}");
        }
        foreach (var (env, credential) in seed.EnvCredentials)
            text.AppendLine($"{env}={CredentialJwt.For(keys, credential)}");
        if (seed.EnvLogin is var (username, extension, password))
        {
            text.AppendLine($"RC_USERNAME={username}");
            text.AppendLine($"RC_EXTENSION={extension}");
            text.AppendLine($"RC_PASSWORD={password}");
        }
        return text.ToString();
    }

    /// <summary>Writes the file unless it exists and <paramref name="overwrite"/> is false; says which happened.</summary>
    public static bool Write(string path, string content, bool overwrite)
    {
        if (File.Exists(path) && !overwrite) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content);
        return true;
    }
}
