using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The assigned reviewer (the caller) declares a conflict of interest and does not score the application.</summary>
/// <param name="Conflict">What the conflict is, e.g. a relative works for the applicant.</param>
public sealed record DeclareReviewConflict(long ExpectedVersion, string Conflict, string? Reason = null) : IChangeCommand;

public sealed class DeclareReviewConflictValidator : ChangeCommandValidator<DeclareReviewConflict>
{
    public DeclareReviewConflictValidator() =>
        RuleFor(x => x.Conflict).NotEmpty().WithMessage("Say what the conflict of interest is.").MaximumLength(CommonRules.ReasonLength);
}

public static class DeclareReviewConflictEndpoint
{
    /// <summary>The alliance's reviewers declare for their alliance, external experts where they are assigned as such.</summary>
    public static void Before(FundingApplication application, ClaimsPrincipal user)
    {
        if (!user.IsAssignedExpert(application)) user.EnsureActsForAlliance(application.AllianceId);
    }

    public static ValueTask<ProgrammeReviewCriteria> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        ProgrammeReviewCriteria.OfAsync(application, session, cancellation);

    /// <summary>
    /// The caller, an assigned reviewer, declares a conflict of interest: they do not score the application, and a review they gave
    /// stops counting. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Reviewers)]
    [WolverinePost("/api/applications/{applicationId}/review-conflict")]
    public static (CommandAccepted, Events) Post(
        DeclareReviewConflict command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ProgrammeReviewCriteria criteria,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ReviewDecider.DeclareConflict(application, criteria.Criteria, command.Conflict, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
