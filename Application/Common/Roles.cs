namespace Fachwerk.Application.Common;

/// <summary>The roles of Fachwerk's users (DOMAIN.md, "Who uses it"), as they appear in role claims.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Caseworker = "caseworker";
    public const string Approver = "approver";
    public const string AllianceReviewer = "alliance-reviewer";
    public const string ProjectLead = "project-lead";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    /// <summary>The office of an alliance (bound to it): records the alliance's activities, project ideas and recommendations.</summary>
    public const string AllianceCoordinator = "alliance-coordinator";

    /// <summary>
    /// An applicant organisation's own administrator (bound to it like its applicants): binds colleagues to that organisation and ends
    /// their bindings, nothing else (ADR 0078).
    /// </summary>
    public const string OrganisationAdministrator = "organisation-administrator";

    /// <summary>
    /// Leads a team of caseworkers and approvers: besides their own role, may reassign or release a colleague's case. Alone it
    /// grants nothing (docs/access.md).
    /// </summary>
    public const string TeamLead = "team-lead";

    /// <summary>
    /// Ministry and district staff who read the dashboards: aggregates only (budgets, the dashboards' figures), never a case, an
    /// applicant's documents or a person's data. Every role-restricted read refuses them (docs/access.md).
    /// </summary>
    public const string DashboardReader = "dashboard-reader";

    /// <summary>
    /// A reviewer from outside the alliance (ADR 0093), bound to nothing: reads, scores and declares a conflict on exactly the
    /// applications a caseworker assigned them to as an external expert, and reads nothing else (docs/access.md).
    /// </summary>
    public const string ExternalExpert = "external-expert";

    /// <summary>Who works on cases and so takes, hands on and releases them: the team of caseworkers and approvers.</summary>
    public const string CaseHandlers = Caseworker + "," + Approver;

    /// <summary>Who keeps the registries of alliances and organisations.</summary>
    public const string RegistryKeepers = Caseworker + "," + Administrator;

    /// <summary>The funding authority's people and the auditors: not bound to an organisation, alliance or pilot.</summary>
    public const string Staff = Caseworker + "," + Approver + "," + Administrator + "," + Auditor;

    /// <summary>Who sets up funding programmes and their budgets.</summary>
    public const string ProgrammeManagers = Administrator + "," + Caseworker;

    /// <summary>Who reads applications at all (each only those they act for: see Access.ApplicationScope).</summary>
    public const string ApplicationReaders = Staff + "," + Applicant + "," + AllianceReviewer;

    /// <summary>Who reads one application: its readers, and the external experts assigned to it (see ExternalExpertAccess).</summary>
    public const string AssignedApplicationReaders = ApplicationReaders + "," + ExternalExpert;

    /// <summary>Who scores an application and declares conflicts: the alliance's reviewers, and external experts, each when assigned.</summary>
    public const string Reviewers = AllianceReviewer + "," + ExternalExpert;

    /// <summary>Who assigns reviewers to an application (ADR 0093): caseworkers, and the reviewers of its alliance.</summary>
    public const string ReviewerAssigners = Caseworker + "," + AllianceReviewer;

    /// <summary>Who reads an application's reviews: staff, and the reviewers of its alliance; not the applicant.</summary>
    public const string ReviewReaders = Staff + "," + AllianceReviewer;

    /// <summary>Who calls the reviews' read: its readers, and the external experts assigned (who read only their own review).</summary>
    public const string ReviewReadersWithExperts = ReviewReaders + "," + ExternalExpert;

    /// <summary>Every role but the external expert: they call the operations every signed-in user may call (docs/access.md).</summary>
    public const string AllButExternalExperts = Staff + "," + Applicant + "," + AllianceReviewer + "," + ProjectLead + "," + AllianceCoordinator
                                                + "," + OrganisationAdministrator + "," + TeamLead + "," + DashboardReader;

    /// <summary>Who reads an alliance's dashboard: staff, and the reviewers of that alliance.</summary>
    public const string AllianceDashboardReaders = Staff + "," + AllianceReviewer;

    /// <summary>Who reads an alliance's pipeline (aggregates only): the alliance's dashboard readers and the dashboard reader role (ADR 0113).</summary>
    public const string AlliancePipelineReaders = AllianceDashboardReaders + "," + DashboardReader;

    /// <summary>Who reads an organisation's de-minimis ledger: staff, and the organisation's own applicants.</summary>
    public const string DeMinimisReaders = Staff + "," + Applicant;

    /// <summary>Who grants and revokes bindings: administrators any, an organisation's own administrators those to their organisation.</summary>
    public const string BindingKeepers = Administrator + "," + OrganisationAdministrator;

    /// <summary>
    /// Who keeps the directory of external experts (ADR 0130): the administrators, who keep the people side of the master data (users'
    /// bindings). Not the caseworkers, who assign experts: who picks an expert from the directory does not also put them in it.
    /// </summary>
    public const string ExpertDirectoryKeepers = Administrator;

    /// <summary>Who reads the directory of external experts: the funding authority's staff (caseworkers assign experts from it).</summary>
    public const string ExpertDirectoryReaders = Staff;

    /// <summary>Who reads the audit views (timelines, states as of a moment, chain verification, case files).</summary>
    public const string Auditors = Auditor + "," + Administrator;
}
