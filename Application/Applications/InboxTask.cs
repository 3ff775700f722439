using Fachwerk.Domain.Applications;
using Marten.Schema;

namespace Fachwerk.Application.Applications;

/// <summary>An open task as its own document, so the inbox and the overdue list can filter and sort by role and due date.</summary>
public sealed record InboxTask
{
    public string Id { get; init; } = "";
    public Guid ApplicationId { get; init; }
    public long Version { get; init; }
    public string Key { get; init; } = "";
    public Guid ApplicantId { get; init; }
    public string WaitingFor { get; init; } = "";
    public string Action { get; init; } = "";
    public DateTimeOffset? DueBy { get; init; }
    public bool ReminderRaised { get; init; }
    public string Title { get; init; } = "";
    public string Applicant { get; init; } = "";
    public Guid ProgrammeId { get; init; }
    public string Programme { get; init; } = "";
    public Guid AllianceId { get; init; }
    public string Alliance { get; init; } = "";
    public decimal RequestedAmount { get; init; }
    public ApplicationStatus Status { get; init; }
    public DateTimeOffset Since { get; init; }
    public string? AssignedTo { get; init; }
    public string? AssignedToName { get; init; }

    /// <summary>The user of the role who may not do the task (four-eyes); it is left out of their inbox.</summary>
    public string? NotFor { get; init; }

    /// <summary>
    /// The table's columns and indexes: the summary projection deletes an application's tasks by its id; the inbox reads
    /// a role's tasks, most urgent first, off the front of the composite index, whose columns need no index of their own; the
    /// team's queues are counted from that index alone (it includes who the case is assigned to and whether a reminder was
    /// raised); a person's tasks are read off the front of the second, which holds assigned tasks only.
    /// </summary>
    public static void ConfigureMarten(DocumentMapping<InboxTask> mapping)
    {
        mapping.Duplicate(x => x.ApplicationId);
        mapping.DuplicateField(nameof(WaitingFor));
        mapping.DuplicateField(nameof(DueBy));
        mapping.DuplicateField(nameof(Since));
        mapping.DuplicateField(nameof(ReminderRaised));
        mapping.DuplicateField(nameof(AssignedTo));
        mapping.DuplicateField(nameof(AssignedToName));
        mapping.Index([x => x.WaitingFor, x => x.DueBy!, x => x.Since],
            index => index.IncludeColumns = ["assigned_to", "assigned_to_name", "reminder_raised"]);
        mapping.Index([x => x.AssignedTo!, x => x.DueBy!, x => x.Since], index => index.Predicate = "assigned_to is not null");
    }
}
