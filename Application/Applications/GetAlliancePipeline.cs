using System.Security.Claims;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Fachwerk.Application.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Marten;
using Npgsql;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The applications of one status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Applications">How many applications have it.</param>
/// <param name="Requested">Their requested funding, in EUR.</param>
/// <param name="Approved">Their approved funding, in EUR.</param>
/// <param name="Paid">The money paid to them, in EUR.</param>
public sealed record PipelineStage(ApplicationStatus Status, int Applications, decimal Requested, decimal Approved, decimal Paid);

/// <summary>The alliance dashboard: members by kind, applications by status, requested versus approved versus paid amounts.</summary>
/// <param name="AllianceId">The alliance.</param>
/// <param name="Alliance">Its name.</param>
/// <param name="Members">How many members it has.</param>
/// <param name="MembersByKind">How many members of each kind of organisation it has.</param>
/// <param name="Stages">The region's applications by status.</param>
/// <param name="Applications">How many applications there are in all.</param>
/// <param name="Requested">The funding requested, in EUR.</param>
/// <param name="Approved">The funding approved, in EUR.</param>
/// <param name="Paid">The money paid out, in EUR.</param>
public sealed record AlliancePipeline(
    Guid AllianceId,
    string Alliance,
    int Members,
    IReadOnlyDictionary<OrganisationKind, int> MembersByKind,
    IReadOnlyList<PipelineStage> Stages,
    int Applications,
    decimal Requested,
    decimal Approved,
    decimal Paid);

public static class GetAlliancePipelineEndpoint
{
    /// <summary>Statuses whose amounts do not count as requested: drafts not yet submitted, and applications withdrawn or lapsed.</summary>
    private static readonly ApplicationStatus[] NotRequested = [ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed];

    public static void Before(AllianceDetails alliance, ClaimsPrincipal user) => user.EnsureActsForAlliance(alliance.Id, withoutBinding: Roles.Staff);

    // Grouped in SQL over duplicated, indexed columns, so the dashboard costs one small query however many applications there are.
    /// <summary>
    /// Shows an alliance's pipeline: its region's applications by status, with the amounts requested, approved and paid.
    /// </summary>
    [Authorize(Roles = Roles.AllianceDashboardReaders)]
    [WolverineGet("/api/alliances/{id}/pipeline")]
    public static async Task<AlliancePipeline> Get([Document] AllianceDetails alliance, IQuerySession session, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.Schema.For<ApplicationSummary>();
        await using var command = new NpgsqlCommand(
            $"select status, count(*), coalesce(sum(requested_amount), 0), coalesce(sum(approved_amount), 0), coalesce(sum(paid_amount), 0) " +
            $"from {table} where alliance_id = @alliance group by status");
        command.Parameters.AddWithValue("alliance", alliance.Id);

        var stages = new List<PipelineStage>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                stages.Add(new PipelineStage(Enum.Parse<ApplicationStatus>(reader.GetString(0)), (int)reader.GetInt64(1),
                    reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4)));
            }
        }

        stages.Sort((a, b) => a.Status.CompareTo(b.Status));
        return new AlliancePipeline(alliance.Id, alliance.Name, alliance.MemberCount, alliance.MembersByKind, stages,
            stages.Sum(s => s.Applications),
            stages.Where(s => !NotRequested.Contains(s.Status)).Sum(s => s.Requested),
            stages.Where(s => s.Status is ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded or ApplicationStatus.Closed).Sum(s => s.Approved),
            stages.Sum(s => s.Paid));
    }
}
