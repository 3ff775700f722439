namespace Fachwerk.Domain.Programmes;

/// <summary>
/// Splits an amount among a programme's funding sources by their shares, to the cent, so that the parts always add up to the
/// amount: each source gets its share rounded down to the cent, and the cents left over go one each to the sources whose
/// share lost most in rounding (largest remainder; ties to the earlier source). Each part is within a cent of amount × share.
/// </summary>
public static class SourceSplit
{
    public static IReadOnlyList<decimal> Of(decimal amount, IReadOnlyList<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0) return [];
        var total = shares.Sum();
        if (total <= 0) throw new ArgumentException("The shares add up to more than 0.", nameof(shares));

        // Negative amounts (a figure that fell below zero) split like their positive counterparts.
        var sign = amount < 0 ? -1 : 1;
        var cents = decimal.Round(Math.Abs(amount) * 100m, 0, MidpointRounding.AwayFromZero);
        var exact = shares.Select(share => cents * share / total).ToList();
        var parts = exact.Select(decimal.Floor).ToArray();
        var left = (int)(cents - parts.Sum());
        foreach (var index in exact.Select((value, index) => (remainder: value - decimal.Floor(value), index))
                     .OrderByDescending(x => x.remainder).ThenBy(x => x.index).Take(left).Select(x => x.index))
            parts[index] += 1;
        return [.. parts.Select(part => sign * part / 100m)];
    }
}
