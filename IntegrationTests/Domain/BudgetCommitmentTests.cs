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

        var step = BudgetCommitment.Commit(programme, null, AwaitingCommitment(programme), HausSteinstrasse, 1, Now);

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

        var step = BudgetCommitment.Commit(programme, null, AwaitingCommitment(programme), HausSteinstrasse, 1, Now);

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

        BudgetCommitment.Commit(planned, null, AwaitingCommitment(planned), HausSteinstrasse, 1, Now).ApplicationEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<ApprovalBlocked>().Code.ShouldBe("programme.planning-budget-exceeded");
        BudgetCommitment.Commit(planned, null, AwaitingCommitment(planned, planningReason: "Model project for the state"), HausSteinstrasse, 1, Now).ProgrammeEvents
            .ShouldHaveSingleItem().ShouldBeOfType<FundsCommitted>().PlanningExceedanceReason.ShouldBe("Model project for the state");
    }

    [Fact]
    public void A_redelivered_or_overtaken_step_changes_nothing()
    {
        var programme = Programme();
        var awaiting = AwaitingCommitment(programme);
        var step = BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 1, Now);
        var afterwards = Given.History<FundingProgramme>([new FundingProgrammeLaunched(programme.Id, programme.Name, [new FundingSource("ESF+", 1m)],
            programme.FundingPeriod, programme.TotalBudget, programme.Rules, "admin", Now), .. step.ProgrammeEvents]);
        var commitment = Commitment.Evolve(null, step.ProgrammeEvents.Single());
        var approved = FundingApplication.Evolve(awaiting, step.ApplicationEvents.Single());

        BudgetCommitment.Commit(afterwards, commitment, approved, HausSteinstrasse, 1, Now).ShouldBe(CommitmentStep.Nothing);
        BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 2, Now).ShouldBe(CommitmentStep.Nothing, "another proposal");
        var withdrawn = FundingApplication.Evolve(awaiting, new ApplicationWithdrawn(AppId, ApplicationStatus.AwaitingCommitment, "x", "anna", Now));
        BudgetCommitment.Commit(programme, null, withdrawn, HausSteinstrasse, 1, Now).ShouldBe(CommitmentStep.Nothing);
    }

    [Fact]
    public void An_approval_whose_money_is_already_held_is_approved_without_committing_it_twice()
    {
        var programme = Programme(budget: 100_000m);
        var awaiting = AwaitingCommitment(programme);
        var held = FundingProgramme.Evolve(programme, BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 1, Now).ProgrammeEvents.Single());
        var commitment = new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m);

        var step = BudgetCommitment.Commit(held, commitment, awaiting, HausSteinstrasse, 1, Now);

        step.ProgrammeEvents.ShouldBeEmpty();
        step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApplicationApproved>();
        held.Committed.ShouldBe(40_000m);
    }

    [Fact]
    public void Releasing_brings_the_commitment_down_to_what_the_application_keeps_once()
    {
        var programme = Programme();
        var awaiting = AwaitingCommitment(programme);
        var step = BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 1, Now);
        var committed = FundingProgramme.Evolve(programme, step.ProgrammeEvents.Single());
        var commitment = Commitment.Evolve(null, step.ProgrammeEvents.Single());
        var approved = FundingApplication.Evolve(awaiting, step.ApplicationEvents.Single());

        var reduced = FundingApplication.Evolve(approved, new ApprovedAmountReduced(AppId, 40_000m, 25_000m, "Lower costs", "sabine", Now));
        var release = BudgetCommitment.Release(committed, commitment, reduced, HausSteinstrasse, "reduced", Now).ProgrammeEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<FundsReleased>();
        release.Amount.ShouldBe(15_000m);
        release.RemainingCommitment.ShouldBe(25_000m);
        var afterRelease = FundingProgramme.Evolve(committed, release);
        var keptCommitment = Commitment.Evolve(commitment, release);
        keptCommitment.ShouldNotBeNull().Amount.ShouldBe(25_000m);
        afterRelease.Committed.ShouldBe(25_000m);
        BudgetCommitment.Release(afterRelease, keptCommitment, reduced, HausSteinstrasse, "reduced", Now).ProgrammeEvents.ShouldBeEmpty("redelivered");

        var withdrawn = FundingApplication.Evolve(reduced, new ApplicationWithdrawn(AppId, ApplicationStatus.Approved, "x", "anna", Now));
        var all = BudgetCommitment.Release(afterRelease, keptCommitment, withdrawn, HausSteinstrasse, "withdrawn", Now).ProgrammeEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<FundsReleased>();
        all.Amount.ShouldBe(25_000m);
        FundingProgramme.Evolve(afterRelease, all).Committed.ShouldBe(0m);
        Commitment.Evolve(keptCommitment, all).ShouldBeNull("nothing is held any more");
        BudgetCommitment.Release(FundingProgramme.Evolve(afterRelease, all), null, withdrawn, HausSteinstrasse, "withdrawn", Now).ProgrammeEvents
            .ShouldBeEmpty("redelivered after everything was released");
    }

    [Fact]
    public void The_programme_keeps_what_is_committed_per_alliance_and_not_per_application()
    {
        var otherRegion = Guid.CreateVersion7();
        var programme = Programme(budget: 500_000m);
        var history = new List<object>();
        for (var i = 0; i < 50; i++)
            history.Add(new FundsCommitted(programme.Id, Guid.CreateVersion7(), i % 2 == 0 ? Region.Id : otherRegion, 1_000m, 250m, null, BudgetCommitment.Actor, Now));
        history.Add(new FundsReleased(programme.Id, Guid.CreateVersion7(), 400m, 600m, otherRegion, 0m, "reduced", BudgetCommitment.Actor, Now));

        var after = history.Aggregate(programme, FundingProgramme.Evolve);

        after.Committed.ShouldBe(49_600m);
        after.CommittedFor(Region.Id).ShouldBe(25_000m);
        after.CommittedFor(otherRegion).ShouldBe(24_600m);
        after.Available.ShouldBe(450_400m);
        after.CommittedByAlliance.Count.ShouldBe(2, "one sum per alliance, however many applications");
    }
}
