using System.Globalization;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>
/// What a pilot recorded in one calendar month, by business date (enrolled on, delivered on, held on, placed on).
/// </summary>
/// <param name="Month">The first day of the month.</param>
public sealed record MonthlyDemand(
    DateOnly Month,
    int NewParticipants = 0,
    int NewCompanies = 0,
    int ServicesDelivered = 0,
    int InterculturalTrainings = 0,
    int Placements = 0)
{
    /// <summary>
    /// The demand for the pilot's offer in this month: every new participant, every newly enrolled company, every
    /// service delivered to a participant and every intercultural training held for companies counts once.
    /// Placements are an outcome, not demand, and do not count.
    /// </summary>
    public int Demand => NewParticipants + NewCompanies + ServicesDelivered + InterculturalTrainings;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

public enum DemandVerdict
{
    /// <summary>Demand proved stable: the pilot may be continued on this ground.</summary>
    Stable,
    NotStable,

    /// <summary>Too few complete months of the pilot phase lie before the assessment date.</summary>
    NotAssessable,
}

/// <summary>The demand of one month.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Demand">Participants, companies, services and trainings of the month, each counted once.</param>
public sealed record MonthlyDemandFigure(DateOnly Month, int Demand);

/// <summary>The continuation indicator with the numbers behind it.</summary>
/// <param name="Verdict">Whether demand proved stable.</param>
/// <param name="AssessedOn">The day of the assessment.</param>
/// <param name="WindowMonths">How many complete months the rule looks at.</param>
/// <param name="MinimumMonthlyDemand">The least demand every month of the window must show.</param>
/// <param name="MaximumDeclinePercent">How far the later half of the window may fall below the earlier half, in percent.</param>
/// <param name="Window">The months assessed, with their demand.</param>
/// <param name="LowestMonthlyDemand">The lowest demand of a month in the window.</param>
/// <param name="EarlierAverage">The average demand of the earlier half of the window.</param>
/// <param name="LaterAverage">The average demand of the later half of the window.</param>
/// <param name="ChangePercent">The change from the earlier to the later half, in percent.</param>
/// <param name="Findings">Why the verdict is what it is, in sentences.</param>
public sealed record DemandAssessment(
    DemandVerdict Verdict,
    DateOnly AssessedOn,
    int WindowMonths,
    int MinimumMonthlyDemand,
    int MaximumDeclinePercent,
    IReadOnlyList<MonthlyDemandFigure> Window,
    int? LowestMonthlyDemand,
    decimal? EarlierAverage,
    decimal? LaterAverage,
    decimal? ChangePercent,
    IReadOnlyList<string> Findings);

/// <summary>
/// "Stable demand" (docs/pilots.md): over the last <see cref="WindowMonths"/> calendar months that lie completely in the
/// pilot phase and have ended before the assessment date, (1) every month's demand reaches
/// <see cref="MinimumMonthlyDemand"/>, and (2) demand is not falling: the average of the later half of the window is at
/// least (100 - <see cref="MaximumDeclinePercent"/>) % of the average of the earlier half. Fewer complete months than
/// the window: not assessable. Pure: the caller passes the date to assess on.
/// </summary>
public sealed record StableDemandRule(int WindowMonths, int MinimumMonthlyDemand, int MaximumDeclinePercent)
{
    public static readonly StableDemandRule Default = new(WindowMonths: 6, MinimumMonthlyDemand: 5, MaximumDeclinePercent: 10);

    public DemandAssessment Assess(Period pilotPhase, DateOnly assessedOn, IEnumerable<MonthlyDemand> months)
    {
        var demandByMonth = months.ToDictionary(m => m.Month, m => m.Demand);
        var complete = CompleteMonths(pilotPhase, assessedOn).ToList();
        var window = complete.TakeLast(WindowMonths)
            .Select(month => new MonthlyDemandFigure(month, demandByMonth.GetValueOrDefault(month)))
            .ToList();

        if (window.Count < WindowMonths)
        {
            return new DemandAssessment(DemandVerdict.NotAssessable, assessedOn, WindowMonths, MinimumMonthlyDemand,
                MaximumDeclinePercent, window, null, null, null, null,
                [
                    $"{Count(window.Count, "complete month")} of the pilot phase {Range(pilotPhase)} lie before " +
                    $"{assessedOn:yyyy-MM-dd}; the rule needs {WindowMonths}.",
                ]);
        }

        var findings = new List<string>
        {
            $"Assessed over the last {WindowMonths} complete months of the pilot phase before {assessedOn:yyyy-MM-dd}: " +
            $"{Month(window[0].Month)} to {Month(window[^1].Month)}.",
        };

        var lowest = window.Min(m => m.Demand);
        var tooLow = window.Where(m => m.Demand < MinimumMonthlyDemand).ToList();
        findings.Add(tooLow.Count == 0
            ? $"Every month reached the minimum demand of {MinimumMonthlyDemand} (lowest: {lowest})."
            : $"Below the minimum demand of {MinimumMonthlyDemand}: " +
              string.Join(", ", tooLow.Select(m => $"{Month(m.Month)} ({m.Demand})")) + ".");

        var half = WindowMonths / 2;
        var earlier = Average(window.Take(half));
        var later = Average(window.TakeLast(half));
        var notFalling = later * 100 >= earlier * (100 - MaximumDeclinePercent);
        decimal? change = earlier == 0 ? null : Math.Round((later - earlier) * 100 / earlier, 1, MidpointRounding.AwayFromZero);
        var averages = $"the last {Count(half, "month")} averaged {later.ToString("0.##", CultureInfo.InvariantCulture)} " +
                       $"against {earlier.ToString("0.##", CultureInfo.InvariantCulture)} in the {Count(half, "month")} before";
        findings.Add(notFalling
            ? $"Demand is not falling: {averages}{ChangeText(change)}."
            : $"Demand is falling: {averages}{ChangeText(change)}, more than the {MaximumDeclinePercent} % decline allowed.");

        var stable = tooLow.Count == 0 && notFalling;
        return new DemandAssessment(stable ? DemandVerdict.Stable : DemandVerdict.NotStable, assessedOn, WindowMonths,
            MinimumMonthlyDemand, MaximumDeclinePercent, window, lowest, Math.Round(earlier, 2, MidpointRounding.AwayFromZero),
            Math.Round(later, 2, MidpointRounding.AwayFromZero), change, findings);
    }

    /// <summary>The first days of the months that lie completely in the phase and ended before <paramref name="assessedOn"/>.</summary>
    public static IEnumerable<DateOnly> CompleteMonths(Period pilotPhase, DateOnly assessedOn)
    {
        var first = MonthlyDemand.MonthOf(pilotPhase.From);
        if (first < pilotPhase.From) first = first.AddMonths(1);
        for (var month = first; month.AddMonths(1).AddDays(-1) <= pilotPhase.To && month.AddMonths(1) <= assessedOn; month = month.AddMonths(1))
            yield return month;
    }

    private static decimal Average(IEnumerable<MonthlyDemandFigure> months)
    {
        var list = months.ToList();
        return list.Count == 0 ? 0 : (decimal)list.Sum(m => m.Demand) / list.Count;
    }

    private static string ChangeText(decimal? change) =>
        change is { } c ? $" ({(c >= 0 ? "+" : "")}{c.ToString("0.0", CultureInfo.InvariantCulture)} %)" : "";

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Range(Period period) =>
        $"({period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
