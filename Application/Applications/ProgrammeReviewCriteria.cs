using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The review criteria of an application's programme (ADR 0093); empty when the programme has none.</summary>
public sealed record ProgrammeReviewCriteria(IReadOnlyList<ReviewCriterion> Criteria)
{
    public static async ValueTask<ProgrammeReviewCriteria> OfAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        new((await session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation))?.ReviewCriteria ?? []);
}
