using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The alliance of the region records its vote (Votum) on behalf of one of its member organisations:
/// recommend or not, with reasons and optional scores per criterion (0 to 10).
/// </summary>
/// <param name="OnBehalfOf">The member organisation the vote is cast for; it may not be the applicant itself (conflict of
/// interest).</param>
/// <param name="Recommends">Whether the alliance recommends funding the project.</param>
/// <param name="Reasons">The reasons for the vote, as the applicant and the caseworker will read them.</param>
/// <param name="Scores">Optional scores per criterion, each from 0 to 10.</param>
/// <param name="DeclaresNoConflictOfInterest">Required (true): the reviewer declares that neither they nor the member organisation
/// the vote is cast for has a personal or economic interest in the project (e.g. as partner, supplier or relative of the
/// applicant's people). Recorded with the vote.</param>
public sealed record CastAllianceVote(
    long ExpectedVersion,
    Guid OnBehalfOf,
    bool Recommends,
    string Reasons,
    IReadOnlyDictionary<string, int>? Scores = null,
    string? Reason = null,
    bool DeclaresNoConflictOfInterest = false) : IChangeCommand;

public sealed class CastAllianceVoteValidator : ChangeCommandValidator<CastAllianceVote>
{
    public const string ConflictOfInterestUndeclared =
        "Declare that neither you nor the member organisation has an interest in the project; otherwise someone else votes.";

    public CastAllianceVoteValidator()
    {
        RuleFor(x => x.OnBehalfOf).NotEmpty();
        RuleFor(x => x.Reasons).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.DeclaresNoConflictOfInterest).Equal(true).WithMessage(ConflictOfInterestUndeclared);
        RuleFor(x => x.Scores).Must(s => s is null || s.Count <= 20).WithMessage("At most 20 criteria.");
        RuleForEach(x => x.Scores).ChildRules(score =>
        {
            score.RuleFor(s => s.Key).NotEmpty().MaximumLength(CommonRules.ShortTextLength).OverridePropertyName("criterion");
            score.RuleFor(s => s.Value).InclusiveBetween(0, 10).OverridePropertyName("score");
        });
    }
}

public static class CastAllianceVoteEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForAlliance(application.AllianceId);

    /// <summary>The alliance, queued with the application's stream when this node knows which it is.</summary>
    public static ApplicationPartiesReads Load(Guid applicationId, ApplicationParties parties) => new(applicationId, parties, withProgramme: false);

    /// <summary>
    /// The alliance of the application's region: whether it is recognized, covers the district, and who its members are; read with
    /// the application's stream, or right after it (issue 25).
    /// </summary>
    public static async Task<Alliance?> LoadAsync(FundingApplication application, ApplicationPartiesReads.Read read, ApplicationParties parties,
        IDocumentSession session, CancellationToken cancellation) =>
        (await read.ForAsync(application, parties, session, cancellation).ConfigureAwait(false)).Alliance;

    /// <summary>
    /// Records the alliance's vote (Votum) on an application: recommend or not, with reasons and optional scores. Answers the
    /// application's new version.
    /// </summary>
    [Authorize(Roles = Roles.AllianceReviewer)]
    [WolverinePost("/api/applications/{applicationId}/alliance-vote")]
    public static (CommandAccepted, Events) Post(
        CastAllianceVote command,
        [WriteAggregate("applicationId")] FundingApplication application,
        Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events =
        [
            ApplicationDecider.CastVote(application, alliance,
                new Votum(command.OnBehalfOf, command.Recommends, command.Reasons, command.Scores ?? new Dictionary<string, int>(),
                    command.DeclaresNoConflictOfInterest),
                command.ExpectedVersion, user.Stamp(clock)),
        ];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
