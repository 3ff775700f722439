using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Change notices (Änderungsbescheide) through the API: proposed, confirmed by a second person, committed like approvals (ADR 0121).</summary>
public class AmendmentTests(AppFixture fixture) : FundingApi(fixture)
{
    /// <summary>From 40,000 EUR of 50,000 to 48,000 of 60,000 (80 %), the project three months longer.</summary>
    private ProposeAmendment Raise(long version, decimal amount = 48_000m) =>
        new(version, "Zwölf statt acht Teilnehmende; Antrag vom 3. März.", Today, Amount: amount, ProjectEnd: new DateOnly(2027, 11, 30),
            CostPlan: new CostPlan(amount * 1.25m, amount / 4, 0m));

    [Fact]
    public async Task A_raise_confirmed_by_a_second_person_commits_the_extra_money_and_the_case_shows_both_versions_with_what_changed()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme);

        var proposed = await Post<CommandAccepted>(Caseworker, $"/api/applications/{id}/amendments", Raise(version));
        proposed.Created!.Key.ShouldBe("1");
        (await Details(id)).PendingAmendment.ShouldNotBeNull().Outcome.ShouldBe(AmendmentOutcome.Proposed);
        await Host.ExecuteAndWaitAsync(async () => await Act(Approver, id, "amendments/confirmation", new ConfirmAmendment(proposed.Version)), 60_000);

        var details = await Details(id);
        details.ApprovedAmount.ShouldBe(48_000m);
        details.PendingAmendment.ShouldBeNull();
        details.DecisionVersions.Select(v => (v.Version, v.Amount)).ShouldBe([(1, 40_000m), (2, 48_000m)]);
        var amended = details.DecisionVersions[1];
        amended.Changes.ShouldBe([AmendmentChange.Amount, AmendmentChange.ProjectEnd, AmendmentChange.ProofDueDates, AmendmentChange.CostPlan]);
        (amended.ProposedBy, amended.ConfirmedBy, amended.EffectiveFrom).ShouldBe((Caseworker.Id, Approver.Id, Today));
        details.Funding!.ProofsOfUse.Single(p => p.Kind == ProofKind.Final).DueBy.ShouldBe(new DateOnly(2028, 5, 30));
        var budget = await Budget(programme);
        (budget.Committed, budget.ActiveCommitments).ShouldBe((48_000m, 1), "a raise is no new commitment");

        // The recipient may now call the raised amount.
        await Act(Applicant, id, "payment-requests", new RequestPayment(details.Version, 48_000m, Today.AddDays(10), 12_000m));
    }

    [Fact]
    public async Task The_proposer_cannot_confirm_a_returned_amendment_changes_nothing_and_refusals_append_nothing()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme);
        var before = await EventCount();

        var invalid = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments", new { expectedVersion = version, amount = 45_000m }, 400));
        invalid.Errors.Keys.ShouldBe(["reason", "effectiveFrom"], ignoreOrder: true);
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments",
                new ProposeAmendment(version, "Mehr Kosten", Today, Amount: 45_000m, CostPlan: new CostPlan(50_000m, 10_000m, 0m)), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:amendment.financing-unbalanced");
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments",
                new ProposeAmendment(version, "Nichts", Today, Amount: 40_000m, CostPlan: new CostPlan(50_000m, 10_000m, 0m)), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:amendment.no-change");
        (await EventCount()).ShouldBe(before);

        version = await Act(DemoUsers.Deputy, id, "amendments", new ProposeAmendment(version, "Neue Auflage", Today, Conditions: ["Bericht zum 31. Mai"]));
        (await ProblemOf(await Post(DemoUsers.Deputy, $"/api/applications/{id}/amendments/confirmation", new ConfirmAmendment(version), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.four-eyes");
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/amendments/confirmation", new ConfirmAmendment(version), 403))).Status.ShouldBe(403);
        await Act(Approver, id, "amendments/return", new ReturnAmendment(version, "Die Auflage ist unklar."));

        var details = await Details(id);
        details.DecisionVersions.ShouldHaveSingleItem();
        details.Conditions.ShouldBeEmpty("the approval's, as before");
        details.Amendments.ShouldHaveSingleItem().Outcome.ShouldBe(AmendmentOutcome.Returned);
    }

    [Fact]
    public async Task Raises_and_new_approvals_racing_for_the_last_money_never_over_commit()
    {
        // Four grants of 20,000 EUR hold 80,000 of 110,000; four raises of 10,000 and four approvals of 10,000 race for the 30,000 left.
        var programme = await LaunchProgramme(budget: 110_000m, rules: Rules(voteRequired: false));
        var raises = new List<(Guid Id, long Version)>();
        for (var i = 0; i < 4; i++)
        {
            var (id, version) = await Approved(programme, 20_000m, title: $"Bewilligt {i + 1}");
            raises.Add((id, await Act(Caseworker, id, "amendments", Raise(version, 30_000m))));
        }

        var approvals = new List<(Guid Id, long Version)>();
        for (var i = 0; i < 4; i++)
            approvals.Add(await Proposed(programme, amount: 10_000m, vote: false, plan: Plan(requested: 10_000m, title: $"Neu {i + 1}")));

        var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(2)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            await Task.WhenAll(
                raises.Select(r => Act(Approver, r.Id, "amendments/confirmation", new ConfirmAmendment(r.Version)))
                    .Concat(approvals.Select(a => Act(Approver, a.Id, "decision-confirmation", new ConfirmDecision(a.Version)))))));

        tracked.MessageFailed.Envelopes().ShouldBeEmpty();
        var raised = await Task.WhenAll(raises.Select(r => Details(r.Id)));
        var decided = await Task.WhenAll(approvals.Select(a => Details(a.Id)));
        raised.ShouldAllBe(d => d.PendingAmendment == null, "every raise was put in force or blocked");
        decided.ShouldNotContain(d => d.Status == ApplicationStatus.AwaitingCommitment, "nothing is left half-done");
        var held = raised.Sum(d => d.ApprovedAmount!.Value) + decided.Where(d => d.Status == ApplicationStatus.Approved).Sum(d => d.ApprovedAmount!.Value);
        held.ShouldBe(110_000m, "the last money went, and no more");
        raised.Count(d => d.Amendments.Single().Outcome == AmendmentOutcome.Blocked)
            .ShouldBe(4 - raised.Count(d => d.ApprovedAmount == 30_000m));

        await using var session = Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(programme, token: TestContext.Current.CancellationToken)).Select(e => e.Data).ToList();
        var committed = events.OfType<FundsCommitted>().Sum(c => c.Amount) - events.OfType<FundsReleased>().Sum(c => c.Amount);
        committed.ShouldBe(held);
        var budget = await Budget(programme);
        (budget.Committed, budget.Remaining).ShouldBe((held, 0m));
        budget.ActiveCommitments.ShouldBe(4 + decided.Count(d => d.Status == ApplicationStatus.Approved));
    }
}
