using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Gathers a <see cref="DecisionLetter"/> from the events alone (ADR 0104): the application's stream up to its approval (plan,
/// submission, the last proposal and its confirmation, the approval), and the applicant's and programme's names as their streams
/// stood at the approval. Later events (a renamed organisation, a reduced amount) never change a letter rendered again.
/// </summary>
public static class DecisionLetterFacts
{
    /// <summary>The letter of the application's approval, or null while it is not approved.</summary>
    public static async Task<DecisionLetter?> LoadAsync(IQuerySession session, Guid applicationId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = await session.Events.FetchStreamAsync(applicationId, token: cancellation);
        if (events.FirstOrDefault(e => e.Data is ApplicationApproved) is not { Data: ApplicationApproved approved } approval) return null;

        var upToApproval = events.TakeWhile(e => e.Version <= approval.Version).ToList();
        var application = upToApproval.Aggregate((FundingApplication?)null, (state, e) => FundingApplication.Evolve(state, e.Data))!;
        var proposed = Last<DecisionProposed>(upToApproval);
        var confirmed = Last<DecisionConfirmed>(upToApproval);
        var submitted = upToApproval.Select(e => e.Data).OfType<ApplicationSubmitted>().LastOrDefault();
        var applicant = await session.Events.AggregateStreamAsync<Organisation>(application.ApplicantId, timestamp: approval.Timestamp, token: cancellation);
        var programme = await session.Events.AggregateStreamAsync<FundingProgramme>(application.ProgrammeId, timestamp: approval.Timestamp, token: cancellation);

        return new DecisionLetter(application.Id, applicant?.Name ?? "", applicant?.Town ?? "", programme?.Name ?? "", application.Plan.Title,
            application.Plan.Duration, submitted?.RecordedAt, application.Plan.TotalCosts, approved.Amount, approved.FundingRate,
            approved.RetainedFinalInstalment, approved.Conditions, approved.ProofsOfUse, proposed.RecordedBy, proposed.RecordedAt,
            confirmed.RecordedBy, confirmed.RecordedAt, approved.RecordedAt);
    }

    private static T Last<T>(IEnumerable<IEvent> events) =>
        events.Select(e => e.Data).OfType<T>().LastOrDefault()
        ?? throw new InvalidOperationException($"An approved application without {typeof(T).Name}.");
}
