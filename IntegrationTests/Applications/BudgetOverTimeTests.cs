using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A programme's budget over time (GET /api/programmes/{id}/budget/months): launched in March, an approval in March, a payment
/// booked and a top-up in April, nothing in May, an approval in June. Each month shows what moved in it and where the money
/// stood at its end; a period shows only its months; a period that ends before it begins is refused.
/// </summary>
public class BudgetOverTimeTests(AppFixture fixture) : FundingApi(fixture)
{
    [Fact]
    public async Task Each_month_shows_what_moved_in_it_and_where_the_money_stood_at_its_end()
    {
        var programme = await LaunchProgramme(budget: 1_000_000m, rules: Rules(voteRequired: false)); // 2 March 2026
        var (first, version) = await Approved(programme, 40_000m, title: "Märzprojekt");

        MoveTo(new DateOnly(2026, 4, 10));
        await Paid(first, version, 20_000m, 5_000m);                            // booked on 13 April
        var programmeVersion = (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Version;
        await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/top-ups", new TopUpProgramme(programmeVersion, 100_000m, "Nachtrag"));

        MoveTo(new DateOnly(2026, 6, 15));
        await Approved(programme, 30_000m, title: "Juniprojekt");

        await CatchUpProjections();
        var overTime = await Get<ProgrammeBudgetOverTime>(Caseworker, $"/api/programmes/{programme}/budget/months");

        overTime.Months.Select(m => m.Month).ShouldBe([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)]);
        var (march, april, may, june) = (overTime.Months[0], overTime.Months[1], overTime.Months[2], overTime.Months[3]);
        (march.BudgetChange, march.Committed, march.Paid).ShouldBe((1_000_000m, 40_000m, 0m));
        (march.BudgetAtEnd, march.CommittedAtEnd, march.PaidAtEnd, march.RemainingAtEnd).ShouldBe((1_000_000m, 40_000m, 0m, 960_000m));
        (april.BudgetChange, april.Committed, april.Paid).ShouldBe((100_000m, 0m, 20_000m));
        (april.BudgetAtEnd, april.CommittedAtEnd, april.PaidAtEnd, april.RemainingAtEnd).ShouldBe((1_100_000m, 40_000m, 20_000m, 1_060_000m));
        (may.BudgetChange, may.Committed, may.Paid).ShouldBe((0m, 0m, 0m), "a month without movements is shown, not left out");
        (may.BudgetAtEnd, may.RemainingAtEnd).ShouldBe((1_100_000m, 1_060_000m));
        (june.Committed, june.CommittedAtEnd, june.RemainingAtEnd).ShouldBe((30_000m, 70_000m, 1_030_000m));

        // The last month's end is where the budget stands now.
        var budget = await Budget(programme);
        (june.BudgetAtEnd, june.CommittedAtEnd, june.PaidAtEnd, june.RemainingAtEnd).ShouldBe((budget.TotalBudget, budget.Committed, budget.Paid, budget.Remaining));

        // A period shows the months it touches, with the figures at their ends as before.
        var period = await Get<ProgrammeBudgetOverTime>(Caseworker, $"/api/programmes/{programme}/budget/months?from=2026-04-15&to=2026-05-02");
        period.Months.ShouldBe([april, may]);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_begins_is_refused_and_an_unknown_programme_is_not_found()
    {
        var programme = await LaunchProgramme();

        var refused = await ValidationProblemOf(await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/months?from=2026-05-01&to=2026-04-01", 400));
        refused.Errors.Keys.ShouldContain("to");
        await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/months?from=kein-datum", 400);
        await GetExpecting(Caseworker, $"/api/programmes/{Guid.NewGuid()}/budget/months", 404);
    }

    /// <summary>Moves the clock forward to 08:00 UTC of <paramref name="day"/>.</summary>
    private void MoveTo(DateOnly day) => Clock.Advance(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) - Clock.GetUtcNow());
}
