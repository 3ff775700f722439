using System.Collections.Immutable;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// The programme budget dashboard: total, committed, released, remaining, paid, reclaimed and repaid, the applicants' own
/// contributions, and planning versus actual commitments per alliance. An asynchronous projection of the programme's stream
/// and of the payments, reclaims and repayments on its applications' streams.
/// </summary>
public sealed record ProgrammeBudget
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public decimal TotalBudget { get; init; }
    public decimal ToppedUp { get; init; }
    public decimal Cut { get; init; }
    public decimal Committed => CommittedByAlliance.Values.Sum();
    public decimal Released { get; init; }
    public decimal Remaining => TotalBudget - Committed;
    public decimal OwnContributions { get; init; }
    public decimal Paid { get; init; }
    public decimal Reclaimed { get; init; }
    public decimal Repaid { get; init; }
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();

    /// <summary>The programme's funding sources, as launched.</summary>
    public IReadOnlyList<Fachwerk.Domain.Programmes.FundingSource> Sources { get; init; } = [];

    /// <summary>What is committed per alliance (alliances with nothing committed are left out).</summary>
    public ImmutableDictionary<Guid, decimal> CommittedByAlliance { get; init; } = ImmutableDictionary<Guid, decimal>.Empty;

    /// <summary>How the money moved, per calendar month (German time), keyed <c>2025-03</c>; months without a movement are left out.</summary>
    public ImmutableDictionary<string, BudgetMovements> Months { get; init; } = ImmutableDictionary<string, BudgetMovements>.Empty;

    /// <summary>
    /// The figures by which sources finance them (ADR 0124): keyed by <see cref="Fachwerk.Domain.Programmes.SourceFinancing"/>'s
    /// mask, so a programme whose sources have no rule of their own has one entry, every source paying.
    /// </summary>
    public ImmutableDictionary<string, FinancedFigures> Financing { get; init; } = ImmutableDictionary<string, FinancedFigures>.Empty;

    /// <summary>Grants financed by other than all sources (committed outside an EU source's funding period), with their mask.</summary>
    public ImmutableDictionary<Guid, string> FinancedBy { get; init; } = ImmutableDictionary<Guid, string>.Empty;

    /// <summary>Applications with money still reserved.</summary>
    public int ActiveCommitments { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The budget as far as the programme's own record tells it, while the dashboard has not read the programme yet.</summary>
    public static ProgrammeBudget BeingBuilt(ProgrammeDetails programme, DateTimeOffset now) => new()
    {
        Id = programme.Id,
        Name = programme.Name,
        TotalBudget = programme.TotalBudget,
        PlanningBudgets = programme.PlanningBudgets,
        Sources = programme.Sources,
        CommittedByAlliance = programme.CommittedByAlliance,
        LastChangedAt = now,
    };

    /// <summary>
    /// The budget with <paramref name="change"/> applied to the figures of the sources that finance the application's grant: decided
    /// by the day of its first commitment (<paramref name="committedOn"/>), kept for everything after (ADR 0124).
    /// </summary>
    public ProgrammeBudget Financed(Guid applicationId, DateOnly? committedOn, Func<FinancedFigures, FinancedFigures> change)
    {
        if (Sources.Count == 0) return this;
        var all = Fachwerk.Domain.Programmes.SourceFinancing.All(Sources.Count);
        var financedBy = FinancedBy;
        if (!financedBy.TryGetValue(applicationId, out var mask))
        {
            mask = committedOn is { } day ? Fachwerk.Domain.Programmes.SourceFinancing.On(Sources, day) : all;
            if (mask != all) financedBy = financedBy.SetItem(applicationId, mask);
        }

        return this with { FinancedBy = financedBy, Financing = Financing.SetItem(mask, change(Financing.GetValueOrDefault(mask) ?? new FinancedFigures())) };
    }

    /// <summary>The budget with <paramref name="move"/> applied to the movements of <paramref name="month"/>.</summary>
    public ProgrammeBudget Moved(string month, Func<BudgetMovements, BudgetMovements> move) =>
        this with { Months = Months.SetItem(month, move(Months.GetValueOrDefault(month) ?? new BudgetMovements())) };
    public long LastEventSequence { get; init; }
}

/// <summary>A programme's figures for the grants one set of sources finances (ADR 0124).</summary>
/// <param name="Committed">What is committed now (commitments less releases), in EUR.</param>
/// <param name="Released">What was released, in EUR.</param>
/// <param name="Paid">What was paid out, in EUR.</param>
/// <param name="Reclaimed">What was reclaimed, in EUR.</param>
/// <param name="Repaid">What was paid back, in EUR.</param>
public sealed record FinancedFigures(decimal Committed = 0, decimal Released = 0, decimal Paid = 0, decimal Reclaimed = 0, decimal Repaid = 0);
