using System.Collections.Immutable;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// One programme's money in one region: the applications of one alliance in one district of its projects. The budget dashboard
/// filtered by alliance or district sums these (ADR 0120); the programme's own budget document stays the same size.
/// An asynchronous projection of the programme's commitments and releases and of its applications' payments, reclaims and
/// repayments, each of which carries the alliance and district.
/// </summary>
public sealed record RegionBudget
{
    /// <summary><c>{programme}/{alliance}/{district in lower case}</c>.</summary>
    public string Id { get; init; } = "";
    public Guid ProgrammeId { get; init; }
    public Guid AllianceId { get; init; }

    /// <summary>The district as the first event of the region spelled it; "" for money recorded before events carried it.</summary>
    public string District { get; init; } = "";

    /// <summary>The district in lower case, for filters that do not care about case.</summary>
    public string DistrictKey { get; init; } = "";

    /// <summary>What is committed now (commitments less releases).</summary>
    public decimal Committed { get; init; }
    public decimal Released { get; init; }
    public decimal OwnContributions { get; init; }
    public decimal Paid { get; init; }
    public decimal Reclaimed { get; init; }
    public decimal Repaid { get; init; }

    /// <summary>Applications of the region with money still reserved.</summary>
    public int ActiveCommitments { get; init; }

    /// <summary>How the region's money moved, per calendar month (German time), keyed <c>2025-03</c>; the budget column stays 0.</summary>
    public ImmutableDictionary<string, BudgetMovements> Months { get; init; } = ImmutableDictionary<string, BudgetMovements>.Empty;

    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The document id of a programme's region.</summary>
    public static string KeyOf(Guid programmeId, Guid allianceId, string? district) =>
        $"{programmeId:N}/{allianceId:N}/{KeyOf(district)}";

    /// <summary>A district as regions and filters compare it.</summary>
    public static string KeyOf(string? district) => (district ?? "").Trim().ToLowerInvariant();

    /// <summary>The region with <paramref name="move"/> applied to the movements of <paramref name="month"/>.</summary>
    public RegionBudget Moved(string month, Func<BudgetMovements, BudgetMovements> move) =>
        this with { Months = Months.SetItem(month, move(Months.GetValueOrDefault(month) ?? new BudgetMovements())) };
}
