using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cooperation;

/// <summary>
/// Organisations agreed to cooperate (a university and a district, companies and vocational schools): the parties, the
/// subject, when it was concluded, and its term (open-ended without <paramref name="ValidUntil"/>).
/// </summary>
public sealed record CooperationAgreementConcluded(
    Guid AgreementId,
    string Subject,
    IReadOnlyList<NetworkParty> Parties,
    DateOnly ConcludedOn,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The parties extended the agreement's term.</summary>
public sealed record CooperationAgreementExtended(
    Guid AgreementId,
    DateOnly PreviousEnd,
    DateOnly NewEnd,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The agreement was ended before its term ran out (or an open-ended one was ended).</summary>
public sealed record CooperationAgreementTerminated(
    Guid AgreementId,
    DateOnly TerminatedOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
