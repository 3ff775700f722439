using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

public class BudgetCommitmentTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);

    private static FundingApplication AwaitingCommitment(FundingProgramme programme, decimal amount = 40_000m, string? planningReason = null) =>
        Given.History<FundingApplication>(Drafted(Region, programme), Submitted(), Completed, Voted(Region),
            ProposedApproval(amount, planningReason: planningReason), ConfirmedApproval(amount));

    [Fact]
    public void A_confirmed_approval_is_committed_and_approved_in_one_step()
    {
        var programme = Programme(budget: 100_000m);

        var step = BudgetCommitment.Commit(programme, AwaitingCommitment(programme), HausSteinstrasse, 1, Now);

        var committed = step.ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsCommitted>();
        committed.Amount.ShouldBe(40_000m);
        committed.OwnContribution.ShouldBe(10_000m);
        step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApplicationApproved>().Amount.ShouldBe(40_000m);
        FundingProgramme.Evolve(programme, committed).Available.ShouldBe(60_000m);
    }

    [Fact]
    public void When_money_is_short_the_approval_is_blocked_with_the_computation_and_nothing_is_committed()
    {
        var programme = Programme(budget: 30_000m);

        var step = BudgetCommitment.Commit(programme, AwaitingCommitment(programme), HausSteinstrasse, 1, Now);

        step.ProgrammeEvents.ShouldBeEmpty();
        var blocked = step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalBlocked>();
        blocked.Code.ShouldBe("programme.insufficient-funds");
        blocked.Reason.ShouldContain("30,000.00 EUR available");
        blocked.Reason.ShouldContain("needs 40,000.00 EUR");
    }

    [Fact]
    public void The_planning_budget_of_the_alliance_is_exceeded_only_with_a_reason()
    {
        var planned = FundingProgramme.Evolve(Programme(), new AlliancePlanningBudgetSet(Guid.Empty, Region.Id, 30_000m, "admin", Now));

        BudgetCommitment.Commit(planned, AwaitingCommitment(planned), HausSteinstrasse, 1, Now).ApplicationEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<ApprovalBlocked>().Code.ShouldBe("programme.planning-budget-exceeded");
        BudgetCommitment.Commit(planned, AwaitingCommitment(planned, planningReason: "Model project for the state"), HausSteinstrasse, 1, Now).ProgrammeEvents
            .ShouldHaveSingleItem().ShouldBeOfType<FundsCommitted>().PlanningExceedanceReason.ShouldBe("Model project for the state");
    }

    [Fact]
    public void A_redelivered_or_overtaken_step_changes_nothing()
    {
        var programme = Programme();
        var awaiting = AwaitingCommitment(programme);
        var step = BudgetCommitment.Commit(programme, awaiting, HausSteinstrasse, 1, Now);
        var afterwards = Given.History<FundingProgramme>([new FundingProgrammeLaunched(programme.Id, programme.Name, [new FundingSource("ESF+", 1m)],
            programme.FundingPeriod, programme.TotalBudget, programme.Rules, "admin", Now), .. step.ProgrammeEvents]);
        var approved = FundingApplication.Evolve(awaiting, step.ApplicationEvents.Single());

        BudgetCommitment.Commit(afterwards, approved, HausSteinstrasse, 1, Now).ShouldBe(CommitmentStep.Nothing);
        BudgetCommitment.Commit(programme, awaiting, HausSteinstrasse, 2, Now).ShouldBe(CommitmentStep.Nothing, "another proposal");
        var withdrawn = FundingApplication.Evolve(awaiting, new ApplicationWithdrawn(AppId, ApplicationStatus.AwaitingCommitment, "x", "anna", Now));
        BudgetCommitment.Commit(programme, withdrawn, HausSteinstrasse, 1, Now).ShouldBe(CommitmentStep.Nothing);
    }

    [Fact]
    public void Releasing_brings_the_commitment_down_to_what_the_application_keeps_once()
    {
        var programme = Programme();
        var awaiting = AwaitingCommitment(programme);
        var step = BudgetCommitment.Commit(programme, awaiting, HausSteinstrasse, 1, Now);
        var committed = FundingProgramme.Evolve(programme, step.ProgrammeEvents.Single());
        var approved = FundingApplication.Evolve(awaiting, step.ApplicationEvents.Single());

        var reduced = FundingApplication.Evolve(approved, new ApprovedAmountReduced(AppId, 40_000m, 25_000m, "Lower costs", "sabine", Now));
        var release = BudgetCommitment.Release(committed, reduced, HausSteinstrasse, "reduced", Now).ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsReleased>();
        release.Amount.ShouldBe(15_000m);
        release.RemainingCommitment.ShouldBe(25_000m);
        var afterRelease = FundingProgramme.Evolve(committed, release);
        BudgetCommitment.Release(afterRelease, reduced, HausSteinstrasse, "reduced", Now).ProgrammeEvents.ShouldBeEmpty("redelivered");

        var withdrawn = FundingApplication.Evolve(reduced, new ApplicationWithdrawn(AppId, ApplicationStatus.Approved, "x", "anna", Now));
        var all = BudgetCommitment.Release(afterRelease, withdrawn, HausSteinstrasse, "withdrawn", Now).ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsReleased>();
        all.Amount.ShouldBe(25_000m);
        FundingProgramme.Evolve(afterRelease, all).Committed.ShouldBe(0m);
    }
}
