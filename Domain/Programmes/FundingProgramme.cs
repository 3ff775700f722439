using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// What a programme holds back for one approved application (Mittelbindung). Kept beside the programme, one per application,
/// so the programme's own write model stays the same size however many applications it funds. The project's district is kept
/// so a release counts in the same region as the commitment (none for commitments made before it was carried). The own contribution is
/// the one of the decision version in force (ADR 0131), so a release of the whole commitment takes back what the budget counts.
/// </summary>
/// <param name="CallNumber">The call whose budget it counts against (the call the application was submitted to), if any.</param>
/// <param name="District">The project's district.</param>
public sealed record Commitment(
    Guid ApplicationId, Guid ProgrammeId, Guid AllianceId, decimal Amount, decimal OwnContribution, int? CallNumber = null, string? District = null)
{
    /// <summary>Folds the programme's events about one application; null once nothing is committed for it any more.</summary>
    public static Commitment? Evolve(Commitment? commitment, object @event) => @event switch
    {
        FundsCommitted { Raise: true } raised when commitment is not null => commitment with { Amount = commitment.Amount + raised.Amount },
        FundsCommitted committed => new Commitment(committed.ApplicationId, committed.ProgrammeId, committed.AllianceId, committed.Amount,
            committed.OwnContribution, committed.CallNumber, committed.District),
        FundsReleased { RemainingCommitment: 0 } => null,
        FundsReleased released when commitment is not null => commitment with { Amount = released.RemainingCommitment },
        CommitmentAdjusted adjusted when commitment is not null => commitment with { OwnContribution = adjusted.OwnContribution },
        _ => commitment,
    };
}

/// <summary>
/// Write model of a funding programme (Förderprogramm): its budget, rules and what is committed, in total and per alliance.
/// Which application holds how much is in <see cref="Commitment"/>. The name is given at the launch and never changed after
/// it: letters read it from the launch event alone (Application/Letters/ProgrammeName.cs).
/// </summary>
public sealed record FundingProgramme(
    Guid Id,
    string Name,
    Period FundingPeriod,
    decimal TotalBudget,
    ProgrammeRules Rules,
    ImmutableDictionary<Guid, decimal> PlanningBudgets,
    ImmutableDictionary<Guid, decimal> CommittedByAlliance) : IEventSourced<FundingProgramme>
{
    public decimal Committed => CommittedByAlliance.Values.Sum();

    public decimal Available => TotalBudget - Committed;

    public decimal CommittedFor(Guid allianceId) => CommittedByAlliance.GetValueOrDefault(allianceId);

    /// <summary>The funding authority it belongs to; none for programmes launched before authorities were recorded.</summary>
    public FundingAuthority? Authority { get; init; }

    /// <summary>Which alliances its applications may name; any alliance until set.</summary>
    public AllianceEligibility Eligibility { get; init; } = AllianceEligibility.AnyAlliance;

    /// <summary>Its calls for applications, by number; without calls applications are taken throughout the funding period.</summary>
    public ImmutableList<ProgrammeCall> Calls { get; init; } = ImmutableList<ProgrammeCall>.Empty;

    /// <summary>What its reviewers score applications on (ADR 0093); none: the alliance's single vote only.</summary>
    public ImmutableList<ReviewCriterion> ReviewCriteria { get; init; } = ImmutableList<ReviewCriterion>.Empty;

    /// <summary>Whether caseworkers may assign external experts (people outside the alliance) as reviewers besides the alliance's.</summary>
    public bool AllowsExternalExperts { get; init; }

    /// <summary>The versions of its application form, oldest first (ADR 0122); none: applications ask only for the plan.</summary>
    public ImmutableList<ApplicationForm> Forms { get; init; } = ImmutableList<ApplicationForm>.Empty;

    /// <summary>The form applications drafted now get; none before the first is published.</summary>
    public ApplicationForm? CurrentForm => Forms.IsEmpty ? null : Forms[^1];

    public ApplicationForm? Form(int version) => Forms.FirstOrDefault(f => f.Version == version);
    /// <summary>Which natural persons may apply (ADR 0123); organisations only until set.</summary>
    public PersonApplicants PersonApplicants { get; init; } = PersonApplicants.None;

    public ProgrammeCall? Call(int number) => Calls.FirstOrDefault(c => c.Number == number);

    public static FundingProgramme Evolve(FundingProgramme? programme, object @event) => (programme, @event) switch
    {
        (null, FundingProgrammeLaunched launched) => new FundingProgramme(launched.ProgrammeId, launched.Name, launched.FundingPeriod,
            launched.TotalBudget, launched.Rules, ImmutableDictionary<Guid, decimal>.Empty, ImmutableDictionary<Guid, decimal>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(FundingProgramme), @event),

        (_, FundingProgrammeToppedUp topUp) => programme with { TotalBudget = programme.TotalBudget + topUp.Amount },
        (_, FundingProgrammeCut cut) => programme with { TotalBudget = programme.TotalBudget - cut.Amount },
        (_, AlliancePlanningBudgetSet planning) => programme with
        {
            PlanningBudgets = programme.PlanningBudgets.SetItem(planning.AllianceId, planning.Amount),
        },
        (_, ProgrammeEligibilitySet set) => programme with { Authority = set.Authority, Eligibility = set.Eligibility },
        (_, CallOpened opened) => programme with
        {
            Calls = programme.Calls.Add(new ProgrammeCall(opened.CallNumber, opened.Name, opened.Window, opened.Budget, Late: opened.Late)),
        },
        (_, CallExtended extended) => programme with
        {
            Calls = programme.Calls.Select(c => c.Number == extended.CallNumber ? c with { Window = c.Window with { To = extended.NewLastDay } } : c)
                .ToImmutableList(),
        },
        (_, CallClosed closed) => programme with
        {
            Calls = programme.Calls.Select(c => c.Number == closed.CallNumber ? c with { ClosedAt = closed.RecordedAt } : c).ToImmutableList(),
        },
        (_, ReviewCriteriaSet set) => programme with { ReviewCriteria = [.. set.Criteria], AllowsExternalExperts = set.AllowsExternalExperts },
        (_, ApplicationFormPublished published) => programme with
        {
            Forms = programme.Forms.Add(new ApplicationForm(published.Version, published.Fields, published.RecordedAt)),
        },
        (_, ProgrammePersonApplicantsSet set) => programme with { PersonApplicants = new PersonApplicants([.. set.Kinds], set.RetentionYears) },
        (_, FundsCommitted or FundsReleased) => programme with
        {
            CommittedByAlliance = CommittedSums.After(programme.CommittedByAlliance, @event),
            Calls = CommittedSums.AfterForCalls(programme.Calls, @event).ToImmutableList(),
        },
        _ => programme,
    };
}
