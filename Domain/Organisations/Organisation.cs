using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Organisations;

/// <summary>The kinds of organisations that join alliances and apply for funding (see DOMAIN.md).</summary>
public enum OrganisationKind
{
    Company,
    PublicEmployer,
    Association,
    EmploymentAgency,
    JobCentre,
    TradeUnion,
    ChamberOfCommerce,
    ChamberOfCrafts,
    School,
    University,
    Municipality,
    Other,
}

public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Name,
    OrganisationKind Kind,
    string Town,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>Write model of an organisation: the registry entry alliances and applications refer to.</summary>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind, string Town) : IEventSourced<Organisation>
{
    public static Organisation Evolve(Organisation? organisation, object @event) => (organisation, @event) switch
    {
        (null, OrganisationRegistered registered) =>
            new Organisation(registered.OrganisationId, registered.Name, registered.Kind, registered.Town),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Organisation), @event),
        _ => organisation,
    };
}

public static class OrganisationDecider
{
    public static OrganisationRegistered Register(Guid organisationId, string name, OrganisationKind kind, string town, Stamp stamp) =>
        new(organisationId, name.Trim(), kind, town.Trim(), stamp.By, stamp.At);
}
