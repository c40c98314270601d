using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.CallHandling;
using Switchboard.Data;
using Switchboard.Tests.Support;

namespace Switchboard.Tests.Greetings;

/// <summary>Greeting upload bodies in the forms the clients send, and the stored call handling to check them against.</summary>
internal static class GreetingBodies
{
    /// <summary>Not a real MP3, which is fine: the platform's formats are checked by content type only.</summary>
    public static readonly byte[] Mp3 = [.. "ID3"u8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0xFF, 0xFB, 0x90, 0x64];

    public static readonly byte[] Wav = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8];

    /// <summary>Seed 002's sample: the fields as a file part named <c>json</c>, the audio as <c>binary</c>.</summary>
    public static MultipartFormDataContent FormData(object json, byte[]? audio = null, string audioType = "audio/mpeg")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(json));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "json", "request.json");
        AddAudio(form, audio ?? Mp3, audioType);
        return form;
    }

    /// <summary>The spec's form-data fields as plain form fields.</summary>
    public static MultipartFormDataContent FormFields(IDictionary<string, string> fields, byte[]? audio = null, string audioType = "audio/mpeg")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        AddAudio(form, audio ?? Mp3, audioType);
        return form;
    }

    /// <summary>multipart/mixed as RingCentral's SDKs build it: an unnamed JSON part, then the unnamed audio.</summary>
    public static MultipartContent Mixed(string json, byte[]? audio = null, string audioType = "audio/mpeg")
    {
        var mixed = new MultipartContent("mixed") { new StringContent(json, Encoding.UTF8, "application/json") };
        var file = new ByteArrayContent(audio ?? Mp3);
        file.Headers.ContentType = new MediaTypeHeaderValue(audioType);
        mixed.Add(file);
        return mixed;
    }

    private static void AddAudio(MultipartFormDataContent form, byte[] audio, string audioType)
    {
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(audioType);
        form.Add(file, "binary", "greeting.mp3");
    }

    public static async Task<CallHandlingDocument> DocumentAsync(this SwitchboardHost host, long accountId, long extensionId)
    {
        using var scope = host.Services.CreateScope();
        var (context, error) = await CallHandlingStore.LoadAsync(scope.ServiceProvider.GetRequiredService<SwitchboardDb>(), accountId, extensionId, default);
        Assert.Null(error);
        return context!.Document;
    }

    public static async Task AddCustomRuleAsync(this SwitchboardHost host, long accountId, long extensionId, long ruleId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDb>();
        var (context, _) = await CallHandlingStore.LoadAsync(db, accountId, extensionId, default);
        context!.Document.Rules.Add(new InteractionRule { Id = ruleId, Name = "VIP callers", Dispatch = Defaults.Ringing(extensionId, []) });
        await CallHandlingStore.SaveAsync(db, context, default);
    }

    /// <summary>What a failed request must leave untouched: the greetings and the rules.</summary>
    public static async Task<string> StateAsync(this SwitchboardHost host, long accountId, long extensionId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDb>();
        var greetings = string.Join(",", db.Greetings.Select(g => g.Id).OrderBy(id => id));
        return greetings + "|" + CallHandlingStore.Serialize(await host.DocumentAsync(accountId, extensionId));
    }
}
