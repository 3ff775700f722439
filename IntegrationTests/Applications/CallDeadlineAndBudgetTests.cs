using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>Late submissions to a call without a hard deadline, and a call's own budget under concurrent approvals.</summary>
public class CallDeadlineAndBudgetTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly Period March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    [Fact]
    public async Task After_a_soft_deadline_a_submission_is_accepted_marked_late_and_listed_as_late()
    {
        var programme = await LaunchProgramme();
        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls",
            new OpenCall(1, "1. Förderaufruf 2026", March, LateSubmissions: LateSubmissions.AcceptedAsLate));
        (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Calls.ShouldHaveSingleItem().Late.ShouldBe(LateSubmissions.AcceptedAsLate);
        var inTime = await Submitted(programme);

        var late = await Draft(programme);
        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero));
        await Act(Applicant, late, "submission", new SubmitApplication(1));

        (await Details(late)).Call.ShouldBe(new SubmittedToCall(1, "1. Förderaufruf 2026", 3));
        (await Details(inTime)).Call.ShouldNotBeNull().Late.ShouldBeFalse();
        await CatchUpProjections();
        var listed = await Get<Page<ApplicationSummary>>(Caseworker, $"/api/applications?programmeId={programme}&callNumber=1&late=true");
        listed.Items.ShouldHaveSingleItem().Id.ShouldBe(late);
        listed.Items[0].DaysLate.ShouldBe(3);
    }

    [Fact]
    public async Task After_a_hard_deadline_a_submission_is_refused_with_its_code_and_nothing_is_appended()
    {
        var programme = await LaunchProgramme();
        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(1, "1. Förderaufruf 2026", March));
        var late = await Draft(programme);
        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero));
        var before = await EventCount();

        (await ProblemOf(await Post(Applicant, $"/api/applications/{late}/submission", new SubmitApplication(1), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:call.window-closed");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Twelve_approvals_confirmed_at_once_against_a_call_budget_for_four_commit_exactly_four_and_block_the_rest()
    {
        const decimal amount = 20_000m;
        var programme = await LaunchProgramme(budget: 1_000_000m, rules: Rules(voteRequired: false));
        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/calls", new OpenCall(1, "1. Förderaufruf 2026", March, 4 * amount));
        var proposed = new List<(Guid Id, long Version)>();
        for (var i = 0; i < 12; i++)
            proposed.Add(await Proposed(programme, amount: amount, vote: false, plan: Plan(requested: amount, own: 5_000m, title: $"Projekt {i + 1}")));

        var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(2)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            await Task.WhenAll(proposed.Select(p => Act(Approver, p.Id, "decision-confirmation", new ConfirmDecision(p.Version))))));

        tracked.MessageFailed.Envelopes().ShouldBeEmpty();
        var details = await Task.WhenAll(proposed.Select(p => Details(p.Id)));
        details.Count(d => d.Status == ApplicationStatus.Approved).ShouldBe(4);
        details.Count(d => d.Status == ApplicationStatus.ApprovalBlocked).ShouldBe(8);
        var call = (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Calls.ShouldHaveSingleItem();
        (call.Committed, call.Remaining).ShouldBe((4 * amount, 0m));
        (await Budget(programme)).Committed.ShouldBe(4 * amount, "the programme counts the same commitments");
    }
}
