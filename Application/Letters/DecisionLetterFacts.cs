using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Gathers a <see cref="DecisionLetter"/> from the events alone (ADR 0104): the application's stream up to its approval or
/// rejection (plan, submission, the last proposal and its confirmation, the decision), and the applicant's and programme's names
/// as their streams stood then, and the obligations the approval imposed in its transaction (ADR 0126). Later events (a renamed
/// organisation, a reduced amount, an obligation imposed later) never change a letter rendered again.
/// </summary>
public static class DecisionLetterFacts
{
    /// <summary>The letter of the application's approval or rejection, or null while it is neither.</summary>
    public static async Task<DecisionLetter?> LoadAsync(IQuerySession session, Guid applicationId, CancellationToken cancellation) =>
        await LoadAsync(session, await new LetterReads(applicationId, null, null).Fetch(session, cancellation).ConfigureAwait(false), cancellation)
            .ConfigureAwait(false);

    /// <summary>The decision letter from the application's events in <paramref name="sources"/>, or null before a decision.</summary>
    public static async Task<DecisionLetter?> LoadAsync(IQuerySession session, LetterSources sources, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sources);
        var events = sources.Application;
        if (events.FirstOrDefault(e => e.Data is ApplicationApproved or ApplicationRejected) is not { } decision) return null;

        var upToDecision = events.TakeWhile(e => e.Version <= decision.Version).ToList();
        var application = upToDecision.Aggregate((FundingApplication?)null, (state, e) => FundingApplication.Evolve(state, e.Data))!;
        var proposed = Last<DecisionProposed>(upToDecision);
        var confirmed = Last<DecisionConfirmed>(upToDecision);
        var submitted = upToDecision.Select(e => e.Data).OfType<ApplicationSubmitted>().LastOrDefault();
        var (applicant, programme) = await sources.PartiesAsync(session, application.ApplicantId, decision.Timestamp, application.ProgrammeId, cancellation);

        var letter = new DecisionLetter(application.Id, applicant?.Name ?? "", applicant?.Town ?? "", programme, application.Plan.Title,
            application.Plan.Duration, submitted?.RecordedAt, application.Plan.TotalCosts, 0m, 0m, 0m, [], [], proposed.RecordedBy,
            proposed.RecordedAt, confirmed.RecordedBy, confirmed.RecordedAt, decision.Timestamp);
        return decision.Data switch
        {
            ApplicationApproved approved => letter with
            {
                Amount = approved.Amount, FundingRate = approved.FundingRate, RetainedFinalInstalment = approved.RetainedFinalInstalment,
                Conditions = approved.Conditions, ProofsOfUse = approved.ProofsOfUse, IssuedAt = approved.RecordedAt,
                Obligations = [.. events.Skip(upToDecision.Count).Select(e => e.Data).OfType<ObligationImposed>()
                    .Where(o => o.ProposalNumber == confirmed.ProposalNumber)],
            },
            ApplicationRejected rejected => letter with { Kind = DecisionKind.Reject, RejectionReason = rejected.Reason, IssuedAt = rejected.RecordedAt },
            _ => null,
        };
    }

    private static T Last<T>(IEnumerable<IEvent> events) =>
        events.Select(e => e.Data).OfType<T>().LastOrDefault()
        ?? throw new InvalidOperationException($"A decided application without {typeof(T).Name}.");
}
