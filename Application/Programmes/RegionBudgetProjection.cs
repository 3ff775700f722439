using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// Keeps <see cref="RegionBudget"/>: a programme's money per alliance and district. Payments, reclaims and repayments recorded
/// before they carried their alliance belong to no region and are left out (they still count in the programme's budget).
/// </summary>
public sealed class RegionBudgetProjection : MultiStreamProjection<RegionBudget, string>
{
    public RegionBudgetProjection()
    {
        Identity<FundsCommitted>(e => RegionBudget.KeyOf(e.ProgrammeId, e.AllianceId, e.District));
        Identity<FundsReleased>(e => RegionBudget.KeyOf(e.ProgrammeId, e.AllianceId, e.District));
        Identity<CommitmentAdjusted>(e => RegionBudget.KeyOf(e.ProgrammeId, e.AllianceId, e.District));
        Identities<PaymentReleased>(e => RegionOf(e.ProgrammeId, e.AllianceId, e.District));
        Identities<ReclaimDemanded>(e => RegionOf(e.ProgrammeId, e.AllianceId, e.District));
        Identities<RepaymentReceived>(e => RegionOf(e.ProgrammeId, e.AllianceId, e.District));
    }

    private static IReadOnlyList<string> RegionOf(Guid programmeId, Guid? allianceId, string? district) =>
        allianceId is { } alliance ? [RegionBudget.KeyOf(programmeId, alliance, district)] : [];

    public static RegionBudget Create(IEvent<FundsCommitted> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId, e.Data.District));
    public static RegionBudget Create(IEvent<FundsReleased> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId, e.Data.District));
    public static RegionBudget Create(IEvent<CommitmentAdjusted> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId, e.Data.District));
    public static RegionBudget Create(IEvent<PaymentReleased> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId!.Value, e.Data.District));
    public static RegionBudget Create(IEvent<ReclaimDemanded> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId!.Value, e.Data.District));
    public static RegionBudget Create(IEvent<RepaymentReceived> e) => Apply(e, Region(e, e.Data.ProgrammeId, e.Data.AllianceId!.Value, e.Data.District));

    private static RegionBudget Region(IEvent e, Guid programmeId, Guid allianceId, string? district) => new()
    {
        Id = RegionBudget.KeyOf(programmeId, allianceId, district),
        ProgrammeId = programmeId,
        AllianceId = allianceId,
        District = district?.Trim() ?? "",
        DistrictKey = RegionBudget.KeyOf(district),
        LastChangedAt = e.Timestamp,
    };

    // The same sums as the programme's budget (ProgrammeBudgetProjection), for one region.
    public static RegionBudget Apply(IEvent<FundsCommitted> e, RegionBudget r) =>
        (Touched(e, r) with
        {
            Committed = r.Committed + e.Data.Amount,
            OwnContributions = r.OwnContributions + e.Data.OwnContribution,
            ActiveCommitments = r.ActiveCommitments + (e.Data.Raise ? 0 : 1),
        }).Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Committed = m.Committed + e.Data.Amount });

    public static RegionBudget Apply(IEvent<FundsReleased> e, RegionBudget r) =>
        (Touched(e, r) with
        {
            Committed = r.Committed - e.Data.Amount,
            Released = r.Released + e.Data.Amount,
            OwnContributions = r.OwnContributions - e.Data.OwnContributionReleased,
            ActiveCommitments = r.ActiveCommitments - (e.Data.RemainingCommitment == 0 ? 1 : 0),
        }).Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Released = m.Released + e.Data.Amount });

    public static RegionBudget Apply(IEvent<CommitmentAdjusted> e, RegionBudget r) =>
        Touched(e, r) with { OwnContributions = r.OwnContributions + e.Data.OwnContributionChange };

    public static RegionBudget Apply(IEvent<PaymentReleased> e, RegionBudget r) =>
        (Touched(e, r) with { Paid = r.Paid + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.BookedOn), m => m with { Paid = m.Paid + e.Data.Amount });

    public static RegionBudget Apply(IEvent<ReclaimDemanded> e, RegionBudget r) =>
        (Touched(e, r) with { Reclaimed = r.Reclaimed + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.RecordedAt), m => m with { Reclaimed = m.Reclaimed + e.Data.Amount });

    public static RegionBudget Apply(IEvent<RepaymentReceived> e, RegionBudget r) =>
        (Touched(e, r) with { Repaid = r.Repaid + e.Data.Amount })
            .Moved(BudgetMovements.MonthOf(e.Data.BookedOn), m => m with { Repaid = m.Repaid + e.Data.Amount });

    private static RegionBudget Touched(IEvent e, RegionBudget r) => r with { LastChangedAt = e.Timestamp };
}
