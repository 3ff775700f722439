using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Who works on a case. Anyone of the team takes a case from the queue or hands an unassigned one to a colleague; the person
/// assigned hands it on or gives it back; a case assigned to somebody else is reassigned or released only by a team lead,
/// who says why.
/// </summary>
public static class AssignmentDecider
{
    public static CaseAssigned Assign(FundingApplication application, Colleague assignee, string? reason, bool actsAsTeamLead, Stamp stamp)
    {
        if (application.Status == ApplicationStatus.Draft)
            throw new RuleViolation("assignment.draft", "A draft is still with the applicant; a case is assigned once it is submitted.");
        if (application.IsClosed)
            throw new RuleViolation("assignment.case-closed", $"The application is {application.Status}: nothing more is done on it, so nobody takes it.");
        var current = application.Assignment;
        if (current is not null && Same(current.Assignee, assignee.Id))
            throw new RuleViolation("assignment.unchanged", $"The case is assigned to {current.AssigneeName} already.");
        EnsureMayChange(current, reason, actsAsTeamLead, stamp, "reassign");
        return new CaseAssigned(application.Id, assignee.Id, assignee.Name.Trim(), current?.Assignee, Blank(reason), stamp.By, stamp.At);
    }

    public static CaseReleased Release(FundingApplication application, string? reason, bool actsAsTeamLead, Stamp stamp)
    {
        var current = application.Assignment ?? throw new RuleViolation("assignment.not-assigned", "The case is in the team's queue: nobody is assigned to it.");
        EnsureMayChange(current, reason, actsAsTeamLead, stamp, "release");
        return new CaseReleased(application.Id, current.Assignee, Blank(reason), stamp.By, stamp.At);
    }

    /// <summary>A colleague's case is theirs: only a team lead takes it from them, and says why.</summary>
    private static void EnsureMayChange(Assignment? current, string? reason, bool actsAsTeamLead, Stamp stamp, string what)
    {
        if (current is null || Same(current.Assignee, stamp.By)) return;
        if (!actsAsTeamLead)
            throw new RuleViolation("assignment.someone-elses",
                $"The case is assigned to {current.AssigneeName}; only they or a team lead {what} it.");
        if (Blank(reason) is null)
            throw new RuleViolation("assignment.reason-required", $"A team lead who takes a case from {current.AssigneeName} says why.");
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
