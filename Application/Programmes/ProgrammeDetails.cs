using System.Collections.Immutable;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Programmes;

/// <summary>A funding programme as set up, with its budget at a glance (inline: current after every command).</summary>
public sealed record ProgrammeDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<FundingSource> Sources { get; init; } = [];
    public Period FundingPeriod { get; init; }
    public ProgrammeRules Rules { get; init; } = null!;
    public decimal TotalBudget { get; init; }
    public decimal Committed => CommittedByAlliance.Values.Sum();
    public decimal Available => TotalBudget - Committed;

    /// <summary>What is committed per alliance (alliances with nothing committed are left out).</summary>
    public ImmutableDictionary<Guid, decimal> CommittedByAlliance { get; init; } = ImmutableDictionary<Guid, decimal>.Empty;
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();
}
