using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Application.Operations;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A workflow step that failed for good (an error that no retry cures) waits in the dead letters; an administrator lists it
/// through the API and, once the cause is gone, replays it, and the step does what it would have done (ADR 0080).
/// </summary>
public class DeadLetterReplayTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private const string DeadLetters = "/api/admin/dead-letters";

    [Fact]
    public async Task A_dead_lettered_commitment_is_listed_and_replayed_by_an_administrator()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);

        await using (var fault = await AppendFault.InstallAsync(ConnectionString, programme, "P0001", failures: long.MaxValue))
        {
            var failed = await Host.TrackActivity(TimeSpan.FromMinutes(1)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext _) => Act(Approver, id, "decision-confirmation", new ConfirmDecision(version)));
            failed.MovedToErrorQueue.MessagesOf<CommitFunds>().ShouldHaveSingleItem().ApplicationId.ShouldBe(id);
        }

        (await Details(id)).Status.ShouldBe(ApplicationStatus.AwaitingCommitment);
        var listed = await Get<Page<DeadLetter>>(DemoUsers.Administrator, DeadLetters + "?messageType=" + typeof(CommitFunds).FullName);
        var letter = listed.Items.ShouldHaveSingleItem();
        letter.MessageType.ShouldBe(typeof(CommitFunds).FullName);
        letter.ExceptionMessage.ShouldContain("append refused by the test");
        letter.Replayable.ShouldBeFalse();

        var replayed = await Host.TrackActivity(TimeSpan.FromMinutes(1)).WaitForMessageToBeReceivedAt<CommitFunds>(Host)
            .ExecuteAndWaitAsync((IMessageContext _) => Post(DemoUsers.Administrator, $"{DeadLetters}/{letter.Id}/replay", null, 202));

        replayed.Executed.SingleMessage<CommitFunds>().ApplicationId.ShouldBe(id);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        (await Budget(programme)).Committed.ShouldBe(40_000m);
        (await Get<Page<DeadLetter>>(DemoUsers.Administrator, DeadLetters)).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task Replaying_an_unknown_dead_letter_answers_404()
    {
        var problem = await ProblemOf(await Post(DemoUsers.Administrator, $"{DeadLetters}/{Guid.NewGuid()}/replay", null, 404));

        problem.Type.ShouldBe(Problems.TypeOf(Problems.NotFoundCode));
    }
}
