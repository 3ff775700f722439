using Marten;
using Weasel.Core;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The inbox tasks of an application, as documents. The inline <see cref="ApplicationSummaryProjection"/> stores them as a
/// side effect with every command; Marten raises no side effects while it rebuilds a projection, so after a rebuild of the
/// summaries (or a bulk import of history) <see cref="RebuildAsync"/> derives every task again from its summary.
/// </summary>
public static class InboxTasks
{
    /// <summary>The open tasks of one application, one document each.</summary>
    public static IEnumerable<InboxTask> Of(ApplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Tasks.Select(task => new InboxTask
        {
            Id = $"{summary.Id:N}/{task.Key}",
            ApplicationId = summary.Id,
            Version = summary.Version,
            Key = task.Key,
            ApplicantId = summary.ApplicantId,
            WaitingFor = task.WaitingFor,
            Action = task.Action,
            DueBy = task.DueBy,
            ReminderRaised = task.ReminderRaised,
            Title = summary.Title,
            Applicant = summary.Applicant,
            ProgrammeId = summary.ProgrammeId,
            Programme = summary.Programme,
            AllianceId = summary.AllianceId,
            Alliance = summary.Alliance,
            RequestedAmount = summary.RequestedAmount,
            Status = summary.Status,
            Since = summary.Since,
            AssignedTo = summary.AssignedTo,
            AssignedToName = summary.AssignedToName,
            NotFor = task.NotFor,
        });
    }

    /// <summary>Replaces every inbox task by the tasks the current summaries name (not atomic: run it while no commands arrive).</summary>
    public static async Task RebuildAsync(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(InboxTask), cancellation);
        await using var session = store.QuerySession();
        var batch = new List<InboxTask>(BatchSize);
        await foreach (var summary in session.Query<ApplicationSummary>().ToAsyncEnumerable(cancellation))
        {
            batch.AddRange(Of(summary));
            if (batch.Count < BatchSize) continue;
            await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, cancellation);
            batch.Clear();
        }

        if (batch.Count > 0) await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, cancellation);
    }

    private const int BatchSize = 5_000;
}
