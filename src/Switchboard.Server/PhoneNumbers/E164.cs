using PhoneNumbers;

namespace Switchboard.PhoneNumbers;

/// <summary>Phone numbers in E.164 (<c>+16505550100</c>), read with Google's libphonenumber.</summary>
public static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>What a phone of the account dials: a short extension number as it is, any other number in E.164.</summary>
    public static string? Dialled(string? input) =>
        input is { Length: >= 1 and <= 8 } && input.All(char.IsAsciiDigit) ? input : Normalize(input);

    /// <summary>
    /// The E.164 form of a number that could exist (right length for its country), or null.
    /// Numbers without a country code are read as the account's country. Plausibility, not
    /// assignment, is checked: RingCentral's own samples use unassigned area codes.
    /// </summary>
    public static string? Normalize(string? input, string defaultRegion = "US")
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var text = input.Trim();
        foreach (var c in text)
            if (char.IsLetter(c)) return null;
        // Digits without '+' that start with a country code, as RingCentral's samples write them (11235557890).
        return Possible(text, defaultRegion) ?? (text.StartsWith('+') ? null : Possible("+" + text, defaultRegion));
    }

    private static string? Possible(string text, string region)
    {
        try
        {
            var number = Util.Parse(text, region);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
