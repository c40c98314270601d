using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.OAuth;

/// <summary>
/// The JWT credentials the server issues (HS256). A credential's token is a pure function of the
/// signing key and the credential, so it can be shown again and nothing secret is stored per credential.
/// </summary>
public static class Jwt
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public sealed record Claims(string CredentialId, long ExtensionId, string? ClientId, long IssuedAt, long? ExpiresAt);

    public static string Sign(byte[] key, Claims claims)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", "switchboard");
            json.WriteString("sub", claims.ExtensionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("jti", claims.CredentialId);
            if (claims.ClientId is not null) json.WriteString("aud", claims.ClientId);
            json.WriteNumber("iat", claims.IssuedAt);
            if (claims.ExpiresAt is { } exp) json.WriteNumber("exp", exp);
            json.WriteEndObject();
        }
        var signingInput = Header + "." + Base64Url.EncodeToString(buffer.ToArray());
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The claims of a well-formed token with a valid signature; null otherwise.</summary>
    public static Claims? Verify(byte[] key, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header) return null;
        byte[] signature, payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException) { return null; }
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return null;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            if (!long.TryParse(root.GetProperty("sub").GetString(), out var extensionId)) return null;
            return new Claims(
                root.GetProperty("jti").GetString() ?? "",
                extensionId,
                root.TryGetProperty("aud", out var aud) ? aud.GetString() : null,
                root.TryGetProperty("iat", out var iat) ? iat.GetInt64() : 0,
                root.TryGetProperty("exp", out var exp) ? exp.GetInt64() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
