using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Scheduled for the due date of document request <paramref name="RequestNumber"/>.</summary>
public sealed record DocumentDeadlineReached(Guid ApplicationId, int RequestNumber);

/// <summary>
/// Lapses the application when the documents of that request are still missing. It does not rely on the timer being
/// cancelled: supplied documents, a later request or an early or repeated delivery make it a no-op.
/// </summary>
public static class DocumentDeadlineReachedHandler
{
    public const string Actor = "system:document-deadline";

    public static Events Handle(
        DocumentDeadlineReached deadline,
        [WriteAggregate(nameof(DocumentDeadlineReached.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. ApplicationDecider.LapseIfDocumentsMissing(application, deadline.RequestNumber, new Stamp(Actor, clock.GetUtcNow()))];
}
