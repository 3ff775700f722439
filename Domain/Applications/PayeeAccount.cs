using System.Text.RegularExpressions;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// The account a grant is paid into (Zahlungsempfänger): its IBAN, the bank's BIC (optional: SEPA transfers need only the
/// IBAN) and the account holder's name as the bank knows it.
/// </summary>
public sealed partial record PayeeAccount(Iban Iban, string? Bic, string Holder)
{
    /// <summary>The longest holder name a SEPA transfer carries.</summary>
    public const int HolderLength = 70;

    /// <summary>The account from what a person typed: refuses an invalid IBAN or BIC and a missing or overlong holder.</summary>
    public static PayeeAccount Of(string? iban, string? bic, string? holder)
    {
        var account = Iban.Parse(iban);
        var normalisedBic = NormaliseBic(bic);
        if (normalisedBic is not null && !IsBic(normalisedBic))
            throw new RuleViolation("payee.invalid-bic", BicProblem);
        var name = holder?.Trim() ?? "";
        if (name.Length == 0) throw new RuleViolation("payee.holder-required", "Name the account holder as the bank knows them.");
        if (name.Length > HolderLength)
            throw new RuleViolation("payee.holder-too-long", $"The account holder's name has at most {HolderLength} characters.");
        return new PayeeAccount(account, normalisedBic, name);
    }

    public const string BicProblem = "A BIC has 8 or 11 characters: bank code (4 letters), country (2 letters), location (2), branch (3, optional).";

    /// <summary>Whether <paramref name="bic"/> (spaces and lower case allowed) has the form of a BIC (ISO 9362).</summary>
    public static bool IsBic(string? bic) => NormaliseBic(bic) is { } value && BicForm().IsMatch(value);

    /// <summary>Upper case without spaces; none when blank.</summary>
    public static string? NormaliseBic(string? bic) =>
        string.IsNullOrWhiteSpace(bic) ? null : bic.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Whether this is the same account for the same holder (a proposal of it changes nothing).</summary>
    public bool SameAs(PayeeAccount? other) =>
        other is not null && other.Iban == Iban && other.Bic == Bic && string.Equals(other.Holder, Holder, StringComparison.Ordinal);

    [GeneratedRegex("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex BicForm();
}
