using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// One funding source's part of a programme's money: each figure split among the sources by their shares, to the cent, so the
/// parts of every figure add up to the programme's figure (<see cref="SourceSplit"/>); what remains is its budget less what it
/// has committed.
/// </summary>
/// <param name="Name">The source's name.</param>
/// <param name="Kind">What kind of money it is ("other" when the programme does not say).</param>
/// <param name="EuFundingPeriod">For EU funds, the EU funding period.</param>
/// <param name="Share">Its share of the programme's money (0.8 = 80 %).</param>
/// <param name="Budget">Its part of the budget, in EUR.</param>
/// <param name="Committed">Its part of what is committed, in EUR.</param>
/// <param name="Released">Its part of what was committed and released again, in EUR.</param>
/// <param name="Paid">Its part of what was paid out, in EUR.</param>
/// <param name="Reclaimed">Its part of what was reclaimed, in EUR.</param>
/// <param name="Repaid">Its part of what was paid back, in EUR.</param>
/// <param name="Remaining">What of its part can still be committed, in EUR.</param>
public sealed record SourceBudget(
    string Name, FundingSourceKind Kind, Period? EuFundingPeriod, decimal Share, decimal Budget, decimal Committed, decimal Released,
    decimal Paid, decimal Reclaimed, decimal Repaid, decimal Remaining)
{
    /// <summary>
    /// The programme's figures split among its <paramref name="sources"/>. With <paramref name="financing"/> (the figures by which
    /// sources finance them, ADR 0124) each part of a figure is split among the sources that finance it; without (a budget not yet
    /// read, or built before), or if it does not add up to the figures, every source shares every euro (ADR 0094). The budget is
    /// always split by the shares.
    /// </summary>
    public static IReadOnlyList<SourceBudget> Of(
        IReadOnlyList<FundingSource> sources, decimal budget, decimal committed, decimal released, decimal paid, decimal reclaimed, decimal repaid,
        IReadOnlyDictionary<string, FinancedFigures>? financing = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var shares = sources.Select(s => s.Share).ToList();
        IReadOnlyList<KeyValuePair<string, FinancedFigures>> parts = financing is { Count: > 0 } && financing.Keys.All(mask => mask.Length == sources.Count)
            && financing.Values.Sum(f => f.Committed) == committed && financing.Values.Sum(f => f.Released) == released
            && financing.Values.Sum(f => f.Paid) == paid && financing.Values.Sum(f => f.Reclaimed) == reclaimed
            && financing.Values.Sum(f => f.Repaid) == repaid
                ? [.. financing.OrderBy(p => p.Key, StringComparer.Ordinal)]
                : [new(SourceFinancing.All(sources.Count), new FinancedFigures(committed, released, paid, reclaimed, repaid))];
        IReadOnlyList<decimal> Split(Func<FinancedFigures, decimal> figure) =>
        [
            .. parts.Select(p => SourceFinancing.Split(figure(p.Value), sources, p.Key))
                .Aggregate(new decimal[sources.Count], (sum, split) => [.. sum.Zip(split, (a, b) => a + b)]),
        ];
        var (budgets, commitments, releases, payments, reclaims, repayments) = (SourceSplit.Of(budget, shares), Split(f => f.Committed),
            Split(f => f.Released), Split(f => f.Paid), Split(f => f.Reclaimed), Split(f => f.Repaid));
        return
        [
            .. sources.Select((s, i) => new SourceBudget(s.Name, s.Kind, s.EuFundingPeriod, s.Share, budgets[i], commitments[i], releases[i],
                payments[i], reclaims[i], repayments[i], budgets[i] - commitments[i])),
        ];
    }
}
