using Fachwerk.Application.Alliances;
using Marten;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

public sealed record AlliancePlanning(Guid AllianceId, string? AllianceName, decimal? Planned, decimal Committed, decimal? Left);

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
    DateTimeOffset AsOf);

public static class GetProgrammeBudgetEndpoint
{
    /// <summary>The budget dashboard of one programme; alliances are named from their current details.</summary>
    [WolverineGet("/api/programmes/{id}/budget")]
    public static async Task<ProgrammeBudgetView> Get([Document] ProgrammeBudget budget, IQuerySession session, CancellationToken cancellation)
    {
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
            alliances, budget.LastChangedAt);
    }
}
