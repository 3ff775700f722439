using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Marten;
using JasperFx;
using Wolverine;
using Wolverine.Attributes;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Scheduled for the moment a caseworker's task falls due (<paramref name="TaskKey"/> as on the inbox: <c>application</c>,
/// <c>payment-2</c>, <c>proof-final</c>); its handler checks that the task is still open with that due date.
/// </summary>
public sealed record TaskOverdueDue(Guid ApplicationId, string TaskKey, DateTimeOffset DueBy)
{
    /// <summary>The caseworkers' tasks of an application that have a due date: each gets its overdue check.</summary>
    public static IEnumerable<TaskOverdueDue> For(ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Tasks.Where(t => t is { WaitingFor: Roles.Caseworker, DueBy: not null })
            .Select(t => new TaskOverdueDue(application.Id, t.Key, t.DueBy!.Value));
    }
}

/// <summary>
/// Tells the caseworker of the case (else the team) that a task is overdue, once per task and due date: the notification's cause is
/// the task and its due date, so the same check scheduled after several events, or delivered twice, tells once; a task done, moved
/// to another role, or given a new due date in the meantime tells nothing (the new due date has its own check).
/// </summary>
public static class TaskOverdueDueHandler
{
    /// <summary>Two deliveries at once: the second finds the notification inserted by the first and records nothing.</summary>
    [RetryNow(typeof(DocumentAlreadyExistsException), 50, 250)]
    public static async Task Handle(
        TaskOverdueDue due, IDocumentSession session, IMessageBus bus, Notifications notifications, TimeProvider clock, CancellationToken cancellation)
    {
        if (clock.GetUtcNow() < due.DueBy) return;
        var task = await session.LoadAsync<InboxTask>($"{due.ApplicationId:N}/{due.TaskKey}", cancellation);
        if (task is null || task.WaitingFor != Roles.Caseworker || task.DueBy != due.DueBy) return;
        if (await session.LoadAsync<ApplicationSummary>(due.ApplicationId, cancellation) is not { } summary) return;

        var facts = new NotificationFacts(summary.Number, summary.Title, due.DueBy, Concerning: due.TaskKey);
        await notifications.RecordAsync(session, bus, $"overdue/{due.ApplicationId}/{due.TaskKey}/{due.DueBy:O}", summary,
            [new PlannedNotification(NotificationKind.TaskOverdue, Audience.Caseworkers, facts, NotificationRules.PageOf(summary))], cancellation);
    }
}
