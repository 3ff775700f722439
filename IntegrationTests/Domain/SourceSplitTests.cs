using Fachwerk.Domain.Programmes;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// Splitting an amount among funding sources by their shares: to the cent, the parts always add up to the amount, and each part
/// is within a cent of amount × share (largest remainder; ties to the earlier source).
/// </summary>
public class SourceSplitTests
{
    [Fact]
    public void The_mansfeld_suedharz_split_gives_the_state_80_and_the_district_20_percent()
    {
        SourceSplit.Of(20_000_000m, [0.8m, 0.2m]).ShouldBe([16_000_000m, 4_000_000m]);
        SourceSplit.Of(12_345.67m, [0.8m, 0.2m]).ShouldBe([9_876.54m, 2_469.13m]);
    }

    [Fact]
    public void Cents_left_over_in_rounding_go_to_the_sources_that_lost_most_and_ties_to_the_earlier_one()
    {
        // 1 cent in three equal thirds: the first source gets it.
        SourceSplit.Of(0.01m, [1m / 3, 1m / 3, 1m / 3]).ShouldBe([0.01m, 0m, 0m]);
        // 100.00 in thirds: 33.34, 33.33, 33.33.
        SourceSplit.Of(100m, [1m / 3, 1m / 3, 1m / 3]).ShouldBe([33.34m, 33.33m, 33.33m]);
        // 0.05 by 0.55 / 0.45: exact 2.75 and 2.25 cents, so the first gets the leftover cent.
        SourceSplit.Of(0.05m, [0.55m, 0.45m]).ShouldBe([0.03m, 0.02m]);
        // A negative figure splits like its positive counterpart.
        SourceSplit.Of(-100m, [1m / 3, 1m / 3, 1m / 3]).ShouldBe([-33.34m, -33.33m, -33.33m]);
    }

    [Fact]
    public void Over_random_amounts_and_shares_the_parts_add_up_to_the_amount_and_each_is_within_a_cent_of_its_share()
    {
        var random = new Random(2026);
        for (var run = 0; run < 2_000; run++)
        {
            var count = random.Next(1, 7);
            var weights = Enumerable.Range(0, count).Select(_ => (decimal)random.Next(1, 1_000)).ToList();
            var shares = weights.Select(w => w / weights.Sum()).ToList();
            var amount = random.Next(0, 100_000_000) / 100m * (random.Next(4) == 0 ? 1_000 : 1);
            var parts = SourceSplit.Of(amount, shares);

            parts.Count.ShouldBe(count);
            parts.Sum().ShouldBe(amount, $"run {run}: {amount} by [{string.Join(", ", shares)}]");
            for (var i = 0; i < count; i++)
            {
                Math.Abs(parts[i] - amount * shares[i] / shares.Sum()).ShouldBeLessThan(0.01m, $"run {run}, source {i}");
                (parts[i] * 100m % 1m).ShouldBe(0m, "whole cents");
            }
        }
    }
}
