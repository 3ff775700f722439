using System.Security.Claims;

namespace Fachwerk.Application.Common;

/// <summary>
/// Who may record and read the regional network's data (docs/network.md, "Who records what"): caseworkers and
/// administrators everything; an alliance coordinator only what belongs to an alliance they are bound to (<c>alliance</c>, ADR 0060).
/// Kept apart from <see cref="Access"/>, whose checks it does not change.
/// </summary>
public static class NetworkAccess
{
    private static bool IsNetworkKeeper(ClaimsPrincipal user) => user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Administrator);

    private static bool CoordinatesAlliance(ClaimsPrincipal user, Guid? allianceId) =>
        user.IsInRole(Roles.AllianceCoordinator) && allianceId is { } id && user.IsBoundTo(UserClaims.Alliance, id);

    /// <summary>Caseworkers and administrators record everything; an alliance coordinator only their own alliance's records.</summary>
    public static void EnsureRecordsForAlliance(this ClaimsPrincipal user, Guid? allianceId)
    {
        if (IsNetworkKeeper(user) || CoordinatesAlliance(user, allianceId)) return;
        throw new AccessDenied(allianceId is null
            ? "What belongs to no alliance is recorded by the funding authority's staff."
            : "Alliance coordinators record only their own alliance's network work.");
    }

    /// <summary>
    /// Personal data of the network's people (contact persons, registrants, speakers, participants) are read by caseworkers,
    /// administrators and auditors, and by the coordinator of the alliance the record belongs to.
    /// </summary>
    public static void EnsureMayReadNetworkPeople(this ClaimsPrincipal user, Guid? allianceId)
    {
        if (IsNetworkKeeper(user) || user.IsInRole(Roles.Auditor) || CoordinatesAlliance(user, allianceId)) return;
        throw new AccessDenied("Personal data are read by the funding authority, the auditors and the coordinator of the record's alliance.");
    }
}
