using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network;

/// <summary>A concept an application realises, with the cohort it came from.</summary>
/// <param name="ConceptId">The concept.</param>
/// <param name="Title">Its title.</param>
/// <param name="CohortId">The cohort it was developed in.</param>
/// <param name="Cohort">The cohort's programme and run.</param>
/// <param name="ProjectTitle">The project it became.</param>
/// <param name="Lead">The project's lead organisation.</param>
public sealed record ConceptOrigin(Guid ConceptId, string Title, Guid CohortId, string Cohort, string? ProjectTitle, NetworkParty? Lead);

/// <summary>An alliance's project idea an application realises.</summary>
/// <param name="IdeaId">The idea.</param>
/// <param name="Title">Its title.</param>
/// <param name="AllianceId">The alliance whose idea it was.</param>
/// <param name="Alliance">Its name.</param>
/// <param name="RecordedOn">The day the idea was recorded.</param>
public sealed record IdeaOrigin(Guid IdeaId, string Title, Guid AllianceId, string Alliance, DateOnly RecordedOn);

/// <summary>An activity an application pays for.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">What kind of activity it is.</param>
/// <param name="Dates">The days it was held, or is planned for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Costs">What it cost, in EUR, as reported.</param>
public sealed record FundedActivity(Guid ActivityId, string Title, ActivityKind Kind, Period Dates, ActivityStatus Status, decimal? Costs);

/// <summary>
/// Where a funding application came from and what it pays for in the regional network: the concepts of programmes of people and
/// the alliance's project ideas it realises, and the activities it funds with their reported costs (which belong to its proof of use).
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Title">Its project title.</param>
/// <param name="Concepts">The concepts it realises.</param>
/// <param name="Ideas">The project ideas it realises.</param>
/// <param name="Activities">The activities it funds.</param>
/// <param name="ActivityCosts">The reported costs of those activities, in EUR.</param>
public sealed record ApplicationOrigins(
    Guid ApplicationId, string Title, IReadOnlyList<ConceptOrigin> Concepts, IReadOnlyList<IdeaOrigin> Ideas, IReadOnlyList<FundedActivity> Activities,
    decimal ActivityCosts);

public static class GetApplicationOriginsEndpoint
{
    public static void Before(ApplicationSummary application, ClaimsPrincipal user) =>
        user.EnsureMayReadApplication(application.ApplicantId, application.AllianceId);

    /// <summary>
    /// Shows where an application came from in the regional network (the concepts and project ideas it realises) and the
    /// activities it funds with their costs.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications/{applicationId}/origins")]
    public static async Task<ApplicationOrigins> Get(
        [Document("applicationId")] ApplicationSummary application, IQuerySession session, CancellationToken cancellation)
    {
        var concepts = await session.Query<ConceptDetails>().Where(c => c.Application!.ApplicationId == application.Id).ToListAsync(cancellation);
        var ideas = await session.Query<ProjectIdeaDetails>().Where(i => i.Realisation!.ApplicationId == application.Id).ToListAsync(cancellation);
        var activities = await session.Query<ActivityDetails>().Where(a => a.Funding!.ApplicationId == application.Id).ToListAsync(cancellation);
        var funded = activities.OrderBy(a => a.Day)
            .Select(a => new FundedActivity(a.Id, a.Title, a.Kind, a.Outcome?.Held ?? a.Dates, a.Status, a.Report?.Costs)).ToList();
        return new ApplicationOrigins(application.Id, application.Title,
            [.. concepts.Select(c => new ConceptOrigin(c.Id, c.Title, c.CohortId, c.Cohort, c.Project?.Title, c.Project?.Lead))],
            [.. ideas.Select(i => new IdeaOrigin(i.Id, i.Title, i.AllianceId, i.Alliance, i.RecordedOn))],
            funded, funded.Sum(a => a.Costs ?? 0));
    }
}
