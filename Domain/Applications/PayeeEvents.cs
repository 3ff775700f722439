using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

// The account a grant is paid into. A change is proposed by one person and takes effect only when a second one confirms it
// (four-eyes, ADR 0084); it changes no status. The IBAN is kept in its electronic form (upper case, no spaces).

/// <summary>
/// <paramref name="RecordedBy"/> proposes that the grant be paid into this account from now on: for the applicant
/// (<paramref name="Side"/> <see cref="CaseSide.Applicant"/>) or as a caseworker of the funding authority. When a natural person
/// applies, the account is their personal data: IBAN, BIC, holder and reason are then none here and stand only in
/// <paramref name="SealedAccount"/>, sealed with the person's key (erased with it, ADR 0084).
/// </summary>
public sealed record PayeeAccountProposed(
    Guid ApplicationId,
    int ProposalNumber,
    string? Iban,
    string? Bic,
    string? Holder,
    string? Reason,
    CaseSide Side,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    SealedPersonalData? SealedAccount = null) : IApplicationEvent;

/// <summary>A second person of the funding authority confirmed proposal <paramref name="ProposalNumber"/>: payments go to that account now.</summary>
public sealed record PayeeAccountConfirmed(Guid ApplicationId, int ProposalNumber, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;
