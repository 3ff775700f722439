using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A task waiting for the role; <see cref="Overdue"/> once its due date has passed or a reminder was raised.</summary>
/// <param name="ApplicationId">The application the task is on.</param>
/// <param name="Version">The application's version: send it as <c>expectedVersion</c> with the command that does the
/// task.</param>
/// <param name="Task">Names the task within its application (e.g. <c>application</c>, <c>payment-2</c>, <c>proof-
/// final</c>).</param>
/// <param name="Title">The project's title.</param>
/// <param name="Applicant">The applicant organisation's name.</param>
/// <param name="ProgrammeId">The funding programme.</param>
/// <param name="Programme">Its name.</param>
/// <param name="AllianceId">The alliance of the project's region.</param>
/// <param name="Alliance">Its name.</param>
/// <param name="RequestedAmount">The funding requested, in EUR.</param>
/// <param name="Status">Where the application stands.</param>
/// <param name="WaitingFor">The role that acts next.</param>
/// <param name="Action">What that role does, in words.</param>
/// <param name="DueBy">When it is due, if a deadline applies.</param>
/// <param name="Overdue">Whether it is past due (or a reminder was raised).</param>
/// <param name="Since">Since when the task waits.</param>
/// <param name="AssignedTo">The user id of the person the case is assigned to; none while it is in the team's queue.</param>
/// <param name="AssignedToName">Their name.</param>
/// <param name="UnreadMessages">Messages in the case's conversation the caller has not read yet (only in the caller's own inbox).</param>
public sealed record InboxEntry(
    Guid ApplicationId, long Version, string Task, string Title, string Applicant, Guid ProgrammeId, string Programme, Guid AllianceId, string Alliance,
    decimal RequestedAmount, ApplicationStatus Status, string WaitingFor, string Action, DateTimeOffset? DueBy, bool Overdue, DateTimeOffset Since,
    string? AssignedTo = null, string? AssignedToName = null, int UnreadMessages = 0)
{
    /// <summary>One page of <paramref name="tasks"/>, most urgent first: by due date (none last), then those waiting longest.</summary>
    public static async Task<Page<InboxEntry>> PageAsync(IQueryable<InboxTask> tasks, IPagedQuery query, TimeProvider clock, CancellationToken cancellation)
    {
        var page = await tasks.PageAsync(t => t.OrderBy(x => x.DueBy).ThenBy(x => x.Since), query.Page, query.PageSize, cancellation);
        var now = clock.GetUtcNow();
        return new Page<InboxEntry>(
            [.. page.Items.Select(t => new InboxEntry(t.ApplicationId, t.Version, t.Key, t.Title, t.Applicant, t.ProgrammeId, t.Programme, t.AllianceId,
                t.Alliance, t.RequestedAmount, t.Status, t.WaitingFor, t.Action, t.DueBy, IsOverdue(t.DueBy, t.ReminderRaised, now), t.Since, t.AssignedTo,
                t.AssignedToName))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }

    /// <summary>A task is overdue once its due date has come, or when a reminder was raised about it.</summary>
    public static bool IsOverdue(DateTimeOffset? dueBy, bool reminderRaised, DateTimeOffset now) => reminderRaised || dueBy <= now;
}
