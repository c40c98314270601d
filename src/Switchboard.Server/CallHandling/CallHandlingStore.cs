using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.ForwardingNumbers;
using Switchboard.Http;

namespace Switchboard.CallHandling;

/// <summary>An extension's call handling loaded for a request, with what its rules refer to.</summary>
/// <summary>What rules may point at: the account's extensions and numbers, and the extension's own greetings.</summary>
public sealed record RuleReferences(
    IReadOnlyDictionary<long, Extension> Extensions,
    IReadOnlySet<string> AccountNumbers,
    IReadOnlyDictionary<long, string> GreetingTypes);

public sealed class CallHandlingContext(Account account, Extension extension, ForwardingBook book, CallHandlingDocument document, CallHandlingRecord? record, RuleReferences references)
{
    public RuleReferences References { get; } = references;
    public Account Account { get; } = account;
    public Extension Extension { get; } = extension;
    public ForwardingBook Book { get; } = book;
    public CallHandlingDocument Document { get; } = document;
    public CallHandlingRecord? Record { get; set; } = record;

    /// <summary>The time zone the schedules are read in.</summary>
    public string TimeZone => Extension.TimeZone ?? Account.TimeZone;
}

public static class CallHandlingStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(CallHandlingDocument document) => JsonSerializer.Serialize(document, Options);

    public static CallHandlingDocument Deserialize(string json) => JsonSerializer.Deserialize<CallHandlingDocument>(json, Options)!;

    /// <summary>A deep copy, so a request can change a draft and keep the original for comparison.</summary>
    public static CallHandlingDocument Copy(CallHandlingDocument document) => Deserialize(Serialize(document));

    /// <summary>Loads a user extension's call handling; other extension types have no user call handling.</summary>
    public static async Task<(CallHandlingContext? Context, ApiError? Error)> LoadAsync(
        SwitchboardDb db, long accountId, long extensionId, CancellationToken ct)
    {
        var (forwarding, error) = await ForwardingStore.LoadAsync(db, accountId, extensionId, ct);
        if (forwarding is null) return (null, error);
        var record = await db.CallHandling.FirstOrDefaultAsync(c => c.ExtensionId == extensionId, ct);
        var document = record is null ? DefaultDocument(extensionId, forwarding.Book) : Deserialize(record.Document);
        var references = new RuleReferences(
            await db.Extensions.AsNoTracking().Where(e => e.AccountId == accountId).ToDictionaryAsync(e => e.Id, ct),
            (await db.PhoneNumbers.Where(p => p.AccountId == accountId).Select(p => p.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            await db.Greetings.Where(g => g.ExtensionId == extensionId).ToDictionaryAsync(g => g.Id, g => g.Type, ct));
        return (new CallHandlingContext(forwarding.Account, references.Extensions[extensionId], forwarding.Book, document, record, references), null);
    }

    public static CallHandlingDocument DefaultDocument(long extensionId, ForwardingBook book) =>
        Defaults.Document(extensionId, book.Entries.Where(e => e.DeviceId is not null).Select(e => e.Id));

    /// <summary>Writes the document (and any forwarding numbers the change added) in one SaveChanges.</summary>
    public static async Task SaveAsync(SwitchboardDb db, CallHandlingContext context, CancellationToken ct)
    {
        var json = Serialize(context.Document);
        if (context.Record is null)
        {
            context.Record = new CallHandlingRecord { ExtensionId = context.Extension.Id, AccountId = context.Account.Id, Document = json };
            db.CallHandling.Add(context.Record);
        }
        else context.Record.Document = json;
        await ForwardingStore.SaveAsync(db, context.Book, ct);
    }
}
