using System.Runtime.CompilerServices;
using Fachwerk.Application.Budget;
using Fachwerk.Domain.Applications;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>The budget workflow's one trigger: which steps follow from the events a command produced.</summary>
public class BudgetWorkflowTests
{
    private static readonly FundingApplication Application = Given.History<FundingApplication>(Drafted(Alliance(), Programme()));

    private static T Blank<T>() where T : class => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));

    [Fact]
    public void A_confirmed_approval_commits_the_money_of_the_confirmed_proposal()
    {
        var step = BudgetWorkflow.Follows(Application, [ConfirmedApproval() with { ProposalNumber = 3 }]).ShouldHaveSingleItem().ShouldBeOfType<CommitFunds>();

        step.ShouldBe(new CommitFunds(Application.ProgrammeId, Application.Id, Application.ApplicantId, 3));
    }

    [Fact]
    public void A_confirmed_rejection_starts_nothing()
    {
        BudgetWorkflow.Follows(Application, [ConfirmedApproval() with { Kind = DecisionKind.Reject, Amount = null }, Blank<ApplicationRejected>()])
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_withdrawal_releases_money_only_when_the_application_was_approved()
    {
        var approved = new ApplicationWithdrawn(AppId, ApplicationStatus.Approved, " No longer needed ", "anna", Now);
        BudgetWorkflow.Follows(Application, [approved]).ShouldHaveSingleItem().ShouldBeOfType<ReleaseFunds>().Reason
            .ShouldBe("Application withdrawn: No longer needed");

        BudgetWorkflow.Follows(Application, [approved with { WithdrawnFrom = ApplicationStatus.Submitted }]).ShouldBeEmpty();
        BudgetWorkflow.Follows(Application, [approved with { WithdrawnFrom = ApplicationStatus.AwaitingCommitment }]).ShouldBeEmpty();
    }

    [Fact]
    public void A_reduction_a_reclaim_and_a_closing_with_grant_left_release_money_once_per_command()
    {
        BudgetWorkflow.Follows(Application, [Blank<ApprovedAmountReduced>() with { Reason = "Lower costs" }]).ShouldHaveSingleItem()
            .ShouldBeOfType<ReleaseFunds>().Reason.ShouldBe("Approved amount reduced: Lower costs");
        BudgetWorkflow.Follows(Application, [Blank<ApplicationClosed>() with { Unpaid = 100m }]).ShouldHaveSingleItem().ShouldBeOfType<ReleaseFunds>();
        BudgetWorkflow.Follows(Application, [Blank<ApplicationClosed>() with { Unpaid = 0m }]).ShouldBeEmpty();

        // A reclaim that settles the case closes it in the same command: one release brings the commitment to what is kept.
        var steps = BudgetWorkflow.Follows(Application,
            [Blank<ReclaimDemanded>() with { Reason = "Findings" }, Blank<ApplicationClosed>() with { Unpaid = 300m }]);
        steps.ShouldHaveSingleItem().ShouldBeOfType<ReleaseFunds>().Reason.ShouldBe("Reclaim: Findings");
    }

    [Fact]
    public void A_version_in_force_lets_the_commitment_follow_a_changed_own_contribution_and_releases_a_lower_amount()
    {
        var plan = Application.Plan;
        var unchanged = Blank<DecisionAmended>() with
        {
            Amount = 100m, PreviousAmount = 100m, Reason = "Zeitplan",
            CostPlan = new CostPlan(plan.TotalCosts, plan.OwnContribution, plan.ThirdPartyFunding),
        };
        BudgetWorkflow.Follows(Application, [unchanged]).ShouldBeEmpty();

        var moreOwn = unchanged with { CostPlan = unchanged.CostPlan with { OwnContribution = plan.OwnContribution + 1_000m } };
        BudgetWorkflow.Follows(Application, [moreOwn]).ShouldHaveSingleItem()
            .ShouldBe(new FollowAmendedFinancing(Application.ProgrammeId, Application.Id, moreOwn));

        var steps = BudgetWorkflow.Follows(Application, [moreOwn with { Amount = 80m }]);
        steps.Count.ShouldBe(2);
        steps[0].ShouldBeOfType<FollowAmendedFinancing>();
        steps[1].ShouldBeOfType<ReleaseFunds>().Reason.ShouldBe("Decision amended: Zeitplan");
    }

    [Fact]
    public void No_other_event_starts_or_stops_the_workflow()
    {
        Type[] triggers = [typeof(DecisionConfirmed), typeof(ApplicationWithdrawn), typeof(ApprovedAmountReduced), typeof(ReclaimDemanded), typeof(ApplicationClosed), typeof(DecisionAmended)];
        var others = typeof(IApplicationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IApplicationEvent)) && !triggers.Contains(t));

        foreach (var type in others)
            BudgetWorkflow.Follows(Application, [RuntimeHelpers.GetUninitializedObject(type)]).ShouldBeEmpty(type.Name);
    }
}
