using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The assigned reviewer's (the caller's) review: a score per criterion of the programme, a comment, the declaration.</summary>
/// <param name="Scores">A score from 0 to 10 for every review criterion of the programme, by the criterion's name.</param>
/// <param name="Comment">What the reviewer wants the alliance to know about the scores.</param>
/// <param name="DeclaresNoConflictOfInterest">Required (true): the reviewer has no personal or economic interest in the project.</param>
public sealed record SubmitReview(
    long ExpectedVersion,
    IReadOnlyDictionary<string, int> Scores,
    string? Comment = null,
    bool DeclaresNoConflictOfInterest = false,
    string? Reason = null) : IChangeCommand;

public sealed class SubmitReviewValidator : ChangeCommandValidator<SubmitReview>
{
    public const string ConflictOfInterestUndeclared =
        "Declare that you have no conflict of interest, or declare the conflict instead of scoring.";

    public const string ScoreOutOfRange = "Scores lie from 0 to 10.";

    public SubmitReviewValidator()
    {
        RuleFor(x => x.Scores).NotEmpty().Must(s => s is null || s.Count <= ProgrammeDecider.MaxReviewCriteria)
            .WithMessage($"At most {ProgrammeDecider.MaxReviewCriteria} criteria.");
        RuleForEach(x => x.Scores).ChildRules(score =>
        {
            score.RuleFor(s => s.Key).NotEmpty().MaximumLength(CommonRules.ShortTextLength).OverridePropertyName("criterion");
            score.RuleFor(s => s.Value).InclusiveBetween(ReviewScale.Lowest, ReviewScale.Highest).WithMessage(ScoreOutOfRange)
                .OverridePropertyName("score");
        });
        RuleFor(x => x.Comment).MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.DeclaresNoConflictOfInterest).Equal(true).WithMessage(ConflictOfInterestUndeclared);
    }
}

public static class SubmitReviewEndpoint
{
    /// <summary>The alliance's reviewers score for their alliance, external experts where they are assigned as such.</summary>
    public static void Before(FundingApplication application, ClaimsPrincipal user)
    {
        if (!user.IsAssignedExpert(application)) user.EnsureActsForAlliance(application.AllianceId);
        user.EnsureNotActingForApplicant(application.ApplicantId);
    }

    public static ValueTask<ProgrammeReviewCriteria> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        ProgrammeReviewCriteria.OfAsync(application, session, cancellation);

    /// <summary>
    /// Records the caller's review: as an assigned reviewer without a declared conflict, they score every criterion of the
    /// programme from 0 to 10. A second review replaces the first; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Reviewers)]
    [WolverinePut("/api/applications/{applicationId}/review")]
    public static (CommandAccepted, Events) Put(
        SubmitReview command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ProgrammeReviewCriteria criteria,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events =
        [
            ReviewDecider.Review(application, criteria.Criteria, command.Scores, command.Comment ?? "", command.DeclaresNoConflictOfInterest,
                user.Stamp(clock)),
        ];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
