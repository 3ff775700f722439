using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Programmes;

/// <summary>Keeps <see cref="ProgrammeDetails"/> inline; committed money follows <see cref="CommittedSums"/>.</summary>
public sealed partial class ProgrammeDetailsProjection : SingleStreamProjection<ProgrammeDetails, Guid>
{
    public static ProgrammeDetails Create(IEvent<FundingProgrammeLaunched> e) => new()
    {
        Id = e.Data.ProgrammeId,
        Version = e.Version,
        Name = e.Data.Name,
        Sources = e.Data.Sources,
        FundingPeriod = e.Data.FundingPeriod,
        Rules = e.Data.Rules,
        TotalBudget = e.Data.TotalBudget,
    };

    public static ProgrammeDetails Apply(IEvent<FundingProgrammeToppedUp> e, ProgrammeDetails p) =>
        p with { Version = e.Version, TotalBudget = p.TotalBudget + e.Data.Amount };

    public static ProgrammeDetails Apply(IEvent<FundingProgrammeCut> e, ProgrammeDetails p) =>
        p with { Version = e.Version, TotalBudget = p.TotalBudget - e.Data.Amount };

    public static ProgrammeDetails Apply(IEvent<AlliancePlanningBudgetSet> e, ProgrammeDetails p) =>
        p with { Version = e.Version, PlanningBudgets = new Dictionary<Guid, decimal>(p.PlanningBudgets) { [e.Data.AllianceId] = e.Data.Amount } };

    public static ProgrammeDetails Apply(IEvent<FundsCommitted> e, ProgrammeDetails p) =>
        p with { Version = e.Version, CommittedByAlliance = CommittedSums.After(p.CommittedByAlliance, e.Data), Calls = [.. CommittedSums.AfterForCalls(p.Calls, e.Data)] };

    public static ProgrammeDetails Apply(IEvent<FundsReleased> e, ProgrammeDetails p) =>
        p with { Version = e.Version, CommittedByAlliance = CommittedSums.After(p.CommittedByAlliance, e.Data), Calls = [.. CommittedSums.AfterForCalls(p.Calls, e.Data)] };

    public static ProgrammeDetails Apply(IEvent<ProgrammeEligibilitySet> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Authority = e.Data.Authority, Eligibility = e.Data.Eligibility };

    public static ProgrammeDetails Apply(IEvent<ReviewCriteriaSet> e, ProgrammeDetails p) =>
        p with { Version = e.Version, ReviewCriteria = e.Data.Criteria, AllowsExternalExperts = e.Data.AllowsExternalExperts };

    public static ProgrammeDetails Apply(IEvent<ProgrammePersonApplicantsSet> e, ProgrammeDetails p) =>
        p with { Version = e.Version, PersonApplicants = new PersonApplicants(e.Data.Kinds, e.Data.RetentionYears) };

    // The form itself is read from the programme's stream (GET .../application-form); the version moves on, so the next command is not stale.
    public static ProgrammeDetails Apply(IEvent<ApplicationFormPublished> e, ProgrammeDetails p) => p with { Version = e.Version };

    public static ProgrammeDetails Apply(IEvent<CallOpened> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Calls = [.. p.Calls, new ProgrammeCall(e.Data.CallNumber, e.Data.Name, e.Data.Window, e.Data.Budget, Late: e.Data.Late)] };

    public static ProgrammeDetails Apply(IEvent<CallExtended> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Calls = [.. p.Calls.Select(c => c.Number == e.Data.CallNumber ? c with { Window = c.Window with { To = e.Data.NewLastDay } } : c)] };

    public static ProgrammeDetails Apply(IEvent<CallClosed> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Calls = [.. p.Calls.Select(c => c.Number == e.Data.CallNumber ? c with { ClosedAt = e.Data.RecordedAt } : c)] };
}
