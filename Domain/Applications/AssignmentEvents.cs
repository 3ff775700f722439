namespace Fachwerk.Domain.Applications;

// Who at the funding authority works on a case. Assignment is bookkeeping of the authority's work: it changes no status
// (ApplicationLifecycle leaves the status as it is) and starts nothing in the budget workflow.

/// <summary>
/// The case is now <paramref name="AssigneeName"/>'s (<paramref name="Assignee"/>, a user id): taken, handed to a colleague,
/// or reassigned by a team lead from <paramref name="PreviousAssignee"/>.
/// </summary>
public sealed record CaseAssigned(
    Guid ApplicationId,
    string Assignee,
    string AssigneeName,
    string? PreviousAssignee,
    string? Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The case went back to the team's queue: nobody is assigned to it any more.</summary>
public sealed record CaseReleased(Guid ApplicationId, string PreviousAssignee, string? Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;
