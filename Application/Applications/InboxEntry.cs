using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A task waiting for the role; <see cref="Overdue"/> once its due date has passed or a reminder was raised.</summary>
public sealed record InboxEntry(
    Guid ApplicationId, long Version, string Task, string Title, string Applicant, Guid ProgrammeId, string Programme, Guid AllianceId, string Alliance,
    decimal RequestedAmount, ApplicationStatus Status, string WaitingFor, string Action, DateTimeOffset? DueBy, bool Overdue, DateTimeOffset Since)
{
    /// <summary>One page of <paramref name="tasks"/>, most urgent first: by due date (none last), then those waiting longest.</summary>
    public static async Task<Page<InboxEntry>> PageAsync(IQueryable<InboxTask> tasks, IPagedQuery query, TimeProvider clock, CancellationToken cancellation)
    {
        var page = await tasks.PageAsync(t => t.OrderBy(x => x.DueBy).ThenBy(x => x.Since), query.Page, query.PageSize, cancellation);
        var now = clock.GetUtcNow();
        return new Page<InboxEntry>(
            [.. page.Items.Select(t => new InboxEntry(t.ApplicationId, t.Version, t.Key, t.Title, t.Applicant, t.ProgrammeId, t.Programme, t.AllianceId,
                t.Alliance, t.RequestedAmount, t.Status, t.WaitingFor, t.Action, t.DueBy, t.ReminderRaised || t.DueBy <= now, t.Since))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
