using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.Application.Applications;

/// <summary>An account the grant is (or is proposed to be) paid into.</summary>
/// <param name="Number">The proposal's number within the application, from 1.</param>
/// <param name="Iban">The IBAN in groups of four; masked (<c>DE89 **** **** **** **30 00</c>) for everybody but caseworkers, who release payments;
/// a natural person's reads <see cref="ErasedText"/> once their data are erased, <see cref="NotShownText"/> for readers of no personal data.</param>
/// <param name="IbanMasked">Whether <paramref name="Iban"/> is masked for this reader.</param>
/// <param name="Bic">The bank's BIC, if given.</param>
/// <param name="Holder">The account holder's name.</param>
/// <param name="Reason">Why it was given or changed.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="ConfirmedBy">Who confirmed it (the second person); none while it waits.</param>
/// <param name="ConfirmedAt">When.</param>
/// <param name="Sealed">A natural person's account (IBAN, BIC, holder, reason) sealed with their key, as the read model stores it; the API
/// opens it and never answers it (ADR 0084).</param>
/// <param name="Erased">Whether the account was a natural person's whose data are erased: nobody can read it any more.</param>
public sealed record PayeeAccountRecord(
    int Number, string Iban, bool IbanMasked, string? Bic, string Holder, string? Reason, string ProposedBy, DateTimeOffset ProposedAt,
    string? ConfirmedBy = null, DateTimeOffset? ConfirmedAt = null, SealedPersonalData? Sealed = null, bool Erased = false)
{
    public const string ErasedText = ApplicantPersonView.ErasedName;

    public const string NotShownText = ApplicantPersonView.MaskedName;

    /// <summary>The record as somebody who does not release payments reads it: the IBAN masked.</summary>
    public PayeeAccountRecord Masked() =>
        IbanMasked || Erased || Sealed is not null
            ? this
            : this with { Iban = Domain.Applications.Iban.Recorded(Iban.Replace(" ", "", StringComparison.Ordinal)).Masked, IbanMasked = true };

    /// <summary>The record once the person's data are erased: who proposed and confirmed it, and when, stay.</summary>
    public PayeeAccountRecord AsErased() =>
        this with { Iban = ErasedText, IbanMasked = false, Bic = null, Holder = ErasedText, Reason = null, Sealed = null, Erased = true };

    /// <summary>The record of a natural person's account for a reader who sees no personal data of theirs.</summary>
    public PayeeAccountRecord AsNotShown() =>
        this with { Iban = NotShownText, IbanMasked = true, Bic = null, Holder = NotShownText, Reason = null, Sealed = null };

    /// <summary>The record with its sealed account opened.</summary>
    public PayeeAccountRecord Opened(PayeeAccountData data) =>
        this with
        {
            Iban = Domain.Applications.Iban.Recorded(data.Iban).Formatted, IbanMasked = false, Bic = data.Bic, Holder = data.Holder, Reason = data.Reason,
            Sealed = null,
        };
}

/// <summary>What a natural person's payee account seals with their key (ADR 0084): the IBAN (electronic form), BIC, holder and reason.</summary>
public sealed record PayeeAccountData(string Iban, string? Bic, string Holder, string? Reason)
{
    public PayeeAccount Account => new(Domain.Applications.Iban.Recorded(Iban), Bic, Holder);
}

public sealed partial record ApplicationDetails
{
    /// <summary>The confirmed account the grant is paid into; none until one is confirmed.</summary>
    public PayeeAccountRecord? PayeeAccount { get; init; }

    /// <summary>An account proposed and waiting for a second person's confirmation.</summary>
    public PayeeAccountRecord? ProposedPayeeAccount { get; init; }
}
