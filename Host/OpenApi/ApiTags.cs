using System.Text.RegularExpressions;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// The groups of the API reference, in the domain's words, and which routes belong to each: the first rule whose route
/// prefix matches an operation's route names its group. The order of the rules is the order of the groups on the page.
/// An operation that matches no rule gets no group, which the OpenAPI document test reports. Route parameters are written
/// <c>{}</c>: their names do not matter.
/// </summary>
public static partial class ApiTags
{
    public sealed record Rule(string Tag, string Description, params string[] RoutePrefixes);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("Alliances", "Skilled-labour alliances (Fachkräftebündnisse): founding, recognition by a state ministry, members, " +
                         "target groups, the pipeline of their region's applications, and the votes they cast on them.",
            "/api/alliances"),
        new("Organisations", "The registry of organisations (companies, associations, schools, municipalities, ...) and the " +
                             "de-minimis aid each has received.",
            "/api/organisations"),
        new("Programmes", "Funding programmes: budget, rules, top-ups and cuts, planning figures per alliance, the budget dashboard, review criteria, " +
                          "versioned application forms with extra fields, " +
                          "the funding authority and the alliances applications may name, and calls for applications with their submission windows.",
            "/api/programmes"),
        new("States", "Federal states: the alliances a state's ministry recognizes and the state's programmes.",
            "/api/states"),
        new("Applications", "Funding applications from draft to decision: submission, documents, formal check, reviews by several reviewers on the " +
                            "programme's criteria, the alliance's vote, " +
                            "proposal and four-eyes confirmation, change notices after approval (amendments, confirmed by a second person); the inbox of open tasks, the team's queues and who works on a case; " +
                            "an external expert's assignments.",
            "/api/applications", "/api/inbox", "/api/overdue", "/api/colleagues", "/api/review-assignments"),
        new("Experts", "The directory of external experts caseworkers assign to review applications: entered, changed and withdrawn by " +
                       "administrators.",
            "/api/experts"),
        new("Conversation", "A conversation on every case: messages between the applicant's people and the authority, internal notes " +
                            "for staff only, and what each reader has not read yet.",
            "/api/applications/{}/conversation", "/api/messages", "/api/internal-notes"),
        new("Payments", "The account the grant is paid into (proposed, and confirmed by a second person); after approval: payment " +
                        "requests and their check and release, reclaims and repayments.",
            "/api/applications/{}/payee-account", "/api/applications/{}/payment-requests", "/api/applications/{}/reclaims",
            "/api/applications/{}/repayments"),
        new("Proofs of use", "Proofs of use (Verwendungsnachweise): submission, deadline extensions, first and in-depth checks, " +
                             "and the risk-based sample drawn for in-depth checks.",
            "/api/applications/{}/proofs-of-use", "/api/programmes/{}/in-depth-samples", "/api/in-depth-samples"),
        new("Pilots", "Pilot projects such as a relocation service: phase, partners, services, companies, participants " +
                      "(personal data and their documents sealed and erasable), spending against its funding sources (corrected or " +
                      "cancelled with a reason), and the demand that " +
                      "decides on continuation.",
            "/api/pilots"),
        new("Network", "The regional network beyond the alliances: networks, initiatives, working groups, labour-market circles, " +
                       "innovation offices and metropolitan regions with their members and contact persons (sealed, erasable), and " +
                       "cooperation agreements.",
            "/api/network-actors", "/api/cooperation-agreements"),
        new("Activities", "What regions do: summits, returner days, exchanges, action days, forums, campaigns and job fairs from plan " +
                          "to report, with registrations (sealed, erasable) and waiting lists, and series compared year on year.",
            "/api/activities", "/api/activity-series"),
        new("Instruments", "Reusable formats (internship exchanges, talent pitches, action days and workshops companies run, the " +
                           "career-choice seal for schools): who offers them, and where, how often and by whom they are used.",
            "/api/instruments"),
        new("Programmes of people", "Leadership programmes: cohorts with participants (sealed, erasable), sessions and final " +
                                    "presentation, and the concepts that become projects and funding applications.",
            "/api/cohorts", "/api/concepts"),
        new("Alliance work", "An alliance's project ideas before any applicant exists, linked to the application that realises them, " +
                             "and its recommendations to municipalities with their follow-up.",
            "/api/project-ideas", "/api/recommendations"),
        new("Network dashboards", "Per alliance, state and district: activities held, attendance by group, instruments in use, ideas " +
                                  "turned into funded projects, year by year.",
            "/api/network-dashboards"),
        new("Audit", "Read-only views for auditors: timelines, state as of any moment, decision provenance, hash-chain " +
                     "verification, rule re-checks and case files.",
            "/api/audit"),
        new("People", "What a person acts for: the organisations, alliances and pilot projects they are bound to, granted and revoked " +
                      "by administrators with who and why.",
            "/api/admin/people", "/api/people"),
        new("Administration", "Operating the service: projections and their rebuilds, messages that failed for good (dead letters) and their replay.", "/api/admin"),
        new("Development", "Only in Development: tokens for the demo users.", "/dev"),
    ];

    /// <summary>The group of the route, or null. A more specific prefix wins over a shorter one listed earlier.</summary>
    public static string? For(string route)
    {
        route = RouteParameter().Replace("/" + route.TrimStart('/'), "{}");
        return Rules
            .SelectMany(rule => rule.RoutePrefixes.Select(prefix => (rule.Tag, Prefix: prefix)))
            .Where(r => IsUnder(route, r.Prefix))
            .OrderByDescending(r => r.Prefix.Length)
            .Select(r => r.Tag)
            .FirstOrDefault();
    }

    /// <summary>Whether the route is the prefix itself or lies below it (segment by segment, so "/api/pilots" is not under "/api/pilot").</summary>
    private static bool IsUnder(string route, string prefix) =>
        route.Equals(prefix, StringComparison.OrdinalIgnoreCase) ||
        route.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
