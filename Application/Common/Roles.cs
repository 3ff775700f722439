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

    /// <summary>Who keeps the registries of alliances and organisations.</summary>
    public const string RegistryKeepers = Caseworker + "," + Administrator;

    /// <summary>Who sets up funding programmes and their budgets.</summary>
    public const string ProgrammeManagers = Administrator + "," + Caseworker;

    /// <summary>Who reads the audit views (timelines, states as of a moment, chain verification, case files).</summary>
    public const string Auditors = Auditor + "," + Administrator;
}
