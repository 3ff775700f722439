using System.Collections.Frozen;
using System.Text;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>What is wrong with a text given as an IBAN; <see cref="None"/> when it is a valid one.</summary>
public enum IbanProblem
{
    None,
    Empty,
    /// <summary>Characters other than letters, digits and spaces.</summary>
    Characters,
    /// <summary>It does not start with a country code (two letters) and two check digits.</summary>
    Start,
    /// <summary>Not the length its country's IBANs have (15 to 34 for countries not listed).</summary>
    Length,
    /// <summary>The ISO 7064 mod-97 check fails: most likely a typing error.</summary>
    CheckDigits,
}

/// <summary>
/// An International Bank Account Number (ISO 13616), normalised: upper case without spaces. Valid means: a country code, two
/// check digits, the length IBANs of that country have, and the ISO 7064 mod-97-10 check passes. Whether the account exists
/// only the bank knows.
/// </summary>
public sealed record Iban
{
    /// <summary>The lengths of the SEPA countries' IBANs; other countries' are checked against the general 15 to 34.</summary>
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31,
        ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22,
    }.ToFrozenDictionary();

    private Iban(string value) => Value = value;

    /// <summary>The IBAN in its electronic form: upper case, no spaces.</summary>
    public string Value { get; }

    /// <summary>The country code, e.g. DE.</summary>
    public string Country => Value[..2];

    /// <summary>The IBAN in its paper form, in groups of four: DE89 3704 0044 0532 0130 00.</summary>
    public string Formatted => Grouped(Value);

    /// <summary>
    /// The IBAN with all but country, check digits and the last four characters hidden, in groups of four
    /// (DE89 **** **** **** **30 00): enough to tell accounts apart, not enough to pay into one.
    /// </summary>
    public string Masked => Grouped(string.Concat(Value.AsSpan(0, 4), new string('*', Value.Length - 8), Value.AsSpan(Value.Length - 4)));

    public override string ToString() => Value;

    /// <summary>An IBAN as an event recorded it, not checked again: a recorded fact stays one when the rules change.</summary>
    public static Iban Recorded(string value) => new(value);

    /// <summary>What is wrong with <paramref name="text"/> as an IBAN (spaces and lower case are allowed), and the IBAN when nothing is.</summary>
    public static IbanProblem Check(string? text, out Iban? iban)
    {
        iban = null;
        var value = Normalise(text);
        if (value.Length == 0) return IbanProblem.Empty;
        if (!value.All(char.IsAsciiLetterOrDigit)) return IbanProblem.Characters;
        if (value.Length < 4 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
            return IbanProblem.Start;
        if (Lengths.TryGetValue(value[..2], out var length) ? value.Length != length : value.Length is < 15 or > 34) return IbanProblem.Length;
        if (Mod97(value) != 1) return IbanProblem.CheckDigits;
        iban = new Iban(value);
        return IbanProblem.None;
    }

    /// <summary>The IBAN <paramref name="text"/> stands for; refuses one that is not valid (<c>payee.invalid-iban</c>).</summary>
    public static Iban Parse(string? text)
    {
        var problem = Check(text, out var iban);
        return iban ?? throw new RuleViolation("payee.invalid-iban", Explain(problem));
    }

    /// <summary>What to tell the person who typed it.</summary>
    public static string Explain(IbanProblem problem) => problem switch
    {
        IbanProblem.Empty => "Enter the IBAN of the account.",
        IbanProblem.Characters => "An IBAN consists of letters and digits only.",
        IbanProblem.Start => "An IBAN starts with a country code and two check digits, e.g. DE89.",
        IbanProblem.Length => "The IBAN does not have the length of its country's IBANs (a German IBAN has 22 characters).",
        IbanProblem.CheckDigits => "The IBAN's check digits do not match: please check it for typing errors.",
        _ => "The IBAN is valid.",
    };

    private static string Normalise(string? text) => (text ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10 to 35, the number taken modulo 97.</summary>
    private static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits < 10 ? (remainder * 10 + digits) % 97 : (remainder * 100 + digits) % 97;
        }
        return remainder;
    }

    private static string Grouped(string value)
    {
        var grouped = new StringBuilder(value.Length + value.Length / 4);
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0) grouped.Append(' ');
            grouped.Append(value[i]);
        }
        return grouped.ToString();
    }
}
