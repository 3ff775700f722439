using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Network.Recommendations;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Recommendations;

/// <summary>An alliance gives a municipality a recommendation (a structural impulse), whose follow-up is then recorded.</summary>
/// <param name="AllianceId">The alliance that gives it.</param>
/// <param name="MunicipalityId">The municipality (an organisation of kind Municipality) it is given to.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Text">The recommendation.</param>
/// <param name="IssuedOn">The day it was given.</param>
public sealed record IssueRecommendation(Guid AllianceId, Guid MunicipalityId, string Subject, string Text, DateOnly IssuedOn, string? Reason = null)
    : ICommand;

public sealed class IssueRecommendationValidator : AbstractValidator<IssueRecommendation>
{
    public IssueRecommendationValidator()
    {
        RuleFor(x => x.AllianceId).NotEmpty();
        RuleFor(x => x.MunicipalityId).NotEmpty();
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Text).NotEmpty().MaximumLength(NetworkValidation.TextLength);
        RuleFor(x => x.IssuedOn).PlausibleDate();
        this.OptionalReasonRule();
    }
}

public static class IssueRecommendationEndpoint
{
    public static void Before(IssueRecommendation command, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(command.AllianceId);

    /// <summary>Records an alliance's recommendation to a municipality; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/recommendations")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        IssueRecommendation command, [ReadAggregate(nameof(IssueRecommendation.AllianceId))] Alliance alliance, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var municipality = await NetworkParties.ResolveAsync(session, command.MunicipalityId, cancellation);
        var id = Guid.CreateVersion7();
        var issued = RecommendationDecider.Issue(id, alliance, municipality, command.Subject, command.Text, command.IssuedOn, user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Recommendation(id)), MartenOps.StartStream<Recommendation>(id, issued));
    }
}
