using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

public static class GetApplicationReviewsEndpoint
{
    /// <summary>
    /// Reads an application's reviews (ADR 0093): the programme's criteria, every assigned reviewer's scores, weighted average or
    /// declared conflict, and the mean and spread of the weighted averages. Staff read it, and the reviewers of the application's
    /// alliance; the applicant does not. An external expert reads only their own review on an application assigned to them: nobody
    /// else's scores, and the mean and spread of their own.
    /// </summary>
    [Authorize(Roles = Roles.ReviewReadersWithExperts)]
    [WolverineGet("/api/applications/{applicationId}/reviews")]
    public static async Task<ApplicationReviews> Get(Guid applicationId, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation)
    {
        var application = await session.Events.FetchLatest<FundingApplication>(applicationId, cancellation)
                          ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding application with id {applicationId}.");
        var asExpert = !user.HoldsAnyOf(Roles.Staff) && !(user.IsInRole(Roles.AllianceReviewer) && user.IsBoundTo(UserClaims.Alliance, application.AllianceId))
                       && user.ReadsAsExpert(application);
        if (!asExpert) user.EnsureActsForAlliance(application.AllianceId, withoutBinding: Roles.Staff);
        var state = await session.Events.FetchStreamStateAsync(applicationId, cancellation);
        var criteria = await ProgrammeReviewCriteria.OfAsync(application, session, cancellation);
        var reviews = ApplicationReviews.Of(application, state!.Version, criteria);
        return asExpert ? reviews.OnlyOf(user.UserId()) : reviews;
    }
}
