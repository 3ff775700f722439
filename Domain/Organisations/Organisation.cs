using System.Collections.Immutable;
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

    /// <summary>The applicant record of a natural person (ADR 0123): a neutral name; the person's data are sealed on the application.</summary>
    NaturalPerson,
}

public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Name,
    OrganisationKind Kind,
    string Town,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>De-minimis aid granted to the organisation as an undertaking (EU regulation 2023/2831).</summary>
public sealed record DeMinimisAidGranted(
    Guid OrganisationId, Guid ApplicationId, Guid ProgrammeId, decimal Amount, DateOnly GrantedOn, string RecordedBy, DateTimeOffset RecordedAt)
    : IRecordedFact;

/// <summary>The aid of one grant now amounts to <paramref name="Amount"/> (reduced, reclaimed, renounced).</summary>
public sealed record DeMinimisAidAdjusted(Guid OrganisationId, Guid ApplicationId, decimal Amount, string RecordedBy, DateTimeOffset RecordedAt)
    : IRecordedFact;

public sealed record DeMinimisAid(Guid ApplicationId, Guid ProgrammeId, decimal Amount, DateOnly GrantedOn);

/// <summary>
/// Write model of an organisation: the registry entry alliances and applications refer to, and, as an undertaking,
/// the ledger of its de-minimis aid.
/// </summary>
public sealed record Organisation(Guid Id, string Name, OrganisationKind Kind, string Town, ImmutableList<DeMinimisAid>? DeMinimisAid = null)
    : IEventSourced<Organisation>
{
    public IReadOnlyList<DeMinimisAid> Aid => DeMinimisAid ?? [];

    public static Organisation Evolve(Organisation? organisation, object @event) => (organisation, @event) switch
    {
        (null, OrganisationRegistered registered) =>
            new Organisation(registered.OrganisationId, registered.Name, registered.Kind, registered.Town, []),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Organisation), @event),
        (_, DeMinimisAidGranted granted) => organisation with
        {
            DeMinimisAid = [.. organisation.Aid, new DeMinimisAid(granted.ApplicationId, granted.ProgrammeId, granted.Amount, granted.GrantedOn)],
        },
        (_, DeMinimisAidAdjusted adjusted) => organisation with
        {
            DeMinimisAid = [.. organisation.Aid.Select(a => a.ApplicationId == adjusted.ApplicationId ? a with { Amount = adjusted.Amount } : a)],
        },
        _ => organisation,
    };
}

public static class OrganisationDecider
{
    public static OrganisationRegistered Register(Guid organisationId, string name, OrganisationKind kind, string town, Stamp stamp) =>
        new(organisationId, name.Trim(), kind, town.Trim(), stamp.By, stamp.At);
}
