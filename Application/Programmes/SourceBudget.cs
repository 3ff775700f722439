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
    /// <summary>The programme's figures split among its <paramref name="sources"/>.</summary>
    public static IReadOnlyList<SourceBudget> Of(
        IReadOnlyList<FundingSource> sources, decimal budget, decimal committed, decimal released, decimal paid, decimal reclaimed, decimal repaid)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var shares = sources.Select(s => s.Share).ToList();
        var (budgets, commitments, releases, payments, reclaims, repayments) = (SourceSplit.Of(budget, shares), SourceSplit.Of(committed, shares),
            SourceSplit.Of(released, shares), SourceSplit.Of(paid, shares), SourceSplit.Of(reclaimed, shares), SourceSplit.Of(repaid, shares));
        return
        [
            .. sources.Select((s, i) => new SourceBudget(s.Name, s.Kind, s.EuFundingPeriod, s.Share, budgets[i], commitments[i], releases[i],
                payments[i], reclaims[i], repayments[i], budgets[i] - commitments[i])),
        ];
    }
}
