using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;

namespace Fachwerk.Web.Desk;

/// <summary>
/// One queue of the desk: the tasks waiting for a role the user holds (a page of them), all of them or only those on one
/// person's cases (<see cref="Assignee"/>: a user id, or <c>none</c> for the cases nobody has taken).
/// </summary>
public sealed record DeskQueue(string Role, Page<InboxEntry> Tasks, string? Assignee)
{
    /// <summary>The page's tasks, overdue ones first, each group in the inbox's order (due date, then waiting longest).</summary>
    public IReadOnlyList<InboxEntry> OverdueFirst => OverdueFirstOf(Tasks.Items);

    public static IReadOnlyList<InboxEntry> OverdueFirstOf(IReadOnlyList<InboxEntry> tasks) =>
        [.. tasks.Where(t => t.Overdue).Concat(tasks.Where(t => !t.Overdue))];

    /// <summary>The roles with a queue on the desk, in the order the desk shows them.</summary>
    public static readonly IReadOnlyList<string> Roles = [Application.Common.Roles.Caseworker, Application.Common.Roles.Approver];

    public const int PageSize = 50;
}
