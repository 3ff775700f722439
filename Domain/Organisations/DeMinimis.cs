using System.Globalization;

namespace Fachwerk.Domain.Organisations;

/// <summary>What the de-minimis check came to, with the numbers behind it.</summary>
/// <param name="Allowed">Whether the aid fits under the ceiling.</param>
/// <param name="AidInWindow">The aid the undertaking received in the rolling three years before the grant, in EUR.</param>
/// <param name="WindowStart">The first day of that window.</param>
/// <param name="GrantedOn">The day of the grant.</param>
/// <param name="Amount">The amount granted, in EUR.</param>
/// <param name="Computation">The computation, for a person to read.</param>
public sealed record DeMinimisCheck(bool Allowed, decimal AidInWindow, DateOnly WindowStart, DateOnly GrantedOn, decimal Amount, string Computation);

/// <summary>
/// The de-minimis ceiling: an undertaking receives at most 300,000 EUR of de-minimis aid over any rolling three years
/// (Regulation (EU) 2023/2831). A new grant counts on the day it is granted, together with all aid granted in the three
/// years before.
/// </summary>
public static class DeMinimis
{
    public const decimal Ceiling = 300_000m;

    public static DeMinimisCheck Check(Organisation undertaking, Guid applicationId, decimal amount, DateOnly grantedOn)
    {
        var windowStart = grantedOn.AddYears(-3).AddDays(1);
        var earlier = undertaking.Aid.Where(a => a.ApplicationId != applicationId && a.GrantedOn >= windowStart && a.GrantedOn <= grantedOn).ToList();
        var inWindow = earlier.Sum(a => a.Amount);
        var total = inWindow + amount;
        var computation =
            $"De-minimis aid to {undertaking.Name} from {windowStart:yyyy-MM-dd} to {grantedOn:yyyy-MM-dd}: " +
            (earlier.Count == 0 ? "none so far" : string.Join(" + ", earlier.Select(a => $"{Eur(a.Amount)} ({a.GrantedOn:yyyy-MM-dd})"))) +
            $"; with this grant of {Eur(amount)} the total is {Eur(total)}, ceiling {Eur(Ceiling)}" +
            (total > Ceiling ? $", exceeded by {Eur(total - Ceiling)}." : ".");
        return new DeMinimisCheck(total <= Ceiling, inWindow, windowStart, grantedOn, amount, computation);
    }

    private static string Eur(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " EUR";
}
