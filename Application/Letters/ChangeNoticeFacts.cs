using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Gathers a <see cref="ChangeNotice"/> from the events alone (ADR 0121, as <see cref="DecisionLetterFacts"/> for ADR 0104): the
/// application's stream up to the <c>DecisionAmended</c> of the version, the decision before it (folded from the events before), the
/// amendment's proposal and confirmation, and the applicant's and programme's names as their streams stood then.
/// </summary>
public static class ChangeNoticeFacts
{
    /// <summary>The change notice of decision version <paramref name="version"/>, or null when no amendment put that version in force.</summary>
    public static async Task<ChangeNotice?> LoadAsync(IQuerySession session, Guid applicationId, int version, CancellationToken cancellation) =>
        await LoadAsync(session, await new LetterReads(applicationId, null, null).Fetch(session, cancellation).ConfigureAwait(false), version, cancellation)
            .ConfigureAwait(false);

    /// <summary>The change notice of decision version <paramref name="version"/> from the application's events in <paramref name="sources"/>.</summary>
    public static async Task<ChangeNotice?> LoadAsync(IQuerySession session, LetterSources sources, int version, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sources);
        var events = sources.Application;
        if (events.FirstOrDefault(e => e.Data is DecisionAmended d && d.Version == version) is not { } inForce) return null;
        var amended = (DecisionAmended)inForce.Data;

        var before = events.TakeWhile(e => e.Version < inForce.Version).ToList();
        var application = before.Aggregate((FundingApplication?)null, (state, e) => FundingApplication.Evolve(state, e.Data))!;
        var previous = application.Decisions[^1];
        var approval = before.Select(e => e.Data).OfType<ApplicationApproved>().First();
        var proposed = before.Select(e => e.Data).OfType<AmendmentProposed>().Last(p => p.AmendmentNumber == amended.AmendmentNumber);
        var confirmed = before.Select(e => e.Data).OfType<AmendmentConfirmed>().Last(c => c.AmendmentNumber == amended.AmendmentNumber);
        var (applicant, programme) = await sources.PartiesAsync(session, application.ApplicantId, inForce.Timestamp, application.ProgrammeId, cancellation);

        var funding = application.Funding!;
        // The obligations this version added, changed or lifted, appended in its transaction right after it (ADR 0129).
        var obligations = events.SkipWhile(e => e.Version <= inForce.Version).Select(e => e.Data).Select(e => e switch
        {
            ObligationImposed { DecisionVersion: { } v } imposed when v == version => new ChangeNoticeObligation(imposed.Number, null,
                new ObligationTerms(imposed.Kind, imposed.Description, imposed.StartsOn, imposed.Months, imposed.RequiredEvidence, imposed.EvidenceDueDates)),
            ObligationAmended changed when changed.DecisionVersion == version => new ChangeNoticeObligation(changed.Number, TermsOf(application, changed.Number),
                new ObligationTerms(changed.Kind, changed.Description, changed.StartsOn, changed.Months, changed.RequiredEvidence, changed.EvidenceDueDates)),
            ObligationLifted lifted when lifted.DecisionVersion == version => new ChangeNoticeObligation(lifted.Number, TermsOf(application, lifted.Number), null),
            _ => null,
        }).OfType<ChangeNoticeObligation>().ToList();
        return new ChangeNotice(application.Id, amended.Version, amended.AmendmentNumber, applicant?.Name ?? "", applicant?.Town ?? "",
            programme, application.Plan.Title, application.Plan.Duration.From, approval.RecordedAt,
            new ChangeNoticeTerms(previous.Version, previous.EffectiveFrom, previous.Amount, funding.FundingRate, previous.ProjectEnd, previous.Conditions,
                previous.CostPlan, [.. funding.Proofs.Select(p => new ProofOfUseDue(p.Proof, p.Kind, p.DueBy))]),
            new ChangeNoticeTerms(amended.Version, amended.EffectiveFrom, amended.Amount, amended.FundingRate, amended.ProjectEnd, amended.Conditions,
                amended.CostPlan, amended.ProofsOfUse),
            amended.Changes, amended.EffectiveFrom, amended.Reason, proposed.RecordedBy, proposed.RecordedAt, confirmed.RecordedBy, confirmed.RecordedAt,
            amended.RecordedAt, obligations);
    }

    private static ObligationTerms? TermsOf(FundingApplication application, int number) =>
        application.Obligations.FirstOrDefault(o => o.Number == number)?.Terms;
}
