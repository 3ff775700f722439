using System.Collections.Immutable;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// Which sources finance a grant (ADR 0124): EU money only grants committed within its EU funding period, the others carry its
/// share of the rest; a grant keeps its financing for its releases and payments, and every figure's parts add up to the figure.
/// </summary>
public class SourceFinancingTests
{
    private static readonly Period Esf2021 = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));

    private static readonly IReadOnlyList<FundingSource> Saxony =
    [
        new("ESF+", 0.6m, FundingSourceKind.EuropeanSocialFund, Esf2021),
        new("Freistaat Sachsen", 0.3m, FundingSourceKind.StateGovernment),
        new("Landkreis", 0.1m, FundingSourceKind.District),
    ];

    [Fact]
    public void Given_an_ESF_source_when_a_grant_is_committed_within_its_period_then_every_source_pays_its_share()
    {
        SourceFinancing.On(Saxony, new DateOnly(2027, 12, 31)).ShouldBe("111");
        SourceFinancing.Split(10_000m, Saxony, "111").ShouldBe([6_000m, 3_000m, 1_000m]);
    }

    [Fact]
    public void Given_an_ESF_source_when_a_grant_is_committed_after_its_period_then_the_others_carry_its_share_by_their_shares()
    {
        var mask = SourceFinancing.On(Saxony, new DateOnly(2028, 1, 1));

        mask.ShouldBe("011");
        SourceFinancing.Split(10_000m, Saxony, mask).ShouldBe([0m, 7_500m, 2_500m]);
        SourceFinancing.Split(0.01m, Saxony, mask).ShouldBe([0m, 0.01m, 0m]);
    }

    [Fact]
    public void Given_a_programme_of_EU_money_only_when_a_grant_is_committed_outside_its_period_then_the_EU_source_keeps_it()
    {
        IReadOnlyList<FundingSource> esfOnly = [new("ESF+", 1m, FundingSourceKind.EuropeanSocialFund, Esf2021)];

        SourceFinancing.On(esfOnly, new DateOnly(2030, 1, 1)).ShouldBe("1");
    }

    [Fact]
    public void Given_a_grant_committed_after_the_period_when_it_is_released_and_paid_later_then_it_keeps_its_financing()
    {
        var grant = Guid.NewGuid();
        var budget = new ProgrammeBudget { Sources = Saxony }
            .Financed(grant, new DateOnly(2028, 3, 1), f => f with { Committed = f.Committed + 1_000m })
            .Financed(grant, null, f => f with { Committed = f.Committed - 200m, Released = f.Released + 200m })
            .Financed(grant, null, f => f with { Paid = f.Paid + 500m });

        var sources = SourceBudget.Of(Saxony, 100_000m, 800m, 200m, 500m, 0m, 0m, budget.Financing);

        sources.Select(s => s.Committed).ShouldBe([0m, 600m, 200m]);
        sources.Select(s => s.Released).ShouldBe([0m, 150m, 50m]);
        sources.Select(s => s.Paid).ShouldBe([0m, 375m, 125m]);
        sources.Select(s => s.Budget).ShouldBe([60_000m, 30_000m, 10_000m], "the budget is split by the shares");
    }

    [Fact]
    public void Given_figures_the_financing_does_not_add_up_to_when_the_budget_is_shown_then_every_source_shares_every_euro()
    {
        // A budget document built before the financing was kept: its financing holds only later events.
        var financing = ImmutableDictionary<string, FinancedFigures>.Empty.Add("011", new FinancedFigures(Committed: 100m));

        SourceBudget.Of(Saxony, 1_000m, 400m, 0m, 0m, 0m, 0m, financing).Select(s => s.Committed).ShouldBe([240m, 120m, 40m]);
    }

    [Fact]
    public void Over_random_grants_on_random_days_every_figures_parts_add_up_and_EU_money_never_finances_a_grant_outside_its_period()
    {
        var random = new Random(124);
        for (var run = 0; run < 300; run++)
        {
            var count = random.Next(1, 5);
            var weights = Enumerable.Range(0, count).Select(_ => (decimal)random.Next(1, 100)).ToList();
            var sources = weights.Select((w, i) => random.Next(2) == 0
                ? new FundingSource($"EU {i}", w / weights.Sum(), FundingSourceKind.EuropeanRegionalDevelopmentFund,
                    new Period(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1).AddDays(random.Next(0, 3_000))))
                : new FundingSource($"Land {i}", w / weights.Sum(), FundingSourceKind.StateGovernment)).ToList();
            var budget = new ProgrammeBudget { Sources = sources };
            var (committed, released, paid, reclaimed, repaid) = (0m, 0m, 0m, 0m, 0m);
            var held = new Dictionary<Guid, (DateOnly Day, decimal Held)>();
            for (var step = 0; step < 30; step++)
            {
                var amount = random.Next(1, 5_000_000) / 100m;
                if (held.Count == 0 || random.Next(3) == 0)
                {
                    var grant = Guid.NewGuid();
                    var day = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 4_000));
                    budget = budget.Financed(grant, day, f => f with { Committed = f.Committed + amount });
                    held[grant] = (day, amount);
                    committed += amount;
                    continue;
                }

                var (id, (on, holds)) = held.ElementAt(random.Next(held.Count));
                var part = Math.Min(holds, amount);
                switch (random.Next(3))
                {
                    case 0:
                        budget = budget.Financed(id, null, f => f with { Committed = f.Committed - part, Released = f.Released + part });
                        held[id] = (on, holds - part);
                        (committed, released) = (committed - part, released + part);
                        break;
                    case 1:
                        budget = budget.Financed(id, null, f => f with { Paid = f.Paid + part, Reclaimed = f.Reclaimed + Math.Round(part / 2, 2) });
                        (paid, reclaimed) = (paid + part, reclaimed + Math.Round(part / 2, 2));
                        break;
                    default:
                        budget = budget.Financed(id, null, f => f with { Repaid = f.Repaid + part });
                        repaid += part;
                        break;
                }
            }

            var parts = SourceBudget.Of(sources, 1_000_000m, committed, released, paid, reclaimed, repaid, budget.Financing);
            var context = $"run {run}";
            parts.Sum(s => s.Committed).ShouldBe(committed, context);
            parts.Sum(s => s.Released).ShouldBe(released, context);
            parts.Sum(s => s.Paid).ShouldBe(paid, context);
            parts.Sum(s => s.Reclaimed).ShouldBe(reclaimed, context);
            parts.Sum(s => s.Repaid).ShouldBe(repaid, context);
            parts.Sum(s => s.Budget).ShouldBe(1_000_000m, context);
            for (var i = 0; i < count; i++)
            {
                if (sources[i].EuFundingPeriod is not { } period) continue;
                foreach (var (day, _) in held.Values)
                {
                    // EU money finances a grant outside its period only when no source with a share is left to carry it.
                    var mask = SourceFinancing.On(sources, day);
                    if (mask[i] == '1' && !period.Contains(day))
                        mask.ShouldBe(SourceFinancing.All(count), $"{context}, source {i}");
                }

                // What an EU source holds comes only from the grants it finances.
                if (held.Values.Where(h => SourceFinancing.On(sources, h.Day)[i] == '1').Sum(h => h.Held) == 0)
                    parts[i].Committed.ShouldBe(0m, $"{context}, source {i}");
            }
        }
    }
}
