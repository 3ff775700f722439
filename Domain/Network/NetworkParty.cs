using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Network;

/// <summary>What kind of record a party of the regional network is.</summary>
public enum PartyKind
{
    /// <summary>An organisation of the registry: a company, association, school, municipality, chamber, ...</summary>
    Organisation,

    /// <summary>A skilled-labour alliance (Fachkräftebündnis).</summary>
    Alliance,

    /// <summary>A network actor: a network, initiative, working group, labour-market circle, innovation office or metropolitan region.</summary>
    NetworkActor,
}

/// <summary>
/// Who takes part in the network's work (a member, an organiser, a provider, a party to an agreement): an organisation, an
/// alliance or a network actor, with its name (and, for an organisation, its kind) as they were when it was recorded.
/// </summary>
/// <param name="Id">The organisation's, alliance's or network actor's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Whether it is an organisation, an alliance or a network actor.</param>
/// <param name="OrganisationKind">For an organisation: its kind (company, school, municipality, ...).</param>
public sealed record NetworkParty(Guid Id, string Name, PartyKind Kind, OrganisationKind? OrganisationKind = null)
{
    public bool IsOrganisationOf(OrganisationKind kind) => Kind == PartyKind.Organisation && OrganisationKind == kind;
}
