using Fachwerk.Application.Common;

namespace Fachwerk.Web.Layout;

/// <summary>An entry of the main navigation, shown to users with one of <see cref="Roles"/> (empty: everyone signed in).</summary>
public sealed record NavigationEntry(string Href, string TextKey, IReadOnlyList<string> Roles, bool MatchPrefix = true);

/// <summary>The main navigation: each area adds its entry here with the roles that work in it.</summary>
public static class Navigation
{
    /// <summary>Every role but the dashboard reader, whose navigation shows only the dashboards.</summary>
    private static readonly IReadOnlyList<string> WorkingRoles =
    [
        Roles.Caseworker, Roles.Approver, Roles.AllianceReviewer, Roles.AllianceCoordinator, Roles.Applicant, Roles.ProjectLead,
        Roles.Auditor, Roles.Administrator, Roles.OrganisationAdministrator,
    ];

    public static readonly IReadOnlyList<NavigationEntry> Entries =
    [
        new("/", "nav.desk", [Roles.Caseworker, Roles.Approver], MatchPrefix: false),
        // An external expert's start: the applications assigned to them, and nothing else (ADR 0093).
        new("/reviews", "nav.reviewAssignments", [Roles.ExternalExpert]),
        // Portal: the applicant's start page (docs/portal.md).
        new("/portal", "nav.portal", [Roles.Applicant]),
        new("/applications", "nav.applications", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        new("/programmes", "nav.programmes", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        // The directory of external experts (ADR 0130): staff read it, administrators keep it.
        new("/experts", "nav.experts", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        // The regional network's activities: every working role reads them (the API's reads); staff and coordinators record them.
        new("/activities", "nav.activities", WorkingRoles),
        // pilots: project leads record theirs; staff and auditors read them (the API shows personal data to leads, caseworkers, auditors).
        new("/pilots", "nav.pilots", [Roles.ProjectLead, Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        // dashboards: aggregates only, for staff and for dashboard readers (ministry and district staff), who see nothing else.
        new("/dashboards", "nav.dashboards", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator, Roles.DashboardReader]),
        // audit-ui: the auditor's workspace (the audit views are for auditors and administrators).
        new("/audit", "nav.audit", [Roles.Auditor, Roles.Administrator]),
        new("/scalar/", "nav.api", WorkingRoles),
    ];
}
