using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;

namespace Fachwerk.Web.Desk;

/// <summary>One queue of the desk: the tasks waiting for a role the user holds (a page of them), and how many are overdue.</summary>
public sealed record DeskQueue(string Role, Page<InboxEntry> Tasks, long Overdue)
{
    /// <summary>The page's tasks, overdue ones first, each group in the inbox's order (due date, then waiting longest).</summary>
    public IReadOnlyList<InboxEntry> OverdueFirst => [.. Tasks.Items.Where(t => t.Overdue).Concat(Tasks.Items.Where(t => !t.Overdue))];

    /// <summary>The roles with a queue on the desk, in the order the desk shows them.</summary>
    public static readonly IReadOnlyList<string> Roles = [Application.Common.Roles.Caseworker, Application.Common.Roles.Approver];

    public const int PageSize = 50;
}
