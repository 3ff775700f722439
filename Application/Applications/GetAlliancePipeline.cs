using System.Security.Claims;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Marten;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>The region's applications in one funding programme.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Programme">Its name.</param>
/// <param name="Applications">How many applications there are in it, whatever their status.</param>
/// <param name="Requested">The funding requested, in EUR, as <see cref="AlliancePipeline.Requested"/> counts it (not drafts, withdrawn or lapsed ones).</param>
/// <param name="Approved">The funding approved, in EUR, as <see cref="AlliancePipeline.Approved"/> counts it (approved, reclaimed or closed ones).</param>
/// <param name="Paid">The money paid out, in EUR.</param>
/// <param name="Reviewed">How many of its applications have at least one counting review (ADR 0093).</param>
/// <param name="ReviewAverage">
/// The mean over those applications of their reviews' mean weighted score, 0 to 10, rounded to two decimals; none when no
/// application was reviewed (programmes without review criteria).
/// </param>
public sealed record PipelineProgramme(
    Guid ProgrammeId, string Programme, int Applications, decimal Requested, decimal Approved, decimal Paid, int Reviewed = 0, decimal? ReviewAverage = null);

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
/// <param name="Programmes">The region's applications by funding programme, by the programme's name.</param>
/// <param name="Reviewed">How many applications have at least one counting review.</param>
/// <param name="ReviewAverage">The mean over those applications of their reviews' mean weighted score, rounded to two decimals; none when none was reviewed.</param>
public sealed record AlliancePipeline(
    Guid AllianceId,
    string Alliance,
    int Members,
    IReadOnlyDictionary<OrganisationKind, int> MembersByKind,
    IReadOnlyList<PipelineStage> Stages,
    int Applications,
    decimal Requested,
    decimal Approved,
    decimal Paid,
    IReadOnlyList<PipelineProgramme> Programmes,
    int Reviewed = 0,
    decimal? ReviewAverage = null);

public static class GetAlliancePipelineEndpoint
{
    /// <summary>Statuses whose amounts do not count as requested: drafts not yet submitted, and applications withdrawn or lapsed.</summary>
    private static readonly ApplicationStatus[] NotRequested = [ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicationStatus.Lapsed];

    /// <summary>Statuses whose amounts count as approved.</summary>
    private static readonly ApplicationStatus[] ApprovedStatuses = [ApplicationStatus.Approved, ApplicationStatus.ReclaimDemanded, ApplicationStatus.Closed];

    // Dashboard readers see every alliance's figures: aggregates, no case and no person (ADR 0113).
    public static void Before(AllianceDetails alliance, ClaimsPrincipal user) =>
        user.EnsureActsForAlliance(alliance.Id, withoutBinding: Roles.Staff + "," + Roles.DashboardReader);

    // Grouped in SQL over duplicated, indexed columns, so the dashboard costs one small query however many applications there are:
    // the index on (alliance_id, status) includes the programme and the amounts (an index-only scan).
    /// <summary>
    /// Shows an alliance's pipeline: its region's applications by status and by programme, with the amounts requested, approved and paid;
    /// only those of one programme or one district, or those submitted in a period, if asked.
    /// </summary>
    [Authorize(Roles = Roles.AlliancePipelineReaders)]
    [WolverineGet("/api/alliances/{id}/pipeline")]
    public static async Task<AlliancePipeline> Get(
        [Document] AllianceDetails alliance, [FromQuery] PipelineFilter filter, IQuerySession session, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.Schema.For<ApplicationSummary>();
        await using var command = new NpgsqlCommand();
        command.CommandText =
            $"select status, programme_id, count(*), coalesce(sum(requested_amount), 0), coalesce(sum(approved_amount), 0), coalesce(sum(paid_amount), 0), " +
            $"count(review_mean), coalesce(sum(review_mean), 0) " +
            $"from {table} where alliance_id = @alliance{filter.Conditions(command, "submitted_at")} group by status, programme_id";
        command.Parameters.AddWithValue("alliance", alliance.Id);

        // One row per status and programme: the stages add up the programmes, the programmes the statuses.
        var cells = new List<(PipelineStage Stage, Guid Programme, Scores Scores)>();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                cells.Add((new PipelineStage(Enum.Parse<ApplicationStatus>(reader.GetString(0)), (int)reader.GetInt64(2),
                    reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5)), reader.GetGuid(1), new Scores((int)reader.GetInt64(6), reader.GetDecimal(7))));
            }
        }

        var stages = cells.GroupBy(c => c.Stage.Status).Select(g => new PipelineStage(g.Key, g.Sum(c => c.Stage.Applications),
            g.Sum(c => c.Stage.Requested), g.Sum(c => c.Stage.Approved), g.Sum(c => c.Stage.Paid))).OrderBy(s => s.Status).ToList();
        var names = (await session.LoadManyAsync<ProgrammeDetails>(cancellation, cells.Select(c => c.Programme).Distinct()))
            .ToDictionary(p => p.Id, p => p.Name);
        var programmes = cells.GroupBy(c => c.Programme).Select(g => new PipelineProgramme(g.Key, names.GetValueOrDefault(g.Key, g.Key.ToString()),
                g.Sum(c => c.Stage.Applications), Requested(g.Select(c => c.Stage)), Approved(g.Select(c => c.Stage)), g.Sum(c => c.Stage.Paid),
                g.Sum(c => c.Scores.Count), Scores.Average(g.Select(c => c.Scores))))
            .OrderBy(p => p.Programme, StringComparer.Ordinal).ThenBy(p => p.ProgrammeId).ToList();
        return new AlliancePipeline(alliance.Id, alliance.Name, alliance.MemberCount, alliance.MembersByKind, stages,
            stages.Sum(s => s.Applications), Requested(stages), Approved(stages), stages.Sum(s => s.Paid), programmes,
            cells.Sum(c => c.Scores.Count), Scores.Average(cells.Select(c => c.Scores)));
    }

    /// <summary>How many applications of a cell were reviewed and the sum of their mean scores, which add up across cells.</summary>
    private readonly record struct Scores(int Count, decimal Sum)
    {
        public static decimal? Average(IEnumerable<Scores> cells)
        {
            var (count, sum) = cells.Aggregate((Count: 0, Sum: 0m), (total, c) => (total.Count + c.Count, total.Sum + c.Sum));
            return count == 0 ? null : Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);
        }
    }

    private static decimal Requested(IEnumerable<PipelineStage> stages) => stages.Where(s => !NotRequested.Contains(s.Status)).Sum(s => s.Requested);

    private static decimal Approved(IEnumerable<PipelineStage> stages) => stages.Where(s => ApprovedStatuses.Contains(s.Status)).Sum(s => s.Approved);
}
