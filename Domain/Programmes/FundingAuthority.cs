using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>Whether a programme's funding authority acts for the federation or for one federal state.</summary>
public enum AuthorityLevel
{
    Federal,
    State,
}

/// <summary>The funding authority a programme belongs to, e.g. Lower Saxony's ministry for economy, labour and transport.</summary>
/// <param name="Name">The authority's name.</param>
/// <param name="Level">Federal or state.</param>
/// <param name="State">The federal state of a state authority; none for a federal one.</param>
public sealed record FundingAuthority(string Name, AuthorityLevel Level, FederalState? State);
