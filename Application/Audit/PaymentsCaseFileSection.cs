using Fachwerk.Application.Applications;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Programmes;
using Marten;

namespace Fachwerk.Application.Audit;

/// <summary>A commitment or release of programme money for the application, where it stands in the programme's stream.</summary>
public sealed record BudgetMovement(
    string Kind, Label Label, decimal Amount, decimal? RemainingCommitment, string? Reason, string RecordedBy, DateTimeOffset RecordedAt,
    Guid ProgrammeStreamId, long ProgrammeStreamVersion, long Sequence);

/// <summary>
/// The money of one application for the case file: the agreed terms, the programme money committed and released for it
/// (from the programme's stream, with version and sequence so they can be found in its timeline and hash chain), payment
/// requests with who checked and who released them, proofs of use with their checks, reclaims, repayments, and the
/// de-minimis aid entered for the applicant.
/// </summary>
public sealed record PaymentsSection(
    decimal? ApprovedAmount,
    decimal? FundingRate,
    decimal? RetainedFinalInstalment,
    decimal Committed,
    decimal Paid,
    decimal Pending,
    decimal Reclaimed,
    decimal Repaid,
    IReadOnlyList<BudgetMovement> BudgetMovements,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ProofRecord> ProofsOfUse,
    IReadOnlyList<ReclaimRecord> Reclaims,
    IReadOnlyList<RepaymentRecord> Repayments,
    IReadOnlyList<DeMinimisAidLine> DeMinimisAid);

public sealed class PaymentsCaseFileSection : ICaseFileSection
{
    public string Key => CaseFileSections.Payments;

    public Label Title { get; } = new("Zahlungen, Verwendungsnachweise und Rückforderungen", "Payments, proofs of use and reclaims");

    public async Task<object?> BuildAsync(Guid applicationId, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ApplicationDetails>(applicationId, cancellation) is not { } application) return null;

        // The programme stream holds every application's commitments; a case file is rare enough to read it whole.
        var programmeEvents = await session.Events.FetchStreamAsync(application.Programme.Id, token: cancellation);
        var movements = new List<BudgetMovement>();
        foreach (var e in programmeEvents)
        {
            switch (e.Data)
            {
                case FundsCommitted committed when committed.ApplicationId == applicationId:
                    movements.Add(new BudgetMovement("committed", EventLabels.For(typeof(FundsCommitted)), committed.Amount, null,
                        committed.PlanningExceedanceReason, committed.RecordedBy, committed.RecordedAt, e.StreamId, e.Version, e.Sequence));
                    break;
                case FundsReleased released when released.ApplicationId == applicationId:
                    movements.Add(new BudgetMovement("released", EventLabels.For(typeof(FundsReleased)), released.Amount, released.RemainingCommitment,
                        released.Reason, released.RecordedBy, released.RecordedAt, e.StreamId, e.Version, e.Sequence));
                    break;
            }
        }

        var ledger = await session.LoadAsync<DeMinimisLedger>(application.Applicant.Id, cancellation);
        var funding = application.Funding;
        return new PaymentsSection(
            application.ApprovedAmount,
            funding?.FundingRate,
            funding?.RetainedFinalInstalment,
            movements.Where(m => m.Kind == "committed").Sum(m => m.Amount) - movements.Where(m => m.Kind == "released").Sum(m => m.Amount),
            funding?.Paid ?? 0m,
            funding?.Pending ?? 0m,
            funding?.Reclaims.Sum(r => r.Amount) ?? 0m,
            funding?.Repaid ?? 0m,
            movements,
            funding?.Payments ?? [],
            funding?.ProofsOfUse ?? [],
            funding?.Reclaims ?? [],
            funding?.Repayments ?? [],
            ledger?.Aid.Where(a => a.ApplicationId == applicationId).ToList() ?? []);
    }
}
