using System.Collections.Immutable;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Programmes;

/// <summary>A funding programme as set up, with its budget at a glance (inline: current after every command).</summary>
public sealed record ProgrammeDetails
{
    /// <summary>The programme's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the programme.</summary>
    public long Version { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Where its money comes from.</summary>
    public IReadOnlyList<FundingSource> Sources { get; init; } = [];
    /// <summary>Its funding period.</summary>
    public Period FundingPeriod { get; init; }
    /// <summary>The rules applications are checked and decided under.</summary>
    public ProgrammeRules Rules { get; init; } = null!;
    /// <summary>Its budget, in EUR (after top-ups and cuts).</summary>
    public decimal TotalBudget { get; init; }
    /// <summary>The money committed to approved applications, in EUR.</summary>
    public decimal Committed => CommittedByAlliance.Values.Sum();
    /// <summary>The money not yet committed, in EUR.</summary>
    public decimal Available => TotalBudget - Committed;

    /// <summary>What is committed per alliance (alliances with nothing committed are left out).</summary>
    public ImmutableDictionary<Guid, decimal> CommittedByAlliance { get; init; } = ImmutableDictionary<Guid, decimal>.Empty;
    /// <summary>The funding authority it belongs to; none when not (yet) recorded.</summary>
    public FundingAuthority? Authority { get; init; }
    /// <summary>Which alliances its applications may name; any alliance until set.</summary>
    public AllianceEligibility Eligibility { get; init; } = AllianceEligibility.AnyAlliance;
    /// <summary>Its calls for applications, by number; without calls it takes applications throughout its funding period.</summary>
    public IReadOnlyList<ProgrammeCall> Calls { get; init; } = [];

    /// <summary>What its reviewers score applications on, with weights in per cent (ADR 0093); none when the alliance votes alone.</summary>
    public IReadOnlyList<ReviewCriterion> ReviewCriteria { get; init; } = [];

    /// <summary>Which natural persons may apply themselves, and how long their data are kept after their case ended (ADR 0123); none: organisations only.</summary>
    public PersonApplicants PersonApplicants { get; init; } = PersonApplicants.None;

    /// <summary>Whether caseworkers may assign external experts as reviewers besides the alliance's (ADR 0093).</summary>
    public bool AllowsExternalExperts { get; init; }

    /// <summary>The planning figure per alliance (by alliance id), in EUR.</summary>
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();
}
