using Fachwerk.Application.Common;

namespace Fachwerk.Web.Layout;

/// <summary>An entry of the main navigation, shown to users with one of <see cref="Roles"/> (empty: everyone signed in).</summary>
public sealed record NavigationEntry(string Href, string TextKey, IReadOnlyList<string> Roles, bool MatchPrefix = true);

/// <summary>The main navigation: each area adds its entry here with the roles that work in it.</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavigationEntry> Entries =
    [
        new("/", "nav.desk", [Roles.Caseworker, Roles.Approver], MatchPrefix: false),
        new("/applications", "nav.applications", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        new("/programmes", "nav.programmes", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator]),
        // The regional network's activities: everyone signed in reads them (the API's reads); staff and coordinators record them.
        new("/activities", "nav.activities", []),
        // dashboards: aggregates only, for staff and for dashboard readers (ministry and district staff), who see nothing else.
        new("/dashboards", "nav.dashboards", [Roles.Caseworker, Roles.Approver, Roles.Auditor, Roles.Administrator, Roles.DashboardReader]),
        // audit-ui: the auditor's workspace (the audit views are for auditors and administrators).
        new("/audit", "nav.audit", [Roles.Auditor, Roles.Administrator]),
    ];
}
