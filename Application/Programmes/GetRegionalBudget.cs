using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Programmes;

/// <summary>A programme's money in one region: one alliance's applications in one district of its projects.</summary>
/// <param name="AllianceId">The alliance.</param>
/// <param name="AllianceName">Its name.</param>
/// <param name="District">The district; "" for money recorded before events carried it.</param>
/// <param name="Committed">What is committed now, in EUR.</param>
/// <param name="Released">What was committed and released again, in EUR.</param>
/// <param name="Paid">What was paid out, in EUR.</param>
/// <param name="Reclaimed">What was reclaimed, in EUR.</param>
/// <param name="Repaid">What was paid back, in EUR.</param>
/// <param name="ActiveCommitments">How many of its applications hold money.</param>
public sealed record RegionFigures(
    Guid AllianceId, string? AllianceName, string District, decimal Committed, decimal Released, decimal Paid, decimal Reclaimed, decimal Repaid,
    int ActiveCommitments);

/// <summary>A region of a programme to choose on the dashboard: an alliance and a district its money went to.</summary>
/// <param name="AllianceId">The alliance.</param>
/// <param name="AllianceName">Its name.</param>
/// <param name="District">The district; "" for money recorded before events carried it.</param>
public sealed record RegionChoice(Guid AllianceId, string? AllianceName, string District);

/// <summary>How the money of the regions asked for moved in one calendar month (German time), and where it stood at the month's end.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Committed">What was committed this month, in EUR.</param>
/// <param name="Released">What was released this month, in EUR.</param>
/// <param name="Paid">What was paid out this month (by booking day), in EUR.</param>
/// <param name="Reclaimed">What was reclaimed this month, in EUR.</param>
/// <param name="Repaid">What was paid back this month (by booking day), in EUR.</param>
/// <param name="CommittedAtEnd">What was committed at the month's end (commitments less releases), in EUR.</param>
/// <param name="PaidAtEnd">What was paid out by the month's end, in EUR.</param>
public sealed record RegionMonth(
    DateOnly Month, decimal Committed, decimal Released, decimal Paid, decimal Reclaimed, decimal Repaid, decimal CommittedAtEnd, decimal PaidAtEnd);

/// <summary>
/// A programme's budget for an alliance, a district or both: the sums of the regions the filter keeps, each region, and the
/// months. A programme's budget belongs to the programme, so there is no budget or remainder per region; an alliance's
/// planning figure stands in for it when one alliance is asked for.
/// </summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Name">Its name.</param>
/// <param name="AllianceId">The alliance asked for, if one was.</param>
/// <param name="AllianceName">Its name.</param>
/// <param name="District">The district asked for, if one was.</param>
/// <param name="Planned">The alliance's planning figure in the programme, in EUR, when one alliance (and no district) was asked for and it has one.</param>
/// <param name="Committed">What is committed now, in EUR.</param>
/// <param name="Released">What was committed and released again, in EUR.</param>
/// <param name="OwnContributions">The applicants' own contributions in the approved applications, in EUR.</param>
/// <param name="Paid">What was paid out, in EUR.</param>
/// <param name="Reclaimed">What was reclaimed, in EUR.</param>
/// <param name="Repaid">What was paid back, in EUR.</param>
/// <param name="ActiveCommitments">How many applications hold money.</param>
/// <param name="Regions">Each region the filter keeps, by alliance and district.</param>
/// <param name="Months">Month by month, from the first movement to the last without gaps, only those the period touches; empty when asked without months.</param>
/// <param name="Choices">Every region of the programme, whatever the filter, to choose from.</param>
/// <param name="AsOf">The moment the figures show; they may lag a command by a moment.</param>
public sealed record RegionalBudgetView(
    Guid ProgrammeId,
    string Name,
    Guid? AllianceId,
    string? AllianceName,
    string? District,
    decimal? Planned,
    decimal Committed,
    decimal Released,
    decimal OwnContributions,
    decimal Paid,
    decimal Reclaimed,
    decimal Repaid,
    int ActiveCommitments,
    IReadOnlyList<RegionFigures> Regions,
    IReadOnlyList<RegionMonth> Months,
    IReadOnlyList<RegionChoice> Choices,
    DateTimeOffset AsOf);

public static class GetRegionalBudgetEndpoint
{
    /// <summary>
    /// Shows a programme's budget for an alliance, a district or both (or every region, without either): committed, released,
    /// paid, reclaimed and repaid, per region and month by month. Payments recorded before they carried their region are not in
    /// any region. It may lag a command by a moment.
    /// </summary>
    [WolverineGet("/api/programmes/{id}/budget/regions")]
    public static async Task<RegionalBudgetView> Get(
        Guid id, [FromQuery] RegionFilter filter, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var programme = await session.LoadAsync<ProgrammeDetails>(id, cancellation)
            ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding programme with id {id}.");

        // The filter is applied in the query; the choices are every region's alliance and district, read without their sums.
        var query = session.Query<RegionBudget>().Where(r => r.ProgrammeId == id);
        if (filter.AllianceId is { } asked) query = query.Where(r => r.AllianceId == asked);
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var district = RegionBudget.KeyOf(filter.District);
            query = query.Where(r => r.DistrictKey == district);
        }

        // Without months a region is a row of sums; its months are most of its document.
        var regions = filter.Months
            ? await query.ToListAsync(cancellation)
            : (await query.Select(r => new
                {
                    r.Id, r.AllianceId, r.District, r.Committed, r.Released, r.OwnContributions, r.Paid, r.Reclaimed, r.Repaid,
                    r.ActiveCommitments, r.LastChangedAt,
                }).ToListAsync(cancellation))
                .Select(r => new RegionBudget
                {
                    Id = r.Id, ProgrammeId = id, AllianceId = r.AllianceId, District = r.District, Committed = r.Committed,
                    Released = r.Released, OwnContributions = r.OwnContributions, Paid = r.Paid, Reclaimed = r.Reclaimed, Repaid = r.Repaid,
                    ActiveCommitments = r.ActiveCommitments, LastChangedAt = r.LastChangedAt,
                }).ToList();
        var every = (await session.Query<RegionBudget>().Where(r => r.ProgrammeId == id)
            .Select(r => new { r.AllianceId, r.District }).ToListAsync(cancellation)).Select(r => (r.AllianceId, r.District)).ToList();
        var allianceIds = every.Select(r => r.AllianceId).Append(filter.AllianceId ?? Guid.Empty).Where(a => a != Guid.Empty).Distinct().ToArray();
        var names = (await session.LoadManyAsync<AllianceDetails>(cancellation, allianceIds)).ToDictionary(a => a.Id, a => a.Name);

        var figures = regions
            .Select(r => new RegionFigures(r.AllianceId, names.GetValueOrDefault(r.AllianceId), r.District, r.Committed, r.Released, r.Paid,
                r.Reclaimed, r.Repaid, r.ActiveCommitments))
            .OrderBy(r => r.AllianceName, StringComparer.CurrentCulture).ThenBy(r => r.District, StringComparer.CurrentCulture)
            .ToList();
        // The planning figure is the whole alliance's: beside one of its districts it would compare unlike things.
        decimal? planned = filter.AllianceId is { } alliance && string.IsNullOrWhiteSpace(filter.District)
            && programme.PlanningBudgets.TryGetValue(alliance, out var p) ? p : null;

        return new RegionalBudgetView(
            programme.Id, programme.Name, filter.AllianceId, filter.AllianceId is { } a ? names.GetValueOrDefault(a) : null,
            string.IsNullOrWhiteSpace(filter.District) ? null : filter.District.Trim(), planned,
            regions.Sum(r => r.Committed), regions.Sum(r => r.Released), regions.Sum(r => r.OwnContributions), regions.Sum(r => r.Paid),
            regions.Sum(r => r.Reclaimed), regions.Sum(r => r.Repaid), regions.Sum(r => r.ActiveCommitments),
            figures, [.. MonthsOf(regions).Where(m => filter.Period.Touches(m.Month))],
            [.. every.Select(r => new RegionChoice(r.AllianceId, names.GetValueOrDefault(r.AllianceId), r.District))
                .OrderBy(r => r.AllianceName, StringComparer.CurrentCulture).ThenBy(r => r.District, StringComparer.CurrentCulture)],
            regions.Count == 0 ? clock.GetUtcNow() : regions.Max(r => r.LastChangedAt));
    }

    /// <summary>Every month from the regions' first movement to their last, summed, with the running sums at each month's end.</summary>
    private static IEnumerable<RegionMonth> MonthsOf(IReadOnlyList<RegionBudget> regions)
    {
        var keys = regions.SelectMany(r => r.Months.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0) yield break;
        decimal committed = 0m, paid = 0m;
        for (var month = BudgetMovements.FirstDayOf(keys[0]); month <= BudgetMovements.FirstDayOf(keys[^1]); month = month.AddMonths(1))
        {
            var key = BudgetMovements.MonthOf(month);
            var moved = regions.Select(r => r.Months.GetValueOrDefault(key)).OfType<BudgetMovements>().ToList();
            var m = new BudgetMovements(0m, moved.Sum(x => x.Committed), moved.Sum(x => x.Released), moved.Sum(x => x.Paid),
                moved.Sum(x => x.Reclaimed), moved.Sum(x => x.Repaid));
            committed += m.Committed - m.Released;
            paid += m.Paid;
            yield return new RegionMonth(month, m.Committed, m.Released, m.Paid, m.Reclaimed, m.Repaid, committed, paid);
        }
    }
}
