using System.Security.Claims;

namespace Fachwerk.Application.Common;

/// <summary>The claims Fachwerk reads from a token besides the standard ones.</summary>
public static class UserClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The organisation an applicant acts for.</summary>
    public const string Organisation = "org";

    /// <summary>The alliance an alliance reviewer acts for.</summary>
    public const string Alliance = "alliance";

    /// <summary>The pilot project a project lead acts for.</summary>
    public const string Pilot = "pilot";
}

/// <summary>The caller may not see or do this; answered 403 and written to the security log.</summary>
public sealed class AccessDenied(string message) : Exception(message);

/// <summary>
/// Who may act on or read which records, beyond the role an endpoint requires: applicants only for their organisation,
/// alliance reviewers only for their alliance, project leads only for their pilot project. Staff of the funding authority
/// (caseworkers, approvers, administrators) and auditors are not bound.
/// </summary>
public static class Access
{
    private static readonly string[] Staff = [Roles.Caseworker, Roles.Approver, Roles.Administrator, Roles.Auditor];

    public static bool IsStaff(this ClaimsPrincipal user) => Staff.Any(user.IsInRole);

    public static Guid? Bound(this ClaimsPrincipal user, string claim) =>
        Guid.TryParse(user.FindFirstValue(claim), out var id) ? id : null;

    /// <summary>An applicant acts only for their own organisation.</summary>
    public static void EnsureActsForOrganisation(this ClaimsPrincipal user, Guid organisationId)
    {
        if (user.IsStaff()) return;
        if (user.IsInRole(Roles.Applicant) && user.Bound(UserClaims.Organisation) == organisationId) return;
        throw new AccessDenied("Applicants act only for their own organisation's applications.");
    }

    /// <summary>An alliance reviewer acts only for their own alliance.</summary>
    public static void EnsureActsForAlliance(this ClaimsPrincipal user, Guid allianceId)
    {
        if (user.IsStaff()) return;
        if (user.IsInRole(Roles.AllianceReviewer) && user.Bound(UserClaims.Alliance) == allianceId) return;
        throw new AccessDenied("Alliance reviewers act only for their own alliance.");
    }

    /// <summary>A project lead acts only for their own pilot project.</summary>
    public static void EnsureActsForPilot(this ClaimsPrincipal user, Guid pilotId)
    {
        if (user.IsStaff()) return;
        if (user.IsInRole(Roles.ProjectLead) && user.Bound(UserClaims.Pilot) == pilotId) return;
        throw new AccessDenied("Project leads act only for their own pilot project.");
    }

    /// <summary>An application is read by staff, by its applicant, and by the reviewers of its alliance.</summary>
    public static void EnsureMayReadApplication(this ClaimsPrincipal user, Guid applicantId, Guid allianceId)
    {
        if (user.IsStaff()) return;
        if (user.IsInRole(Roles.Applicant) && user.Bound(UserClaims.Organisation) == applicantId) return;
        if (user.IsInRole(Roles.AllianceReviewer) && user.Bound(UserClaims.Alliance) == allianceId) return;
        throw new AccessDenied("Applications are read by the funding authority, their applicant and the reviewers of their alliance.");
    }

    /// <summary>
    /// Which applications a list may show the caller: all (staff), their organisation's (applicants), their alliance's
    /// (alliance reviewers); nobody else reads applications.
    /// </summary>
    public static ApplicationScope ApplicationScope(this ClaimsPrincipal user)
    {
        if (user.IsStaff()) return new ApplicationScope(null, null);
        if (user.IsInRole(Roles.Applicant) && user.Bound(UserClaims.Organisation) is { } organisation) return new ApplicationScope(organisation, null);
        if (user.IsInRole(Roles.AllianceReviewer) && user.Bound(UserClaims.Alliance) is { } alliance) return new ApplicationScope(null, alliance);
        throw new AccessDenied("Applications are read by the funding authority, their applicants and the reviewers of their alliance.");
    }
}

/// <summary>A restriction of application lists to one applicant organisation or one alliance (none for staff).</summary>
public sealed record ApplicationScope(Guid? ApplicantId, Guid? AllianceId);
