using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Appends that lose a race in the database rather than in Marten's version check (ADR 0079): a deadlock between two
/// transactions on one stream, or a unique key of the event tables (the sequence Marten's tombstones take again). The
/// failures are PostgreSQL's own, raised by a trigger. Nothing is recorded, the answer is 409 and never 5xx, and a handler
/// tries again.
/// </summary>
public class AppendRaceTests(AppFixture fixture) : FundingApi(fixture)
{
    /// <remarks>
    /// Marten retries a deadlocked batch by itself, so the deadlock here comes back on every attempt; the unique key of the
    /// event sequence refuses the first attempt only. (Marten turns the stream's own version key into a stale version.)
    /// </remarks>
    [Theory]
    [InlineData("40P01", null, 1_000)]
    [InlineData("23505", "pkey_mt_events_seq_id", 1)]
    public async Task A_command_whose_append_loses_a_race_in_the_database_is_answered_409_records_nothing_and_goes_through_when_sent_again(
        string errorCode, string? constraint, long failures)
    {
        var (id, version) = await Approved(await LaunchProgramme(rules: Rules(voteRequired: false)), 40_000m);
        var request = new RequestPayment(version, 20_000m, Today.AddDays(10), 5_000m);

        await using (var fault = await AppendFault.InstallAsync(ConnectionString, id, errorCode, failures, constraint))
        {
            var refused = await Read<Microsoft.AspNetCore.Mvc.ProblemDetails>(await Post(Applicant, $"/api/applications/{id}/payment-requests", request, 409));
            refused.Type.ShouldBe(Problems.TypeOf(Problems.ConcurrentChangeCode));
            refused.Detail.ShouldBe("Another change to the same funding application was being recorded at the same moment; nothing of yours was recorded. Read it again and send the command again.");
            (await Details(id)).Version.ShouldBe(version);
            await using var session = Store.QuerySession();
            (await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Select(e => e.Data).OfType<PaymentRequested>().ShouldBeEmpty();
        }

        (await Act(Applicant, id, "payment-requests", request)).ShouldBe(version + 1);

        (await Details(id)).Funding!.Payments.ShouldHaveSingleItem().Amount.ShouldBe(20_000m);
    }

    [Fact]
    public async Task A_budget_step_whose_append_meets_a_unique_key_of_the_event_tables_is_retried_and_commits_once()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);

        await using (var fault = await AppendFault.InstallAsync(ConnectionString, programme, "23505", failures: 1, "pkey_mt_events_seq_id"))
        {
            var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(1)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext _) => Act(Approver, id, "decision-confirmation", new ConfirmDecision(version)));

            (await fault.AttemptsAsync()).ShouldBe(2);
            tracked.MovedToErrorQueue.MessagesOf<CommitFunds>().ShouldBeEmpty();
        }

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        (await Budget(programme)).Committed.ShouldBe(40_000m);
    }

    [Fact]
    public async Task Payments_requested_while_the_decision_letter_is_being_issued_are_each_accepted_once_or_refused_as_stale()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        for (var round = 0; round < 6; round++)
        {
            var (id, version) = await Proposed(programme, amount: 20_000m, vote: false, plan: Plan(requested: 20_000m, own: 5_000m, title: $"Projekt {round}"));
            await Act(Approver, id, "decision-confirmation", new ConfirmDecision(version));
            // Right when the approval is visible, the letter is still being written to the same stream.
            ApplicationDetails approved;
            do approved = await Details(id); while (approved.Status != ApplicationStatus.Approved);

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
                Answer(Applicant, $"/api/applications/{id}/payment-requests", new RequestPayment(approved.Version, 5_000m, Today.AddDays(10), 1_250m))));

            answers.ShouldAllBe(status => status == 200 || status == 409);
            var payments = (await Details(id)).Funding!.Payments.Count;
            payments.ShouldBe(answers.Count(status => status == 200));
            payments.ShouldBeLessThanOrEqualTo(1);
        }
    }
}
