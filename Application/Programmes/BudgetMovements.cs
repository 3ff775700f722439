namespace Fachwerk.Application.Programmes;

/// <summary>
/// How a programme's money moved in one calendar month (German time), kept in the budget dashboard's document so the budget
/// over time is read as one document (ADR 0116).
/// </summary>
/// <param name="Budget">What the budget grew by: the budget at launch, top-ups less cuts.</param>
/// <param name="Committed">What was committed to approved applications.</param>
/// <param name="Released">What was committed and given back.</param>
/// <param name="Paid">What was paid out (by booking day).</param>
/// <param name="Reclaimed">What was reclaimed.</param>
/// <param name="Repaid">What was paid back (by booking day).</param>
public sealed record BudgetMovements(
    decimal Budget = 0m, decimal Committed = 0m, decimal Released = 0m, decimal Paid = 0m, decimal Reclaimed = 0m, decimal Repaid = 0m)
{
    /// <summary>The key of the month a moment falls in, in German time: <c>2025-03</c>.</summary>
    public static string MonthOf(DateTimeOffset moment) => MonthOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Common.AuthorityTime.Zone).DateTime));

    /// <summary>The key of the month a day falls in: <c>2025-03</c>.</summary>
    public static string MonthOf(DateOnly day) => $"{day.Year:D4}-{day.Month:D2}";

    /// <summary>The first day of the month a key names.</summary>
    public static DateOnly FirstDayOf(string month) =>
        new(int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture), 1);
}
