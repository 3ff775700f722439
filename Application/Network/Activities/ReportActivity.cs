using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Reports the results of a held activity: what came of it, where it was published, the follow-ups, what it cost.</summary>
/// <param name="ReportedOn">The day the results were reported.</param>
/// <param name="Results">What came of it.</param>
/// <param name="PublishedAt">Where the results were published (an address, a newsletter).</param>
/// <param name="FollowUps">What follows from it, e.g. regional dialogue forums in the next year.</param>
/// <param name="Costs">What it cost, in EUR (for a funded activity: the costs in its application's proof of use).</param>
public sealed record ReportActivity(
    long ExpectedVersion, DateOnly ReportedOn, string Results, string? PublishedAt = null, IReadOnlyList<string>? FollowUps = null,
    decimal? Costs = null, string? Reason = null) : IChangeCommand;

public sealed class ReportActivityValidator : ChangeCommandValidator<ReportActivity>
{
    public ReportActivityValidator()
    {
        RuleFor(x => x.ReportedOn).PlausibleDate();
        RuleFor(x => x.Results).NotEmpty().MaximumLength(NetworkValidation.TextLength);
        RuleFor(x => x.PublishedAt).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.FollowUps!).ShortList().When(x => x.FollowUps is not null);
        RuleForEach(x => x.FollowUps).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.Costs!.Value).MoneyOrZero().When(x => x.Costs is not null);
    }
}

public static class ReportActivityEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Reports the results of a held activity, once; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/report")]
    public static (CommandAccepted, Events) Post(ReportActivity command, [WriteAggregate] Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events =
        [
            ActivityDecider.Report(activity, new ActivityReport(command.ReportedOn, command.Results, command.PublishedAt, command.FollowUps ?? [],
                command.Costs), user.Stamp(clock)),
        ];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
