using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

public class ApplicationWorkflowTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task An_application_goes_from_draft_to_approval_with_its_money_committed()
    {
        var programme = await LaunchProgramme(budget: 500_000m);
        var id = await Draft(programme);
        var version = await Act(Applicant, id, "submission", new SubmitApplication(1));
        version = await Act(Caseworker, id, "document-requests", new RequestDocuments(version, ["Satzung des Vereins", "Kosten- und Finanzierungsplan"]));
        version = await Act(Applicant, id, "document-supplies", new SupplyDocuments(version, ["dms://satzung-2026", "dms://kfp-v2"]));
        version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(version));
        version = await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Schließt eine Lücke in der Region",
            new Dictionary<string, int> { ["Bedarf"] = 9 }, DeclaresNoConflictOfInterest: true));
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 35_000m, ["Verwendungsnachweis bis 30.06.2028"]));

        var tracked = await ConfirmAndWait(id, version);

        tracked.Executed.SingleMessage<CommitFunds>().ApplicationId.ShouldBe(id);
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Approved);
        details.ApprovedAmount.ShouldBe(35_000m);
        details.Conditions.ShouldBe(["Verwendungsnachweis bis 30.06.2028"]);
        details.DocumentRequests.ShouldHaveSingleItem().SuppliedReferences.ShouldBe(["dms://satzung-2026", "dms://kfp-v2"]);
        details.AllianceVote!.BasedOnVersion.ShouldBe(5);
        var proposal = details.Proposals.ShouldHaveSingleItem();
        proposal.Outcome.ShouldBe(ProposalOutcome.Confirmed);
        proposal.ProposedBy.ShouldBe(Caseworker.Id);
        proposal.DecidedBy.ShouldBe(Approver.Id);
        proposal.BasedOnVersion.ShouldBe(6);

        var budget = await Budget(programme);
        budget.Committed.ShouldBe(35_000m);
        budget.Remaining.ShouldBe(465_000m);
        budget.OwnContributions.ShouldBe(10_000m);
        budget.Alliances.ShouldHaveSingleItem().Committed.ShouldBe(35_000m);
        (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Available.ShouldBe(465_000m);
    }

    [Fact]
    public async Task The_workflow_events_record_the_system_as_actor_and_the_approver_as_the_user_behind_them()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme);

        await ConfirmAndWait(id, version);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
        var approved = events[^2];
        approved.Data.ShouldBeOfType<ApplicationApproved>().RecordedBy.ShouldBe(BudgetCommitment.Actor);
        approved.UserName.ShouldBe(Approver.Id);
        var letter = events[^1];
        letter.Data.ShouldBeOfType<DocumentAttached>().RecordedBy.ShouldBe(Fachwerk.Application.Letters.IssueDecisionLetterHandler.Actor);
        (letter.UserName, letter.CorrelationId).ShouldBe((Approver.Id, approved.CorrelationId));
        var committed = (await session.Events.FetchStreamAsync(programme, token: TestContext.Current.CancellationToken)).Last();
        committed.Data.ShouldBeOfType<FundsCommitted>().ApplicationId.ShouldBe(id);
        committed.CorrelationId.ShouldBe(approved.CorrelationId);
    }

    [Fact]
    public async Task A_confirmed_rejection_closes_the_application_without_touching_the_budget()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Reject, RejectionReason: "Kein regionaler Bedarf belegt"));

        await ConfirmAndWait(id, version);

        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Rejected);
        details.ClosingReason.ShouldBe("Kein regionaler Bedarf belegt");
        (await Budget(programme)).Committed.ShouldBe(0m);
    }

    [Fact]
    public async Task The_proposer_cannot_confirm_the_own_proposal_but_another_approver_can()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        version = await Act(DemoUsers.Deputy, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(DemoUsers.Deputy, $"/api/applications/{id}/decision-confirmation", new ConfirmDecision(version), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.four-eyes");
        (await EventCount()).ShouldBe(before);
        await ConfirmAndWait(id, version, Approver);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public async Task A_returned_proposal_goes_back_and_a_new_one_can_be_confirmed()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme, amount: 40_000m);
        version = await Act(Approver, id, "decision-return", new ReturnDecision(version, "Bitte Auflagen ergänzen"));
        (await Details(id)).Status.ShouldBe(ApplicationStatus.AllianceVoted);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 38_000m, ["Auflage A"]));

        await ConfirmAndWait(id, version);

        var details = await Details(id);
        details.Proposals.Select(p => p.Outcome).ShouldBe([ProposalOutcome.Returned, ProposalOutcome.Confirmed]);
        details.Proposals[0].OutcomeReason.ShouldBe("Bitte Auflagen ergänzen");
        details.ApprovedAmount.ShouldBe(38_000m);
    }

    [Fact]
    public async Task An_alliance_member_that_is_itself_the_applicant_cannot_vote_on_the_application()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Reviewer, $"/api/applications/{id}/alliance-vote",
            new CastAllianceVote(version, ApplicantId, true, "Wir empfehlen uns selbst", DeclaresNoConflictOfInterest: true), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.conflict-of-interest");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_vote_needs_the_reviewers_declaration_that_there_is_no_conflict_of_interest_and_records_it()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        var before = await EventCount();

        var refused = await ValidationProblemOf(await Post(Reviewer, $"/api/applications/{id}/alliance-vote",
            new CastAllianceVote(version, ChamberId, true, "Passt zur Strategie"), 400));
        refused.Errors["declaresNoConflictOfInterest"].ShouldBe([CastAllianceVoteValidator.ConflictOfInterestUndeclared]);
        (await EventCount()).ShouldBe(before);

        await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Passt zur Strategie", DeclaresNoConflictOfInterest: true));
        (await Details(id)).AllianceVote!.DeclaredNoConflictOfInterest.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_the_required_vote_no_decision_is_proposed()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme, vote: false);

        var problem = await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 40_000m), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.vote-missing");
    }

    [Fact]
    public async Task Submission_against_the_programme_rules_is_refused_with_the_computation()
    {
        var programme = await LaunchProgramme(rules: Rules(maxRate: 0.5m));
        var id = await Draft(programme, Plan(requested: 40_000m, own: 10_000m));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Applicant, $"/api/applications/{id}/submission", new SubmitApplication(1), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.funding-rate-exceeded");
        problem.Detail.ShouldNotBeNull().ShouldContain("funding rate of 80 %");
        problem.Detail!.ShouldContain("at most 50 %");
        (await EventCount()).ShouldBe(before);
        // Amended to meet the rules, the draft is submitted.
        await Send(Applicant, HttpMethod.Put, $"/api/applications/{id}/plan", new AmendApplication(1, Plan(requested: 25_000m, own: 25_000m)));
        await Act(Applicant, id, "submission", new SubmitApplication(2));
        (await Details(id)).Plan.RequestedAmount.ShouldBe(25_000m);
    }

    [Fact]
    public async Task Withdrawing_after_approval_releases_the_commitment_and_a_reduction_releases_the_difference()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (first, v1) = await Proposed(programme, amount: 40_000m);
        await ConfirmAndWait(first, v1);
        var (second, v2) = await Proposed(programme, amount: 30_000m, plan: Plan(title: "Rückkehrertag 2027"));
        await ConfirmAndWait(second, v2);
        (await Budget(programme)).Committed.ShouldBe(70_000m);

        await Host.ExecuteAndWaitAsync(async () =>
            await Act(Applicant, first, "withdrawal", new WithdrawApplication((await Details(first)).Version, "Projektträger hat keine Räume mehr")), 60_000);
        await Host.ExecuteAndWaitAsync(async () =>
            await Act(Caseworker, second, "approved-amount-reduction", new ReduceApprovedAmount((await Details(second)).Version, 22_500m, "Geringere Sachkosten")), 60_000);

        var budget = await Budget(programme);
        budget.Committed.ShouldBe(22_500m);
        budget.Released.ShouldBe(47_500m);
        budget.Remaining.ShouldBe(77_500m);
        budget.ActiveCommitments.ShouldBe(1);
        (await Details(first)).Status.ShouldBe(ApplicationStatus.Withdrawn);
    }

    [Fact]
    public async Task Redelivered_workflow_messages_change_nothing()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);
        await ConfirmAndWait(id, version);
        var events = await EventCount();

        await Host.InvokeMessageAndWaitAsync(new CommitFunds(programme, id, ApplicantId, 1));
        await Host.InvokeMessageAndWaitAsync(new ReleaseFunds(programme, id, ApplicantId, "redelivered"));

        (await EventCount()).ShouldBe(events);
        (await Budget(programme)).Committed.ShouldBe(40_000m);
    }

    [Fact]
    public async Task When_money_is_short_the_approval_is_blocked_with_the_reason_and_can_be_proposed_again_for_less()
    {
        var programme = await LaunchProgramme(budget: 30_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);

        await ConfirmAndWait(id, version);

        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.ApprovalBlocked);
        details.Proposals.Single().Outcome.ShouldBe(ProposalOutcome.Blocked);
        details.Proposals.Single().OutcomeReason.ShouldNotBeNull().ShouldContain("30,000.00 EUR available");
        (await Budget(programme)).Committed.ShouldBe(0m);
        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().Action.ShouldContain("could not be funded");

        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(details.Version, DecisionKind.Approve, 30_000m));
        await ConfirmAndWait(id, version);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        (await Budget(programme)).Remaining.ShouldBe(0m);
    }

    [Fact]
    public async Task The_planning_budget_of_an_alliance_is_exceeded_only_with_a_reason()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/planning-budgets/{AllianceId}", new SetPlanningBudget(1, 30_000m));
        var (id, version) = await Proposed(programme, amount: 40_000m);

        await ConfirmAndWait(id, version);
        var blocked = await Details(id);
        blocked.Status.ShouldBe(ApplicationStatus.ApprovalBlocked);
        blocked.Proposals.Single().OutcomeReason.ShouldNotBeNull().ShouldContain("planning budget");

        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(blocked.Version, DecisionKind.Approve, 40_000m,
            PlanningExceedanceReason: "Modellprojekt mit Landesbedeutung"));
        await ConfirmAndWait(id, version);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        var alliance = (await Budget(programme)).Alliances.ShouldHaveSingleItem();
        alliance.Planned.ShouldBe(30_000m);
        alliance.Committed.ShouldBe(40_000m);
        alliance.Left.ShouldBe(-10_000m);
    }
}
