using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Http;

public static class WireEnum
{
    /// <summary>
    /// A value by its spec name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> alone
    /// also takes numbers ("1") and comma lists, which on the wire are invalid values, not enum members.
    /// </summary>
    public static bool TryParse<T>([NotNullWhen(true)] string? text, out T value) where T : struct, Enum =>
        // A comma list parses to the members' bitwise OR, which can be a defined member ("Inbound,Outbound" is Outbound).
        Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value) && char.IsAsciiLetter(text![0]) && !text.Contains(',');
}
