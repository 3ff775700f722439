using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// What binds an external expert (ADR 0093): not an organisation or alliance but their assignment. They act on an application a
/// caseworker assigned them to as an external expert, and read it only while they have not declared a conflict of interest: whoever
/// declared an interest in the applicant has no reason left to read its application.
/// </summary>
public static class ExternalExpertAccess
{
    /// <summary>Whether the user holds the expert role and is assigned to <paramref name="application"/> as an external expert.</summary>
    public static bool IsAssignedExpert(this ClaimsPrincipal user, FundingApplication application) =>
        user.IsInRole(Roles.ExternalExpert) && application.Reviewer(user.UserId()) is { External: true };

    /// <summary>Whether the user reads <paramref name="application"/> as its assigned external expert (no conflict declared).</summary>
    public static bool ReadsAsExpert(this ClaimsPrincipal user, FundingApplication application) =>
        user.IsInRole(Roles.ExternalExpert) && application.Reviewer(user.UserId()) is { External: true, Conflict: null };

    /// <summary>
    /// Reading one application: by role and binding as before, otherwise as its assigned external expert (the write model knows the
    /// assignment; only experts pay for reading it). Answers whether the user reads it only as its external expert; 403 otherwise.
    /// </summary>
    public static async Task<bool> EnsureMayReadAsync(
        ClaimsPrincipal user, ApplicationDetails details, IDocumentSession session, CancellationToken cancellation)
    {
        if (user.MayReadApplication(details.Applicant.Id, details.Alliance.Id)) return false;
        if (user.IsInRole(Roles.ExternalExpert)
            && await session.Events.FetchLatest<FundingApplication>(details.Id, cancellation) is { } application && user.ReadsAsExpert(application))
            return true;
        throw new AccessDenied("Applications are read by the funding authority, their applicant, the reviewers of their alliance and the " +
                               "external experts assigned to them.");
    }
}
