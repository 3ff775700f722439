using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The review criteria of an application's programme (ADR 0093); empty when the programme has none. <paramref name="AllowsExternalExperts"/>:
/// caseworkers may assign external experts besides the alliance's reviewers.
/// </summary>
public sealed record ProgrammeReviewCriteria(IReadOnlyList<ReviewCriterion> Criteria, bool AllowsExternalExperts = false)
{
    public static async ValueTask<ProgrammeReviewCriteria> OfAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        await session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation) is { } programme
            ? new(programme.ReviewCriteria, programme.AllowsExternalExperts)
            : new([]);
}
