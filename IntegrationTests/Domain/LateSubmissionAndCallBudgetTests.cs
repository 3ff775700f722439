using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>A call's last day as a hard deadline or with late submissions taken and marked late; a call's budget limiting its commitments.</summary>
public class LateSubmissionAndCallBudgetTests
{
    private static readonly Period Spring = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31));

    private static FundingProgramme With(FundingProgramme programme, params object[] events) => events.Aggregate(programme, FundingProgramme.Evolve);

    private static FundingProgramme SpringCall(LateSubmissions late, decimal? budget = null, params object[] after) =>
        With(With(Programme(), new CallOpened(Guid.Empty, 1, "1. Förderaufruf 2026", Spring, budget, "admin", Now, late)), after);

    private static Stamp On(int year, int month, int day) => Applicant with { At = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero) };

    private static ApplicationSubmitted Submit(FundingProgramme programme, DateOnly day)
    {
        var region = Alliance();
        return ApplicationDecider.Submit(Given.History<FundingApplication>(Drafted(region, programme)), programme, region, day, On(day.Year, day.Month, day.Day));
    }

    [Fact]
    public void A_call_is_opened_with_a_hard_deadline_unless_it_says_it_takes_late_submissions()
    {
        var window = new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31));

        ProgrammeDecider.OpenCall(Programme(), "2. Förderaufruf", window, null, Caseworker).Late.ShouldBe(LateSubmissions.Refused);
        var soft = ProgrammeDecider.OpenCall(Programme(), "2. Förderaufruf", window, null, Caseworker, LateSubmissions.AcceptedAsLate);
        soft.Late.ShouldBe(LateSubmissions.AcceptedAsLate);
        With(Programme(), soft).Call(1).ShouldNotBeNull().Late.ShouldBe(LateSubmissions.AcceptedAsLate);
    }

    [Fact]
    public void After_a_hard_deadline_a_submission_is_refused()
    {
        Given.Refusal(() => Submit(SpringCall(LateSubmissions.Refused), new DateOnly(2026, 6, 3))).Code.ShouldBe("call.window-closed");
    }

    [Fact]
    public void After_a_soft_deadline_a_submission_is_taken_and_recorded_with_the_days_it_is_late()
    {
        var programme = SpringCall(LateSubmissions.AcceptedAsLate);

        var inTime = Submit(programme, new DateOnly(2026, 5, 31)).Call.ShouldNotBeNull();
        inTime.Late.ShouldBeFalse();
        var late = Submit(programme, new DateOnly(2026, 6, 3)).Call.ShouldNotBeNull();
        late.ShouldBe(new SubmittedToCall(1, "1. Förderaufruf 2026", 3));
        late.Late.ShouldBeTrue();
    }

    [Fact]
    public void A_soft_deadline_takes_no_late_submission_once_the_call_is_closed_or_a_later_call_has_started()
    {
        var closed = SpringCall(LateSubmissions.AcceptedAsLate, null, new CallClosed(Guid.Empty, 1, "Enough applications", "admin", On(2026, 6, 2).At));
        Given.Refusal(() => Submit(closed, new DateOnly(2026, 6, 3))).Code.ShouldBe("call.window-closed");

        var autumn = SpringCall(LateSubmissions.AcceptedAsLate, null,
            new CallOpened(Guid.Empty, 2, "2. Förderaufruf 2026", new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), null, "admin", Now));
        Submit(autumn, new DateOnly(2026, 8, 31)).Call.ShouldNotBeNull().Number.ShouldBe(1, "late to the spring call before the autumn call opens");
        Submit(autumn, new DateOnly(2026, 9, 1)).Call.ShouldBe(new SubmittedToCall(2, "2. Förderaufruf 2026"));
        Given.Refusal(() => Submit(autumn, new DateOnly(2026, 11, 2))).Code.ShouldBe("call.window-closed");
    }

    [Fact]
    public void A_commitment_beyond_what_is_left_of_its_calls_budget_is_refused_as_a_value()
    {
        var programme = SpringCall(LateSubmissions.Refused, 50_000m,
            new FundsCommitted(Guid.Empty, Guid.CreateVersion7(), Guid.CreateVersion7(), 30_000m, 5_000m, null, "system", Now, 1));
        programme.Call(1).ShouldNotBeNull().Remaining.ShouldBe(20_000m);

        var refused = ProgrammeDecider.Commit(programme, new CommitmentRequest(AppId, Guid.CreateVersion7(), 20_000.01m, 0m, null, 1), Caseworker)
            .ShouldBeOfType<CommitmentOutcome.Refused>();
        refused.Code.ShouldBe("call.insufficient-funds");
        refused.Reason.ShouldContain("20,000.00 EUR left");
        ProgrammeDecider.Commit(programme, new CommitmentRequest(AppId, Guid.CreateVersion7(), 20_000.01m, 0m, null), Caseworker)
            .ShouldBeOfType<CommitmentOutcome.Committed>("an application to no call counts against the programme only");

        var committed = ProgrammeDecider.Commit(programme, new CommitmentRequest(AppId, Guid.CreateVersion7(), 20_000m, 0m, null, 1), Caseworker)
            .ShouldBeOfType<CommitmentOutcome.Committed>().Event;
        committed.CallNumber.ShouldBe(1);
        With(programme, committed).Call(1).ShouldNotBeNull().Remaining.ShouldBe(0m);
    }

    [Fact]
    public void A_release_gives_the_money_back_to_the_call_it_was_committed_from()
    {
        var programme = SpringCall(LateSubmissions.Refused, 50_000m);
        var committed = ((CommitmentOutcome.Committed)ProgrammeDecider.Commit(programme, new CommitmentRequest(AppId, Guid.CreateVersion7(), 40_000m, 0m, null, 1),
            Caseworker)).Event;
        var held = With(programme, committed);

        var release = ProgrammeDecider.Release(held, Commitment.Evolve(null, committed), 25_000m, "reduced", Caseworker).ShouldHaveSingleItem()
            .ShouldBeOfType<FundsReleased>();

        release.CallNumber.ShouldBe(1);
        With(held, release).Call(1).ShouldNotBeNull().Committed.ShouldBe(25_000m);
    }

    [Fact]
    public void The_budget_workflow_counts_an_approval_against_the_call_the_application_was_submitted_to()
    {
        var programme = SpringCall(LateSubmissions.Refused, 30_000m);
        var region = Alliance(true, Chamber);
        var submitted = Submitted() with { Call = new SubmittedToCall(1, "1. Förderaufruf 2026") };
        var awaiting = Given.History<FundingApplication>(Drafted(region, programme), submitted, Completed, Voted(region), ProposedApproval(40_000m),
            ConfirmedApproval(40_000m));

        var step = BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 1, Now);

        step.ProgrammeEvents.ShouldBeEmpty();
        step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalBlocked>().Code.ShouldBe("call.insufficient-funds");
    }
}
