using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// Which of a programme's funding sources finance a grant, by each source's own rule (ADR 0124): EU funds (ESF+, ERDF) finance
/// only grants committed within their EU funding period; a grant committed outside it is financed by the other sources, which
/// take the EU source's share in proportion to their own shares. The grant keeps its financing: its releases, payments, reclaims
/// and repayments count against the same sources. Written as a mask, one character per source ('1' pays, '0' does not).
/// </summary>
public static class SourceFinancing
{
    /// <summary>The mask in which every source pays: the financing of every programme whose sources have no rule of their own.</summary>
    public static string All(int sources) => new('1', sources);

    /// <summary>
    /// The sources that finance a grant committed on <paramref name="day"/>: all but EU funds outside their EU funding period. If
    /// that leaves no source with a share (a programme of EU money only), all finance it: there is nobody to move the share to.
    /// </summary>
    public static string On(IReadOnlyList<FundingSource> sources, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var mask = new string([.. sources.Select(s => s.EuFundingPeriod is { } period && !period.Contains(day) ? '0' : '1')]);
        return sources.Where((s, i) => mask[i] == '1').Sum(s => s.Share) > 0 ? mask : All(sources.Count);
    }

    /// <summary>
    /// Splits <paramref name="amount"/> among the sources that <paramref name="mask"/> names, by their shares, to the cent
    /// (<see cref="SourceSplit"/>): the parts add up to the amount, and the others get nothing.
    /// </summary>
    public static IReadOnlyList<decimal> Split(decimal amount, IReadOnlyList<FundingSource> sources, string mask)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != sources.Count) throw new ArgumentException("The mask names every source once.", nameof(mask));
        return SourceSplit.Of(amount, [.. sources.Select((s, i) => mask[i] == '1' ? s.Share : 0m)]);
    }
}
