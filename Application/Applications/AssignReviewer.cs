using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Experts;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>An alliance reviewer, or an external expert, is to score the application on its programme's review criteria (ADR 0093).</summary>
/// <param name="Reviewer">The reviewer's user id: a reviewer of the application's alliance (or an external expert), who signs in with it
/// to score.</param>
/// <param name="ReviewerName">The reviewer's name as the reviews table shows it. For an external expert it may be left out: the
/// assignment records the name the directory of external experts gives them.</param>
/// <param name="External">Whether the reviewer is an external expert (a user with the role external-expert), not one of the alliance's
/// reviewers: only caseworkers assign them, only where the programme allows external experts, and only an active entry of the
/// directory of external experts (ADR 0130).</param>
public sealed record AssignReviewer(long ExpectedVersion, string Reviewer, string? ReviewerName, string? Reason = null, bool External = false)
    : IChangeCommand;

public sealed class AssignReviewerValidator : ChangeCommandValidator<AssignReviewer>
{
    public AssignReviewerValidator()
    {
        RuleFor(x => x.Reviewer).NotEmpty().WithMessage("Name the reviewer's user id.").MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.ReviewerName).NotEmpty().When(x => !x.External).WithMessage("Name the reviewer.");
        RuleFor(x => x.ReviewerName).MaximumLength(CommonRules.NameLength);
    }
}

public static class AssignReviewerEndpoint
{
    /// <summary>
    /// Caseworkers assign for any alliance, reviewers of the alliance for theirs; external experts only caseworkers (the funding authority
    /// answers for bringing in someone from outside the alliance); nobody who acts for the applicant.
    /// </summary>
    public static void Before(AssignReviewer command, FundingApplication application, ClaimsPrincipal user)
    {
        if (command.External && !user.IsInRole(Roles.Caseworker))
            throw new AccessDenied("Only caseworkers assign external experts.");
        user.EnsureActsForAlliance(application.AllianceId, withoutBinding: Roles.Caseworker);
        user.EnsureNotActingForApplicant(application.ApplicantId);
    }

    public static ValueTask<ProgrammeReviewCriteria> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        ProgrammeReviewCriteria.OfAsync(application, session, cancellation);

    /// <summary>
    /// Assigns a reviewer to score the application on its programme's criteria, between its submission and the alliance's vote; as an
    /// external expert where the programme allows them and the directory of external experts lists them as active
    /// (<c>review.expert-not-in-directory</c>). Answers the application's new version; the status does not change.
    /// </summary>
    [Authorize(Roles = Roles.ReviewerAssigners)]
    [WolverinePost("/api/applications/{applicationId}/reviewers")]
    public static async Task<(CommandAccepted, Events)> Post(
        AssignReviewer command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ProgrammeReviewCriteria criteria,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        // The directory is a stream of its own: the use case reads the expert's entry, the decider rules on it (ADR 0130).
        var entry = command.External
            ? await session.Events.FetchLatest<Expert>(Expert.IdOf(command.Reviewer.Trim()), cancellation)
            : null;
        Events events =
        [
            ReviewDecider.Assign(application, criteria.Criteria, command.Reviewer, command.ReviewerName ?? "", user.Stamp(clock), command.External,
                criteria.AllowsExternalExperts, entry),
        ];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
