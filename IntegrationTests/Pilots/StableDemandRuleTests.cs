using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>The continuation indicator (docs/pilots.md), pure: no database.</summary>
public class StableDemandRuleTests
{
    private static readonly Period Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
    private static readonly DateOnly AfterThePhase = new(2026, 1, 15);
    private static readonly StableDemandRule Rule = StableDemandRule.Default;

    /// <summary>Demand per month from July to December 2025, as services delivered.</summary>
    private static IEnumerable<MonthlyDemand> SecondHalfOf2025(params int[] demand) =>
        demand.Select((d, i) => new MonthlyDemand(new DateOnly(2025, 7 + i, 1), ServicesDelivered: d));

    [Fact]
    public void Six_months_each_at_the_minimum_and_not_falling_are_stable_demand()
    {
        var assessment = Rule.Assess(Year2025, AfterThePhase, SecondHalfOf2025(6, 7, 6, 8, 7, 7));

        assessment.Verdict.ShouldBe(DemandVerdict.Stable);
        assessment.Window.Select(m => m.Month.Month).ShouldBe([7, 8, 9, 10, 11, 12]);
        assessment.Window.Select(m => m.Demand).ShouldBe([6, 7, 6, 8, 7, 7]);
        assessment.LowestMonthlyDemand.ShouldBe(6);
        assessment.EarlierAverage.ShouldBe(6.33m);
        assessment.LaterAverage.ShouldBe(7.33m);
        assessment.ChangePercent.ShouldBe(15.8m);
        assessment.Findings.Count.ShouldBe(3);
        (assessment.WindowMonths, assessment.MinimumMonthlyDemand, assessment.MaximumDeclinePercent).ShouldBe((6, 5, 10));
    }

    [Fact]
    public void A_month_below_the_minimum_is_not_stable_and_is_named()
    {
        var assessment = Rule.Assess(Year2025, AfterThePhase, SecondHalfOf2025(9, 9, 4, 9, 9, 9));

        assessment.Verdict.ShouldBe(DemandVerdict.NotStable);
        assessment.LowestMonthlyDemand.ShouldBe(4);
        assessment.Findings.ShouldContain(f => f.Contains("2025-09 (4)", StringComparison.Ordinal));
    }

    [Fact]
    public void Falling_demand_is_not_stable_but_a_decline_of_exactly_the_tolerance_is()
    {
        var falling = Rule.Assess(Year2025, AfterThePhase, SecondHalfOf2025(10, 10, 10, 6, 5, 5));
        var tolerated = Rule.Assess(Year2025, AfterThePhase, SecondHalfOf2025(10, 10, 10, 9, 9, 9));

        falling.Verdict.ShouldBe(DemandVerdict.NotStable);
        falling.ChangePercent.ShouldBe(-46.7m);
        falling.Findings.ShouldContain(f => f.StartsWith("Demand is falling", StringComparison.Ordinal));
        tolerated.Verdict.ShouldBe(DemandVerdict.Stable);
        tolerated.ChangePercent.ShouldBe(-10.0m);
    }

    [Fact]
    public void Months_without_any_record_count_as_no_demand()
    {
        var assessment = Rule.Assess(Year2025, AfterThePhase,
            [new MonthlyDemand(new DateOnly(2025, 7, 1), NewParticipants: 3, NewCompanies: 1, ServicesDelivered: 2, InterculturalTrainings: 1, Placements: 4)]);

        assessment.Window[0].Demand.ShouldBe(7);
        assessment.Window.Skip(1).ShouldAllBe(m => m.Demand == 0);
        assessment.Verdict.ShouldBe(DemandVerdict.NotStable);
    }

    [Fact]
    public void Only_months_completely_in_the_phase_and_ended_before_the_assessment_count()
    {
        var midMonthStart = new Period(new DateOnly(2025, 1, 15), new DateOnly(2025, 12, 20));

        StableDemandRule.CompleteMonths(midMonthStart, new DateOnly(2026, 3, 1)).Select(m => m.Month)
            .ShouldBe([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        StableDemandRule.CompleteMonths(Year2025, new DateOnly(2025, 9, 30)).Select(m => m.Month)
            .ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        StableDemandRule.CompleteMonths(Year2025, new DateOnly(2025, 10, 1)).Last().ShouldBe(new DateOnly(2025, 9, 1));
    }

    [Fact]
    public void Fewer_complete_months_than_the_window_cannot_be_assessed()
    {
        var assessment = Rule.Assess(Year2025, new DateOnly(2025, 6, 10), SecondHalfOf2025(9, 9, 9, 9, 9, 9));

        assessment.Verdict.ShouldBe(DemandVerdict.NotAssessable);
        assessment.Window.Count.ShouldBe(5);
        assessment.Findings.ShouldHaveSingleItem().ShouldContain("the rule needs 6");
    }
}
