using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network;

/// <summary>A district (Landkreis, kreisfreie Stadt, Region) in a federal state; without a district, the whole state.</summary>
/// <param name="FederalState">The federal state.</param>
/// <param name="District">The district; none for the whole state.</param>
public sealed record Area(FederalState FederalState, string? District = null)
{
    /// <summary>Whether this area is, or contains, the district <paramref name="district"/> of <paramref name="state"/>.</summary>
    public bool Covers(FederalState state, string? district) =>
        FederalState == state && (District is null || (district is not null && string.Equals(District, district.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Where an activity takes place: the venue, the town, its district and federal state.</summary>
/// <param name="Town">The town, e.g. Neustrelitz.</param>
/// <param name="District">The district the town lies in, e.g. Mecklenburgische Seenplatte.</param>
/// <param name="FederalState">The federal state.</param>
/// <param name="Venue">The building or room, e.g. Kreisverwaltung; none for a campaign without one place.</param>
public sealed record Place(string Town, string District, FederalState FederalState, string? Venue = null);
