using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Application.Alliances;
using Marten;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>One alliance's planning figure in a programme against what is committed to its region's applications.</summary>
/// <param name="AllianceId">The alliance.</param>
/// <param name="AllianceName">Its name.</param>
/// <param name="Planned">The planning figure, in EUR, if one was set.</param>
/// <param name="Committed">What is committed to the alliance's applications, in EUR.</param>
/// <param name="Left">What is left of the planning figure, in EUR (negative when exceeded).</param>
public sealed record AlliancePlanning(Guid AllianceId, string? AllianceName, decimal? Planned, decimal Committed, decimal? Left);

/// <summary>
/// The budget dashboard of a programme: its money from top-ups and cuts to commitments, payments and repayments, in total and
/// per funding source.
/// </summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Name">Its name.</param>
/// <param name="TotalBudget">Its budget now, in EUR (after top-ups and cuts).</param>
/// <param name="ToppedUp">The sum of its top-ups, in EUR.</param>
/// <param name="Cut">The sum of its cuts, in EUR.</param>
/// <param name="Committed">What is committed to approved applications, in EUR.</param>
/// <param name="Released">What was committed and released again (withdrawals, reductions, reclaims, closings), in EUR.</param>
/// <param name="Remaining">What can still be committed, in EUR.</param>
/// <param name="OwnContributions">The applicants' own contributions in the approved applications, in EUR.</param>
/// <param name="Paid">What was paid out, in EUR.</param>
/// <param name="Reclaimed">What was reclaimed, in EUR.</param>
/// <param name="Repaid">What was paid back, in EUR.</param>
/// <param name="ActiveCommitments">How many applications hold money.</param>
/// <param name="Alliances">Planning figures against commitments, per alliance.</param>
/// <param name="Sources">The same figures per funding source, split by the sources' shares; the parts of each figure add up to it.</param>
/// <param name="AsOf">The moment the dashboard shows; it may lag a command by a moment.</param>
/// <param name="Building">True while the dashboard has not read the programme yet: the figures are the programme's own (budget, commitments, planning), payments and reclaims not yet counted.</param>
public sealed record ProgrammeBudgetView(
    Guid ProgrammeId,
    string Name,
    decimal TotalBudget,
    decimal ToppedUp,
    decimal Cut,
    decimal Committed,
    decimal Released,
    decimal Remaining,
    decimal OwnContributions,
    decimal Paid,
    decimal Reclaimed,
    decimal Repaid,
    int ActiveCommitments,
    IReadOnlyList<AlliancePlanning> Alliances,
    IReadOnlyList<SourceBudget> Sources,
    DateTimeOffset AsOf,
    bool Building = false);

public static class GetProgrammeBudgetEndpoint
{
    /// <summary>
    /// Shows a programme's budget dashboard: committed, paid, remaining and own contributions, and planning figures per alliance.
    /// It may lag a command by a moment.
    /// </summary>
    [WolverineGet("/api/programmes/{id}/budget")]
    public static async Task<ProgrammeBudgetView> Get(
        Guid id, [Document("id", Required = false)] ProgrammeBudget? budget, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        // Right after a programme is launched the dashboard may not have read it yet: answer what the programme's own record
        // knows (budget, commitments, planning), marked as being built, rather than 404.
        var building = budget is null;
        budget ??= await session.LoadAsync<ProgrammeDetails>(id, cancellation) is { } programme
            ? ProgrammeBudget.BeingBuilt(programme, clock.GetUtcNow())
            : throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding programme with id {id}.");

        // Budgets built before they kept the sources read them from the programme.
        var sources = budget.Sources.Count > 0 ? budget.Sources
            : (await session.LoadAsync<ProgrammeDetails>(id, cancellation))?.Sources ?? [];
        var allianceIds = budget.CommittedByAlliance.Keys.Union(budget.PlanningBudgets.Keys).ToArray();
        var names = (await session.LoadManyAsync<AllianceDetails>(cancellation, allianceIds)).ToDictionary(a => a.Id, a => a.Name);
        var alliances = allianceIds
            .Select(id =>
            {
                var planned = budget.PlanningBudgets.TryGetValue(id, out var p) ? p : (decimal?)null;
                var committed = budget.CommittedByAlliance.GetValueOrDefault(id);
                return new AlliancePlanning(id, names.GetValueOrDefault(id), planned, committed, planned - committed);
            })
            .OrderBy(a => a.AllianceName)
            .ToList();

        return new ProgrammeBudgetView(budget.Id, budget.Name, budget.TotalBudget, budget.ToppedUp, budget.Cut, budget.Committed,
            budget.Released, budget.Remaining, budget.OwnContributions, budget.Paid, budget.Reclaimed, budget.Repaid, budget.ActiveCommitments,
            alliances, SourceBudget.Of(sources, budget.TotalBudget, budget.Committed, budget.Released, budget.Paid, budget.Reclaimed, budget.Repaid,
                budget.Financing),
            budget.LastChangedAt, building);
    }
}
