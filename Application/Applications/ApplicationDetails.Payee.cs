using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>An account the grant is (or is proposed to be) paid into.</summary>
/// <param name="Number">The proposal's number within the application, from 1.</param>
/// <param name="Iban">The IBAN in groups of four; masked (<c>DE89 **** **** **** **30 00</c>) for everybody but caseworkers, who release payments.</param>
/// <param name="IbanMasked">Whether <paramref name="Iban"/> is masked for this reader.</param>
/// <param name="Bic">The bank's BIC, if given.</param>
/// <param name="Holder">The account holder's name.</param>
/// <param name="Reason">Why it was given or changed.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="ConfirmedBy">Who confirmed it (the second person); none while it waits.</param>
/// <param name="ConfirmedAt">When.</param>
public sealed record PayeeAccountRecord(
    int Number, string Iban, bool IbanMasked, string? Bic, string Holder, string? Reason, string ProposedBy, DateTimeOffset ProposedAt,
    string? ConfirmedBy = null, DateTimeOffset? ConfirmedAt = null)
{
    /// <summary>The record as somebody who does not release payments reads it: the IBAN masked.</summary>
    public PayeeAccountRecord Masked() =>
        IbanMasked ? this : this with { Iban = Domain.Applications.Iban.Recorded(Iban.Replace(" ", "", StringComparison.Ordinal)).Masked, IbanMasked = true };
}

public sealed partial record ApplicationDetails
{
    /// <summary>The confirmed account the grant is paid into; none until one is confirmed.</summary>
    public PayeeAccountRecord? PayeeAccount { get; init; }

    /// <summary>An account proposed and waiting for a second person's confirmation.</summary>
    public PayeeAccountRecord? ProposedPayeeAccount { get; init; }
}
