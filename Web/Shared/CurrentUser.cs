using System.Security.Claims;
using Fachwerk.Application.Common;

namespace Fachwerk.Web.Shared;

/// <summary>The signed-in person as the UI sees them: the same claims the API reads (sub, name, roles, bindings).</summary>
public sealed class CurrentUser(ClaimsPrincipal principal)
{
    public bool IsSignedIn => principal.Identity?.IsAuthenticated == true;

    public string Id => principal.FindFirst(UserClaims.Subject)?.Value ?? "";

    public string Name => principal.FindFirst(UserClaims.Name)?.Value ?? Id;

    /// <summary>The user's roles in the order <see cref="RoleOrder"/> lists them.</summary>
    public IReadOnlyList<string> Roles => [.. RoleOrder.Where(principal.IsInRole)];

    public bool Has(string role) => principal.IsInRole(role);

    public bool HasAny(IEnumerable<string> roles) => roles.Any(principal.IsInRole);

    /// <summary>The alliances the user is bound to (a reviewer's or coordinator's <c>alliance</c> claims).</summary>
    public IReadOnlyList<Guid> Alliances =>
        [.. principal.BoundTo(UserClaims.Alliance)];

    /// <summary>The pilot projects the user is bound to (a project lead's <c>pilot</c> claims).</summary>
    public IReadOnlyList<Guid> Pilots =>
        [.. principal.BoundTo(UserClaims.Pilot)];

    public static readonly IReadOnlyList<string> RoleOrder =
    [
        Application.Common.Roles.Caseworker, Application.Common.Roles.Approver, Application.Common.Roles.AllianceReviewer,
        Application.Common.Roles.AllianceCoordinator, Application.Common.Roles.Applicant, Application.Common.Roles.ProjectLead,
        Application.Common.Roles.Auditor, Application.Common.Roles.Administrator, Application.Common.Roles.TeamLead,
        Application.Common.Roles.OrganisationAdministrator, Application.Common.Roles.DashboardReader, Application.Common.Roles.ExternalExpert,
    ];
}
