using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Sdk;

namespace Switchboard.Tests.Support;

public static class Http
{
    /// <summary>Asserts the status (showing the body when it is wrong) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectJsonAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != status)
            throw new XunitException($"Expected {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task ExpectEmptyAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != status)
            throw new XunitException($"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("", body);
    }

    /// <summary>Asserts a RingCentral error envelope with this status and code, and returns its first error.</summary>
    public static async Task<JsonElement> ExpectErrorAsync(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.ExpectJsonAsync(status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        return error;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, int status = 200) =>
        await (await client.GetAsync(path)).ExpectJsonAsync(status);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string? body, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
        return client.SendAsync(request);
    }

    public static string[] Strings(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).ToString())];
}
