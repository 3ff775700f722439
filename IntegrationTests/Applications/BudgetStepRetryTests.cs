using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// The budget workflow's steps wait out a database that fails for a moment instead of giving the message up (ADR 0080). The
/// failure is PostgreSQL's own: the step's first append to the programme is answered with <c>admin_shutdown</c>.
/// </summary>
public class BudgetStepRetryTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task A_commitment_that_meets_a_shutting_down_database_is_retried_and_not_dead_lettered()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);

        await using (var fault = await AppendFault.InstallAsync(ConnectionString, programme, "57P01", failures: 1))
        {
            // The step's first attempt fails and is logged as an exception; the session waits for the retry.
            var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(1)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext _) => Act(Approver, id, "decision-confirmation", new ConfirmDecision(version)));

            (await fault.AttemptsAsync()).ShouldBe(2);
            tracked.MessageFailed.MessagesOf<CommitFunds>().ShouldBeEmpty();
            tracked.MovedToErrorQueue.MessagesOf<CommitFunds>().ShouldBeEmpty();
        }

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        (await Budget(programme)).Committed.ShouldBe(40_000m);
        var deadLetters = await Host.GetRuntime().Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery(), TestContext.Current.CancellationToken);
        deadLetters.TotalCount.ShouldBe(0);
    }
}
