using System.Security.Claims;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>What an alliance's region submitted and what was approved in one calendar month (German time).</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Submitted">Applications submitted this month.</param>
/// <param name="Requested">The funding they requested, in EUR.</param>
/// <param name="Approved">Applications approved (funds committed) this month.</param>
/// <param name="ApprovedAmount">The funding approved for them as it stands now, in EUR (less if reduced, none if the approval ended).</param>
public sealed record PipelineMonth(DateOnly Month, int Submitted, decimal Requested, int Approved, decimal ApprovedAmount);

/// <summary>An alliance's pipeline over time: month by month from the first submission to the last change, without gaps.</summary>
/// <param name="AllianceId">The alliance.</param>
/// <param name="Alliance">Its name.</param>
/// <param name="Months">Its months from the first with a submission or approval to the last, without gaps.</param>
public sealed record AlliancePipelineOverTime(Guid AllianceId, string Alliance, IReadOnlyList<PipelineMonth> Months);

public static class GetAlliancePipelineOverTimeEndpoint
{
    public static void Before(AllianceDetails alliance, ClaimsPrincipal user) =>
        user.EnsureActsForAlliance(alliance.Id, withoutBinding: Roles.Staff + "," + Roles.DashboardReader);

    // Grouped in SQL by month over the columns the pipeline's index includes (an index-only scan per half, ADR 0115): the summary
    // keeps the month of its submission and approval, so the read neither lags nor converts each row to German time.
    /// <summary>
    /// Shows an alliance's pipeline over time: per month (German time) the applications submitted with the funding they requested, and
    /// those approved with the funding approved; only one programme's or one district's, or those in a period, if asked.
    /// </summary>
    [Authorize(Roles = Roles.AlliancePipelineReaders)]
    [WolverineGet("/api/alliances/{id}/pipeline/months")]
    public static async Task<AlliancePipelineOverTime> Get(
        [Document] AllianceDetails alliance, [FromQuery] PipelineFilter filter, IQuerySession session, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.Schema.For<ApplicationSummary>();
        await using var command = new NpgsqlCommand();
        command.CommandText =
            "select month, sum(submitted)::bigint, sum(requested), sum(approved)::bigint, sum(approved_amount) from (" +
            $" select {MonthOf("submitted")} as month, count(*) as submitted, sum(requested_amount) as requested, 0 as approved, 0 as approved_amount" +
            $" from {table} where alliance_id = @alliance and submitted_at is not null{filter.Conditions(command, "submitted_at")} group by 1" +
            " union all" +
            $" select {MonthOf("approved")}, 0, 0, count(*), coalesce(sum(approved_amount), 0)" +
            $" from {table} where alliance_id = @alliance and approved_at is not null{filter.Conditions(command, "approved_at")} group by 1" +
            ") as changes group by month order by month";
        command.Parameters.AddWithValue("alliance", alliance.Id);

        var months = new List<PipelineMonth>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                months.Add(new PipelineMonth(reader.GetFieldValue<DateOnly>(0), (int)reader.GetInt64(1), reader.GetDecimal(2),
                    (int)reader.GetInt64(3), reader.GetDecimal(4)));
            }
        }

        return new AlliancePipelineOverTime(alliance.Id, alliance.Name, WithoutGaps(months));
    }

    // The month kept beside the moment; summaries written before it was kept have only the moment (converted per row, which costs
    // about half of the read).
    private static string MonthOf(string change) =>
        $"coalesce({change}_month, date_trunc('month', {change}_at at time zone 'Europe/Berlin')::date)";

    private static List<PipelineMonth> WithoutGaps(List<PipelineMonth> months)
    {
        if (months.Count == 0) return [];
        var byMonth = months.ToDictionary(m => m.Month);
        var all = new List<PipelineMonth>();
        for (var month = months[0].Month; month <= months[^1].Month; month = month.AddMonths(1))
            all.Add(byMonth.GetValueOrDefault(month) ?? new PipelineMonth(month, 0, 0m, 0, 0m));
        return all;
    }
}
