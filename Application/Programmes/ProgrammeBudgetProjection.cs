using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Fachwerk.Application.Programmes;

public sealed partial class ProgrammeBudgetProjection : MultiStreamProjection<ProgrammeBudget, Guid>
{
    public ProgrammeBudgetProjection()
    {
        Identity<FundingProgrammeLaunched>(e => e.ProgrammeId);
        Identity<FundingProgrammeToppedUp>(e => e.ProgrammeId);
        Identity<FundingProgrammeCut>(e => e.ProgrammeId);
        Identity<AlliancePlanningBudgetSet>(e => e.ProgrammeId);
        Identity<FundsCommitted>(e => e.ProgrammeId);
        Identity<FundsReleased>(e => e.ProgrammeId);
        Identity<CommitmentAdjusted>(e => e.ProgrammeId);
        Identity<PaymentReleased>(e => e.ProgrammeId);
        Identity<ReclaimDemanded>(e => e.ProgrammeId);
        Identity<RepaymentReceived>(e => e.ProgrammeId);
    }

    public static ProgrammeBudget Create(IEvent<FundingProgrammeLaunched> e) => new ProgrammeBudget
    {
        Id = e.Data.ProgrammeId,
        Name = e.Data.Name,
        TotalBudget = e.Data.TotalBudget,
        Sources = e.Data.Sources,
        LastChangedAt = e.Timestamp,
        LastEventSequence = e.Sequence,
    }.Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Budget = m.Budget + e.Data.TotalBudget });

    public static ProgrammeBudget Apply(IEvent<FundingProgrammeToppedUp> e, ProgrammeBudget b) =>
        (Touched(e, b) with { TotalBudget = b.TotalBudget + e.Data.Amount, ToppedUp = b.ToppedUp + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Budget = m.Budget + e.Data.Amount });

    public static ProgrammeBudget Apply(IEvent<FundingProgrammeCut> e, ProgrammeBudget b) =>
        (Touched(e, b) with { TotalBudget = b.TotalBudget - e.Data.Amount, Cut = b.Cut + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Budget = m.Budget - e.Data.Amount });

    public static ProgrammeBudget Apply(IEvent<AlliancePlanningBudgetSet> e, ProgrammeBudget b) =>
        Touched(e, b) with { PlanningBudgets = new Dictionary<Guid, decimal>(b.PlanningBudgets) { [e.Data.AllianceId] = e.Data.Amount } };

    // Running sums, moved by each event: the budget tests compare them with sums computed independently from the events.
    // (A list of every commitment in this document made a large programme's budget slow to read and to rebuild.)
    public static ProgrammeBudget Apply(IEvent<FundsCommitted> e, ProgrammeBudget b) =>
        (Touched(e, b) with
        {
            OwnContributions = b.OwnContributions + e.Data.OwnContribution,
            CommittedByAlliance = CommittedSums.After(b.CommittedByAlliance, e.Data),
            ActiveCommitments = b.ActiveCommitments + (e.Data.Raise ? 0 : 1),
        }).Financed(e.Data.ApplicationId, e.Data.Raise ? null : AuthorityCalendar.DayOf(e.Data.RecordedAt), f => f with { Committed = f.Committed + e.Data.Amount })
        .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Committed = m.Committed + e.Data.Amount });

    public static ProgrammeBudget Apply(IEvent<FundsReleased> e, ProgrammeBudget b) =>
        (Touched(e, b) with
        {
            Released = b.Released + e.Data.Amount,
            OwnContributions = b.OwnContributions - e.Data.OwnContributionReleased,
            CommittedByAlliance = CommittedSums.After(b.CommittedByAlliance, e.Data),
            ActiveCommitments = b.ActiveCommitments - (e.Data.RemainingCommitment == 0 ? 1 : 0),
        }).Financed(e.Data.ApplicationId, null, f => f with { Committed = f.Committed - e.Data.Amount, Released = f.Released + e.Data.Amount })
        .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Released = m.Released + e.Data.Amount });

    // A decision version in force changed the grant's financing: the own contributions follow it (ADR 0131); no money moves.
    public static ProgrammeBudget Apply(IEvent<CommitmentAdjusted> e, ProgrammeBudget b) =>
        Touched(e, b) with { OwnContributions = b.OwnContributions + e.Data.OwnContributionChange };

    // Money paid out or back counts in the month it was booked.
    public static ProgrammeBudget Apply(IEvent<PaymentReleased> e, ProgrammeBudget b) =>
        (Touched(e, b) with { Paid = b.Paid + e.Data.Amount }).Financed(e.Data.ApplicationId, null, f => f with { Paid = f.Paid + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.BookedOn), m => m with { Paid = m.Paid + e.Data.Amount });

    public static ProgrammeBudget Apply(IEvent<ReclaimDemanded> e, ProgrammeBudget b) =>
        (Touched(e, b) with { Reclaimed = b.Reclaimed + e.Data.Amount }).Financed(e.Data.ApplicationId, null, f => f with { Reclaimed = f.Reclaimed + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Reclaimed = m.Reclaimed + e.Data.Amount });

    public static ProgrammeBudget Apply(IEvent<RepaymentReceived> e, ProgrammeBudget b) =>
        (Touched(e, b) with { Repaid = b.Repaid + e.Data.Amount }).Financed(e.Data.ApplicationId, null, f => f with { Repaid = f.Repaid + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.BookedOn), m => m with { Repaid = m.Repaid + e.Data.Amount });

    private static ProgrammeBudget Touched(IEvent e, ProgrammeBudget b) => b with { LastChangedAt = e.Timestamp, LastEventSequence = e.Sequence };
}
