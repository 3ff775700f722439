using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>The applicant person of a funding application, the case's legal hold and when the case ended (ADR 0123).</summary>
public sealed partial record FundingApplication
{
    /// <summary>The natural person who applies; none when an organisation applies.</summary>
    public ApplicantPerson? ApplicantPerson { get; init; }

    /// <summary>A legal hold on the case's records: erasure is refused until its day.</summary>
    public CaseLegalHold? LegalHold { get; init; }

    /// <summary>What the grant obliges its recipient to do, by number (ADR 0123).</summary>
    public ImmutableList<Obligation> Obligations { get; init; } = ImmutableList<Obligation>.Empty;

    /// <summary>When the case ended (closed, rejected, withdrawn, lapsed): the retention period of personal data runs from then.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    private static FundingApplication FoldPersonFact(FundingApplication application, object @event) => @event switch
    {
        ApplicantPersonNamed named => application with { ApplicantPerson = new ApplicantPerson(named.SubjectId, named.Kind, named.PersonalData, named.RetentionYears) },
        ApplicantPersonDataErased erased when application.ApplicantPerson is { } person => application with
        {
            ApplicantPerson = person with
            {
                PersonalData = null,
                Erasure = new ApplicantPersonErasure(erased.LegalBasis, erased.RequestedOn, erased.RequestReference, erased.RecordedBy, erased.RecordedAt),
            },
        },
        CaseLegalHoldPlaced hold => application with { LegalHold = new CaseLegalHold(hold.HeldUntil, hold.LegalBasis, hold.RecordedBy, hold.RecordedAt) },
        CaseLegalHoldLifted => application with { LegalHold = null },
        ObligationImposed imposed => application with
        {
            Obligations = application.Obligations.Add(new Obligation(imposed.Number, imposed.Kind, imposed.Description, imposed.StartsOn, imposed.Months,
                imposed.RequiredEvidence, [.. imposed.EvidenceDueDates.Select(d => new EvidenceDue(d))], ImposedInVersion: imposed.DecisionVersion)),
        },
        ObligationAmended amended => application.WithObligation(amended.Number, o => o.AmendedBy(amended)),
        ObligationLifted lifted => application.WithObligation(lifted.Number, o => o with { LiftedInVersion = lifted.DecisionVersion }),
        ObligationEvidenceRecorded recorded => application.WithObligation(recorded.Number,
            o => o.WithDue(recorded.DueBy, d => d with { Evidence = recorded.Evidence, Overdue = false })),
        ObligationEvidenceOverdue overdue => application.WithObligation(overdue.Number, o => o.WithDue(overdue.DueBy, d => d with { Overdue = true })),
        ObligationBreached breached => application.WithObligation(breached.Number,
            o => o with { Breach = new ObligationBreach(breached.FulfilledMonths, breached.Reclaimed, breached.RecordedBy, breached.RecordedAt) }),
        _ => application,
    };

    private FundingApplication WithObligation(int number, Func<Obligation, Obligation> change) =>
        this with { Obligations = Obligations.Select(o => o.Number == number ? change(o) : o).ToImmutableList() };

    /// <summary>Notes when the case ended, the first time its status becomes a closed one.</summary>
    private static FundingApplication NoteEnd(FundingApplication? before, FundingApplication after, object @event) =>
        after.IsClosed && before?.IsClosed != true && @event is IRecordedFact fact ? after with { EndedAt = fact.RecordedAt } : after;
}
