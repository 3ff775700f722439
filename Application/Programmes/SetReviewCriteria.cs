using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// Sets the criteria the programme's reviewers score applications on, with their weights in percent (adding up to 100), replacing
/// earlier ones. An empty list removes the review: the alliance votes alone, as before.
/// </summary>
/// <param name="Criteria">The criteria, in the order reviewers see them: name, weight (1 to 100 %) and optional guidance for the
/// reviewer.</param>
/// <param name="AllowsExternalExperts">Whether caseworkers may also assign external experts (people outside the alliance) as reviewers;
/// false unless said.</param>
public sealed record SetReviewCriteria(long ExpectedVersion, IReadOnlyList<ReviewCriterion> Criteria, string? Reason = null, bool AllowsExternalExperts = false)
    : IChangeCommand;

public sealed class SetReviewCriteriaValidator : ChangeCommandValidator<SetReviewCriteria>
{
    public SetReviewCriteriaValidator()
    {
        RuleFor(x => x.Criteria).NotNull().Must(c => c is null || c.Count <= ProgrammeDecider.MaxReviewCriteria)
            .WithMessage($"At most {ProgrammeDecider.MaxReviewCriteria} criteria.");
        RuleForEach(x => x.Criteria).ChildRules(criterion =>
        {
            criterion.RuleFor(c => c.Name).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
            criterion.RuleFor(c => c.Weight).InclusiveBetween(1, 100).WithMessage("A weight lies from 1 to 100 %.");
            criterion.RuleFor(c => c.Guidance).MaximumLength(CommonRules.ReasonLength);
        });
        RuleFor(x => x.Criteria).Must(c => c is null || c.Count == 0 || c.Sum(x => x.Weight) == 100)
            .WithMessage("The weights add up to 100 %.");
    }
}

public static class SetReviewCriteriaEndpoint
{
    /// <summary>
    /// Sets the criteria and weights the programme's reviewers score applications on (ADR 0093). Reviews already given keep the
    /// criteria they were scored on; answers the programme's new version (unchanged criteria record nothing). Says also whether
    /// caseworkers may assign external experts.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePut("/api/programmes/{programmeId}/review-criteria")]
    public static (CommandAccepted, Events) Put(
        SetReviewCriteria command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ProgrammeDecider.SetReviewCriteria(programme, command.Criteria, user.Stamp(clock), command.AllowsExternalExperts)];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
