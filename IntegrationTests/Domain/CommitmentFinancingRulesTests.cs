using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// The programme's commitment of a grant counts the own contribution of the decision version in force (ADR 0131): an amended financing,
/// with a raise or without, adjusts it in the transaction that puts the version in force; reductions, reclaims and releases stay consistent.
/// </summary>
public class CommitmentFinancingRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly DateOnly Today = AuthorityCalendar.DayOf(Now);

    /// <summary>Approved 40,000 of 50,000 EUR costs, 10,000 own contribution; committed so in the programme.</summary>
    private static (FundingProgramme Programme, Commitment Commitment, FundingApplication Approved) Granted(ProgrammeRules? rules = null)
    {
        var programme = Programme(budget: 100_000m, rules: rules);
        var committed = new FundsCommitted(programme.Id, AppId, Region.Id, 40_000m, 10_000m, null, "system", Now, 2, "Halle (Saale)");
        var approved = Given.History<FundingApplication>([
            Drafted(Region, programme), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, programme.Id, 40_000m, ["Report by 30 April"], 0.8m, 0, BudgetCommitment.ProofsOfUse(Plan().Duration, null),
                "system", Now),
        ]);
        return (FundingProgramme.Evolve(programme, committed), Commitment.Evolve(null, committed)!, approved);
    }

    private static FundingApplication Confirmed(FundingApplication approved, FundingProgramme programme, AmendmentTerms terms, out IReadOnlyList<object> events)
    {
        var proposed = AmendmentDecider.Propose(approved, programme, terms, "Higher own funds", Today, 7, Caseworker);
        var pending = FundingApplication.Evolve(approved, proposed);
        events = AmendmentDecider.Confirm(pending, Approver);
        return events.Aggregate(pending, FundingApplication.Evolve);
    }

    [Fact]
    public void An_amended_financing_without_a_raise_adjusts_the_commitments_own_contribution_when_the_version_comes_into_force()
    {
        // Given a grant of 40,000 with 10,000 own contribution, committed.
        var (programme, commitment, approved) = Granted();

        // When an amendment raises the own contribution to 15,000 (costs 55,000), the amount unchanged, and a second person confirms it.
        Confirmed(approved, programme, new AmendmentTerms(CostPlan: new CostPlan(55_000m, 15_000m, 0m)), out var events);
        var amended = events.OfType<DecisionAmended>().Single();
        var adjusted = BudgetCommitment.FollowFinancing(commitment, amended).ShouldHaveSingleItem().ShouldBeOfType<CommitmentAdjusted>();

        // Then the programme records the new financing of version 2, from its effective date, with the change, the region and the call.
        (adjusted.ProgrammeId, adjusted.ApplicationId, adjusted.AllianceId, adjusted.DecisionVersion, adjusted.EffectiveFrom)
            .ShouldBe((programme.Id, AppId, Region.Id, 2, Today));
        (adjusted.TotalCosts, adjusted.OwnContribution, adjusted.ThirdPartyFunding, adjusted.OwnContributionChange).ShouldBe((55_000m, 15_000m, 0m, 5_000m));
        (adjusted.CallNumber, adjusted.District, adjusted.Reason).ShouldBe((2, "Halle (Saale)", "Higher own funds"));
        (adjusted.RecordedBy, adjusted.RecordedAt).ShouldBe((amended.RecordedBy, amended.RecordedAt), "stamped like the version it follows");
        var after = Commitment.Evolve(commitment, adjusted)!;
        (after.Amount, after.OwnContribution).ShouldBe((40_000m, 15_000m), "no money moves");
        FundingProgramme.Evolve(programme, adjusted).Committed.ShouldBe(40_000m);
        BudgetCommitment.FollowFinancing(after, amended).ShouldBeEmpty("already followed");
        BudgetCommitment.FollowFinancing(null, amended).ShouldBeEmpty("nothing committed, nothing to adjust");
    }

    [Fact]
    public void An_amendment_that_leaves_the_financing_as_it_is_adjusts_nothing()
    {
        var (programme, commitment, approved) = Granted();

        Confirmed(approved, programme, new AmendmentTerms(Conditions: ["Report by 31 May"]), out var events);

        BudgetCommitment.FollowFinancing(commitment, events.OfType<DecisionAmended>().Single()).ShouldBeEmpty();
    }

    [Fact]
    public void A_raise_commits_the_extra_money_and_adjusts_the_own_contribution_in_the_same_step_down_as_well_as_up()
    {
        // Given a programme funding up to 90 %, and a grant of 40,000 with 10,000 own contribution.
        var (programme, commitment, approved) = Granted(Rules with { MaxFundingRate = 0.9m });

        // When a confirmed raise to 45,000 replaces 5,000 of the own contribution.
        var awaiting = Confirmed(approved, programme, new AmendmentTerms(Amount: 45_000m, CostPlan: new CostPlan(50_000m, 5_000m, 0m)), out _);
        var step = BudgetCommitment.CommitAmendment(programme, commitment, awaiting, HausSteinstrasse, 1, Now);

        // Then the programme's events are the raise and the adjustment, appended with the version in force.
        step.ProgrammeEvents.Count.ShouldBe(2);
        var raised = step.ProgrammeEvents[0].ShouldBeOfType<FundsCommitted>();
        (raised.Amount, raised.Raise, raised.OwnContribution).ShouldBe((5_000m, true, 0m));
        var adjusted = step.ProgrammeEvents[1].ShouldBeOfType<CommitmentAdjusted>();
        (adjusted.OwnContribution, adjusted.OwnContributionChange, adjusted.DecisionVersion).ShouldBe((5_000m, -5_000m, 2));
        step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<DecisionAmended>().CostPlan.OwnContribution.ShouldBe(5_000m);
        var after = step.ProgrammeEvents.Aggregate((Commitment?)commitment, Commitment.Evolve)!;
        (after.Amount, after.OwnContribution).ShouldBe((45_000m, 5_000m));
    }

    [Fact]
    public void A_raise_for_a_grant_approved_before_commitments_were_kept_commits_the_amended_own_contribution()
    {
        var (programme, _, approved) = Granted();
        var awaiting = Confirmed(approved, programme, new AmendmentTerms(Amount: 48_000m, CostPlan: new CostPlan(60_000m, 12_000m, 0m)), out _);

        var step = BudgetCommitment.CommitAmendment(programme, null, awaiting, HausSteinstrasse, 1, Now);

        var committed = step.ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsCommitted>();
        (committed.Amount, committed.Raise, committed.OwnContribution).ShouldBe((48_000m, false, 12_000m));
    }

    [Fact]
    public void After_an_adjustment_reductions_keep_the_own_contribution_and_releasing_everything_takes_back_the_amended_one()
    {
        // Given a grant whose own contribution an amendment raised to 15,000.
        var (programme, commitment, approved) = Granted();
        var amendedApplication = Confirmed(approved, programme, new AmendmentTerms(CostPlan: new CostPlan(55_000m, 15_000m, 0m)), out var events);
        var adjusted = BudgetCommitment.FollowFinancing(commitment, events.OfType<DecisionAmended>().Single()).Single();
        var adjustedCommitment = Commitment.Evolve(commitment, adjusted);

        // When the amount is reduced (a version of its own, the financing kept), then the grant withdrawn.
        var reduced = FundingApplication.Evolve(amendedApplication, ApplicationDecider.ReduceApprovedAmount(amendedApplication, 30_000m, "Lower costs", Caseworker));
        reduced.Decisions[^1].CostPlan.OwnContribution.ShouldBe(15_000m, "a reduction keeps the financing of the version it follows");
        var partly = ProgrammeDecider.Release(programme, adjustedCommitment, 30_000m, "reduced", Approver).ShouldHaveSingleItem().ShouldBeOfType<FundsReleased>();
        var rest = Commitment.Evolve(adjustedCommitment, partly);
        var all = ProgrammeDecider.Release(FundingProgramme.Evolve(programme, partly), rest, 0m, "withdrawn", Approver).ShouldHaveSingleItem()
            .ShouldBeOfType<FundsReleased>();

        // Then the partial release keeps the own contribution, and the whole release takes back the amended one: the sums return to 0.
        partly.OwnContributionReleased.ShouldBe(0m);
        all.OwnContributionReleased.ShouldBe(15_000m);
        (10_000m + ((CommitmentAdjusted)adjusted).OwnContributionChange - partly.OwnContributionReleased - all.OwnContributionReleased).ShouldBe(0m);
    }
}
