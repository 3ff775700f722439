using Fachwerk.Application.Common;
using Wolverine.Http;

namespace Fachwerk.Application.Network;

/// <summary>Who may do what with the regional network's records (docs/network.md, "Who records what").</summary>
public static class NetworkRoles
{
    /// <summary>
    /// Who records what may belong to an alliance (network actors, activities and their series, project ideas,
    /// recommendations): caseworkers and administrators, and alliance coordinators for their own alliance (checked per record).
    /// </summary>
    public const string Recorders = Roles.Caseworker + "," + Roles.Administrator + "," + Roles.AllianceCoordinator;

    /// <summary>Who records what belongs to no alliance (cooperation agreements, instruments, cohorts, concepts).</summary>
    public const string Keepers = Roles.RegistryKeepers;

    /// <summary>Who reads the personal data of contact persons, registrants and speakers (coordinators for their alliance only).</summary>
    public const string PersonalDataReaders = Roles.Caseworker + "," + Roles.Administrator + "," + Roles.Auditor + "," + Roles.AllianceCoordinator;

    /// <summary>Who reads the personal data of a cohort's participants.</summary>
    public const string CohortPersonalDataReaders = Roles.Caseworker + "," + Roles.Administrator + "," + Roles.Auditor;
}

/// <summary>
/// 201 Created for something added inside a network record's stream (a contact person, a registration, a use, a participant,
/// a session): the record's id and new version (the next expected version), the new item's id, and where to read it. Never
/// carries personal data.
/// </summary>
/// <param name="Id">The record's id (the actor, activity, instrument or cohort).</param>
/// <param name="Version">The record's version after the command: send it as <c>expectedVersion</c> with the next command on it.</param>
/// <param name="ItemId">The id of what was added.</param>
/// <param name="Url">Where to read what was added (also in the <c>Location</c> header).</param>
public sealed record NetworkItemAdded(Guid Id, long Version, Guid ItemId, string Url) : CreationResponse(Url);

/// <summary>Where the network's records are read.</summary>
public static class NetworkUrls
{
    public static string Actor(Guid id) => $"/api/network-actors/{id}";
    public static string Agreement(Guid id) => $"/api/cooperation-agreements/{id}";
    public static string Series(Guid id) => $"/api/activity-series/{id}";
    public static string Activity(Guid id) => $"/api/activities/{id}";
    public static string Instrument(Guid id) => $"/api/instruments/{id}";
    public static string Cohort(Guid id) => $"/api/cohorts/{id}";
    public static string Concept(Guid id) => $"/api/concepts/{id}";
    public static string Idea(Guid id) => $"/api/project-ideas/{id}";
    public static string Recommendation(Guid id) => $"/api/recommendations/{id}";
}
