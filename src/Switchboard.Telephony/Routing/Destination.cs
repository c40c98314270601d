namespace Switchboard.Telephony.Routing;

/// <summary>Which extension a dialled number reaches (seed 003's number usage types).</summary>
internal static class Destination
{
    /// <summary>The extension the call is delivered to, or null (with the reason added) when nobody takes it.</summary>
    public static (ExtensionSnapshot? Extension, long? ExtensionId) Find(CallContext call)
    {
        var to = call.Request.To;
        if (call.Request.ToExtensionId is { } handed && call.Account.Extensions.TryGetValue(handed, out var extension))
        {
            call.Why.Add($"The call is handed to {CallContext.Name(extension)}.");
            return (extension, extension.Id);
        }
        if (call.Request.FromExtensionId is not null && call.Account.ByExtensionNumber(to) is { } dialled)
        {
            call.Why.Add($"{Text.Capitalize(CallContext.Name(dialled))} is dialled from inside the account.");
            return (dialled, dialled.Id);
        }
        if (Lookup(call.Account, to) is not { } number)
        {
            call.Why.Add(call.Request.FromExtensionId is null
                ? $"The number {to} does not belong to this account."
                : $"{to} is neither an extension number nor a number of this account.");
            return (null, null);
        }
        call.Dialled = number.PhoneNumber;
        return number.Kind switch
        {
            LineKind.CompanyFaxNumber => Refused(call, number.ExtensionId,
                $"{number.PhoneNumber} is the company fax number; Switchboard does not simulate fax calls."),
            LineKind.DirectNumber => Mapped(call, number, "the direct number of"),
            LineKind.MainCompanyNumber when number.ExtensionId is not null => Mapped(call, number, "the main company number, mapped to"),
            LineKind.CompanyNumber when number.ExtensionId is not null => Mapped(call, number, "a company number mapped to"),
            LineKind.MainCompanyNumber => AutoReceptionist(call, number, "the main company number"),
            LineKind.CompanyNumber => AutoReceptionist(call, number, "a company number"),
            LineKind.Other when number.ExtensionId is not null => Mapped(call, number, "a number of the account mapped to"),
            LineKind.Other => Refused(call, null, $"{number.PhoneNumber} is not mapped to any extension."),
        };
    }

    // Callers may leave out the leading plus; the account's numbers are stored in E.164.
    private static NumberSnapshot? Lookup(AccountSnapshot account, string to) =>
        account.Numbers.GetValueOrDefault(to) ?? (to.StartsWith('+') ? null : account.Numbers.GetValueOrDefault("+" + to));

    private static (ExtensionSnapshot?, long?) Mapped(CallContext call, NumberSnapshot number, string what)
    {
        var id = number.ExtensionId!.Value;
        if (!call.Account.Extensions.TryGetValue(id, out var extension))
            return Refused(call, id, $"{number.PhoneNumber} is mapped to extension id {id}, which does not exist.");
        call.Why.Add($"{number.PhoneNumber} is {what} {CallContext.Name(extension)}.");
        return (extension, id);
    }

    /// <summary>
    /// An unmapped company number reaches the auto-receptionist: the account's IVR menu, or the operator
    /// (the system extension, whose id is the account's) when there is none.
    /// </summary>
    private static (ExtensionSnapshot?, long?) AutoReceptionist(CallContext call, NumberSnapshot number, string what)
    {
        var menu = call.Account.Extensions.Values
            .Where(e => e.Kind == ExtensionKind.IvrMenu && e.Enabled)
            .OrderBy(e => e.Id)
            .FirstOrDefault();
        if (menu is not null)
        {
            call.Why.Add($"{number.PhoneNumber} is {what}, not mapped to an extension, so the auto-receptionist {CallContext.Name(menu)} answers.");
            return (menu, menu.Id);
        }
        if (call.Account.Extensions.TryGetValue(call.Account.Id, out var @operator))
        {
            call.Why.Add($"{number.PhoneNumber} is {what}, not mapped to an extension, and the account has no IVR menu, so the operator {CallContext.Name(@operator)} takes the call.");
            return (@operator, @operator.Id);
        }
        return Refused(call, null, $"{number.PhoneNumber} is {what}, not mapped to an extension, and the account has neither an IVR menu nor an operator extension.");
    }

    private static (ExtensionSnapshot?, long?) Refused(CallContext call, long? extensionId, string reason)
    {
        call.Why.Add(reason);
        return (null, extensionId);
    }
}
