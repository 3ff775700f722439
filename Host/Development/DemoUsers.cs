using Fachwerk.Application.Common;

namespace Fachwerk.Host.Development;

/// <summary>
/// A person of the demo world. Applicants, alliance reviewers and project leads are bound to an organisation, alliance or
/// pilot project; the demo users are bound by name to the demo world's (the development token issuer looks them up).
/// </summary>
public sealed record DemoUser(
    string Id, string DisplayName, IReadOnlyList<string> Roles, string? OrganisationName = null, string? AllianceName = null, string? PilotName = null)
{
    /// <summary>The demo address: a reserved domain (RFC 2606), so no mail of the demo world can reach anyone.</summary>
    public string Email => $"{Id}@demo.fachwerk.invalid";
}

/// <summary>The people of the demo world, one per role; only the development token issuer knows them.</summary>
public static class DemoUsers
{
    /// <summary>The language every demo user's tokens name (the <c>locale</c> claim) unless a test asks for another.</summary>
    public const string Locale = "de-DE";

    public static readonly DemoUser Caseworker = new("sabine.sachbearbeitung", "Sabine Sachbearbeitung (ArL Leine-Weser)", [Roles.Caseworker]);
    public static readonly DemoUser SecondCaseworker = new("carsten.sachbearbeitung", "Carsten Sachbearbeitung (ArL Leine-Weser)", [Roles.Caseworker]);
    public static readonly DemoUser Approver = new("zoe.zeichnung", "Zoë Zeichnungsbefugt (Referatsleitung)", [Roles.Approver]);

    /// <summary>Caseworker who also deputises as approver: may confirm others' proposals, never her own (four-eyes).</summary>
    public static readonly DemoUser Deputy = new("ute.urlaubsvertretung", "Ute Urlaubsvertretung (Sachbearbeitung, Vertretung der Zeichnung)", [Roles.Caseworker, Roles.Approver]);
    /// <summary>Caseworker who leads the team: may reassign or release a colleague's case.</summary>
    public static readonly DemoUser TeamLead = new("theo.teamleitung", "Theo Teamleitung (Sachgebietsleitung ArL Leine-Weser)", [Roles.Caseworker, Roles.TeamLead]);
    public static readonly DemoUser AllianceReviewer = new("bruno.buendnis", "Bruno Bündnisbüro (Leine-Weser)", [Roles.AllianceReviewer],
        AllianceName: "Regionales Fachkräftebündnis Leine-Weser");
    /// <summary>Two more reviewers of the Leine-Weser alliance: with Bruno they score the demo grant reviewed by three (ADR 0093).</summary>
    public static readonly DemoUser LabourAgencyReviewer = new("rita.rat", "Rita Rat (Agentur für Arbeit Hildesheim)", [Roles.AllianceReviewer],
        AllianceName: "Regionales Fachkräftebündnis Leine-Weser");
    public static readonly DemoUser ChamberReviewer = new("kurt.kammer", "Kurt Kammer (IHK Hannover)", [Roles.AllianceReviewer],
        AllianceName: "Regionales Fachkräftebündnis Leine-Weser");
    public static readonly DemoUser Applicant = new("anna.antrag", "Anna Antrag (Haus Steinstraße e.V.)", [Roles.Applicant],
        OrganisationName: "Haus Steinstraße e.V.");
    public static readonly DemoUser ProjectLead = new("paul.projekt", "Paul Projektleitung (Relocation Service Magdeburg)", [Roles.ProjectLead],
        PilotName: "Relocation Service Magdeburg");
    /// <summary>A medical student who applies herself under the district's doctor-recruitment guideline (a natural person, ADR 0123).</summary>
    public static readonly DemoUser MedicalStudent = new("mia.medizin", "Mia Medizin (Medizinstudentin)", [Roles.Applicant]);
    /// <summary>A doctor who has not applied yet: drafts his own application in the portal ("Als Privatperson beantragen", ADR 0123).</summary>
    public static readonly DemoUser Doctor = new("leon.landarzt", "Leon Landarzt (Arzt in Weiterbildung, beantragt selbst)", [Roles.Applicant]);
    /// <summary>Runs Haus Steinstraße e.V.: applies like Anna and binds colleagues to the association (and ends their bindings).</summary>
    public static readonly DemoUser OrganisationAdministrator = new("olaf.organisation", "Olaf Organisation (Geschäftsführung Haus Steinstraße e.V.)",
        [Roles.Applicant, Roles.OrganisationAdministrator], OrganisationName: "Haus Steinstraße e.V.");
    /// <summary>The office of the southern Saxony-Anhalt alliance: records its activities, series, project ideas and recommendations.</summary>
    public static readonly DemoUser AllianceCoordinator = new("clara.koordination", "Clara Koordination (Geschäftsstelle Fachkräfteallianz Sachsen-Anhalt Süd)",
        [Roles.AllianceCoordinator], AllianceName: "Fachkräfteallianz Sachsen-Anhalt Süd");
    public static readonly DemoUser Auditor = new("petra.pruefung", "Petra Prüfbehörde (ESF-Prüfbehörde)", [Roles.Auditor]);
    public static readonly DemoUser Administrator = new("admin", "Fachwerk-Administration", [Roles.Administrator]);
    /// <summary>Ministry staff who read the dashboards: aggregates only, never a case, a document or a person.</summary>
    public static readonly DemoUser DashboardReader = new("dora.dashboard", "Dora Dashboard (Ministerium, Referat Fachkräftesicherung)", [Roles.DashboardReader]);
    /// <summary>An external expert (ADR 0093), bound to nothing: reads and scores only the applications a caseworker assigned her to.</summary>
    public static readonly DemoUser ExternalExpert = new("erika.expertin", "Erika Expertin (externe Gutachterin, Hochschule Hannover)", [Roles.ExternalExpert]);

    public static readonly IReadOnlyList<DemoUser> All =
        [Caseworker, SecondCaseworker, Approver, Deputy, TeamLead, AllianceReviewer, LabourAgencyReviewer, ChamberReviewer, Applicant, MedicalStudent, Doctor, OrganisationAdministrator, ProjectLead, AllianceCoordinator,
         Auditor, Administrator, DashboardReader, ExternalExpert];

    /// <summary>The demo users who work on cases (caseworkers and approvers): the team in Development.</summary>
    public static IEnumerable<DemoUser> Team => All.Where(u => u.Roles.Contains(Roles.Caseworker) || u.Roles.Contains(Roles.Approver));

    public static DemoUser? Find(string id) => All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));
}
