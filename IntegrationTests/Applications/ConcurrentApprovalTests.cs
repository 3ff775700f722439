using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

public class ConcurrentApprovalTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private const int Approvals = 50;
    private const int Affordable = 10;
    private const decimal Amount = 20_000m;

    [Fact]
    public async Task Fifty_approvals_confirmed_at_once_against_a_budget_for_ten_commit_exactly_ten_and_block_the_rest()
    {
        var programme = await LaunchProgramme(budget: Affordable * Amount, rules: Rules(voteRequired: false));
        var proposed = new List<(Guid Id, long Version)>();
        for (var i = 0; i < Approvals; i++)
            proposed.Add(await Proposed(programme, amount: Amount, vote: false, plan: Plan(requested: Amount, own: 5_000m, title: $"Projekt {i + 1}")));

        var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(2)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            await Task.WhenAll(proposed.Select(p =>
                Act(Approver, p.Id, "decision-confirmation", new ConfirmDecision(p.Version))))));

        tracked.MessageFailed.Envelopes().ShouldBeEmpty();
        var details = await Task.WhenAll(proposed.Select(p => Details(p.Id)));
        details.Count(d => d.Status == ApplicationStatus.Approved).ShouldBe(Affordable);
        details.Count(d => d.Status == ApplicationStatus.ApprovalBlocked).ShouldBe(Approvals - Affordable);
        details.ShouldNotContain(d => d.Status == ApplicationStatus.AwaitingCommitment, "nothing is left half-done");

        await using var session = Store.QuerySession();
        var commitments = (await session.Events.FetchStreamAsync(programme, token: TestContext.Current.CancellationToken))
            .Select(e => e.Data).OfType<FundsCommitted>().ToList();
        commitments.Count.ShouldBe(Affordable);
        commitments.Select(c => c.ApplicationId).ShouldBe(details.Where(d => d.Status == ApplicationStatus.Approved).Select(d => d.Id), ignoreOrder: true);

        var budget = await Budget(programme);
        budget.Committed.ShouldBe(commitments.Sum(c => c.Amount));
        budget.Committed.ShouldBe(Affordable * Amount);
        budget.Remaining.ShouldBe(0m);
        budget.ActiveCommitments.ShouldBe(Affordable);
    }
}
