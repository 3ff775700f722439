using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>How a programme's money moved in one calendar month (German time), and where it stood at the month's end.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="BudgetChange">What the budget grew by this month (the budget at launch, top-ups less cuts), in EUR.</param>
/// <param name="Committed">What was committed to approved applications this month, in EUR.</param>
/// <param name="Released">What was committed and given back this month, in EUR.</param>
/// <param name="Paid">What was paid out this month (by booking day), in EUR.</param>
/// <param name="Reclaimed">What was reclaimed this month, in EUR.</param>
/// <param name="Repaid">What was paid back this month (by booking day), in EUR.</param>
/// <param name="BudgetAtEnd">The budget at the month's end, in EUR.</param>
/// <param name="CommittedAtEnd">What was committed at the month's end (commitments less releases), in EUR.</param>
/// <param name="PaidAtEnd">What was paid out by the month's end, in EUR.</param>
/// <param name="RemainingAtEnd">What could still be committed at the month's end, in EUR.</param>
public sealed record BudgetMonth(
    DateOnly Month,
    decimal BudgetChange,
    decimal Committed,
    decimal Released,
    decimal Paid,
    decimal Reclaimed,
    decimal Repaid,
    decimal BudgetAtEnd,
    decimal CommittedAtEnd,
    decimal PaidAtEnd,
    decimal RemainingAtEnd);

/// <summary>A programme's budget over time: month by month from its launch to its last movement, without gaps.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Name">Its name.</param>
/// <param name="Months">Its months, only those the period asked for touches.</param>
/// <param name="AsOf">The moment the dashboard shows; it may lag a command by a moment.</param>
public sealed record ProgrammeBudgetOverTime(Guid ProgrammeId, string Name, IReadOnlyList<BudgetMonth> Months, DateTimeOffset AsOf);

public static class GetProgrammeBudgetOverTimeEndpoint
{
    /// <summary>
    /// Shows a programme's budget over time: per month (German time) what was committed, released, paid, reclaimed and repaid, and
    /// the budget, commitments, payments and what remains at each month's end; only the months of a period, if asked. It may lag a
    /// command by a moment.
    /// </summary>
    [WolverineGet("/api/programmes/{id}/budget/months")]
    public static async Task<ProgrammeBudgetOverTime> Get(
        Guid id, [FromQuery] BudgetPeriod period, [Document("id", Required = false)] ProgrammeBudget? budget, IQuerySession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (budget is null)
        {
            // Not read by the dashboard yet: a launched programme has no months to show for a moment, an unknown one is 404.
            var programme = await session.LoadAsync<ProgrammeDetails>(id, cancellation)
                ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding programme with id {id}.");
            return new ProgrammeBudgetOverTime(programme.Id, programme.Name, [], clock.GetUtcNow());
        }

        return new ProgrammeBudgetOverTime(budget.Id, budget.Name, [.. MonthsOf(budget).Where(m => period.Touches(m.Month))], budget.LastChangedAt);
    }

    /// <summary>Every month from the first movement to the last, with the running sums at each month's end (before any period is applied).</summary>
    private static IEnumerable<BudgetMonth> MonthsOf(ProgrammeBudget budget)
    {
        if (budget.Months.IsEmpty) yield break;
        var keys = budget.Months.Keys.Order(StringComparer.Ordinal).ToList();
        decimal total = 0m, committed = 0m, paid = 0m;
        for (var month = BudgetMovements.FirstDayOf(keys[0]); month <= BudgetMovements.FirstDayOf(keys[^1]); month = month.AddMonths(1))
        {
            var moved = budget.Months.GetValueOrDefault(BudgetMovements.MonthOf(month)) ?? new BudgetMovements();
            total += moved.Budget;
            committed += moved.Committed - moved.Released;
            paid += moved.Paid;
            yield return new BudgetMonth(month, moved.Budget, moved.Committed, moved.Released, moved.Paid, moved.Reclaimed, moved.Repaid,
                total, committed, paid, total - committed);
        }
    }
}
