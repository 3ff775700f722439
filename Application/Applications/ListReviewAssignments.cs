using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>An application the caller is assigned to review as an external expert, and where their review stands.</summary>
/// <param name="ApplicationId">The application to review.</param>
/// <param name="Number">Its number, as the application list shows it.</param>
/// <param name="Title">The project's title.</param>
/// <param name="Applicant">Who applies: to see whether the expert has an interest in them.</param>
/// <param name="Programme">The funding programme, whose criteria the expert scores.</param>
/// <param name="Alliance">The alliance whose vote the review prepares.</param>
/// <param name="Status">The application's status.</param>
/// <param name="AssignedAt">When the expert was assigned.</param>
/// <param name="ReviewedAt">When the expert last scored it; null until they do.</param>
/// <param name="Open">Whether it is still reviewed (until the alliance votes).</param>
public sealed record ReviewAssignment(
    Guid ApplicationId,
    string Number,
    string Title,
    string Applicant,
    string Programme,
    string Alliance,
    ApplicationStatus Status,
    DateTimeOffset AssignedAt,
    DateTimeOffset? ReviewedAt,
    bool Open);

public static class ListReviewAssignmentsEndpoint
{
    /// <summary>
    /// Lists the applications the caller, an external expert, is assigned to review (ADR 0093), open ones first, then newest
    /// assignment first: the expert's start. Applications on which they declared a conflict of interest are no longer theirs to read
    /// and are left out; nothing else is listed.
    /// </summary>
    [Authorize(Roles = Roles.ExternalExpert)]
    [WolverineGet("/api/review-assignments")]
    public static async Task<IReadOnlyList<ReviewAssignment>> Get(ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation)
    {
        var me = user.UserId();
        // The assignments are events on the applications' streams; an expert has a handful, so the streams are folded one by one.
        var assigned = await session.Events.QueryRawEventDataOnly<ReviewerAssigned>()
            .Where(e => e.External && e.Reviewer.Equals(me, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(cancellation);
        var summaries = (await session.LoadManyAsync<ApplicationSummary>(cancellation, assigned.Select(a => a.ApplicationId).Distinct()))
            .ToDictionary(s => s.Id);
        var assignments = new List<ReviewAssignment>();
        foreach (var id in assigned.Select(a => a.ApplicationId).Distinct())
        {
            if (await session.Events.FetchLatest<FundingApplication>(id, cancellation) is not { } application || !user.ReadsAsExpert(application)) continue;
            if (!summaries.TryGetValue(id, out var summary)) continue;
            var mine = application.Reviewer(me)!;
            var open = application.Status is ApplicationStatus.Submitted or ApplicationStatus.DocumentsRequested or ApplicationStatus.FormallyComplete;
            assignments.Add(new ReviewAssignment(id, summary.Number, summary.Title, summary.Applicant, summary.Programme, summary.Alliance,
                application.Status, mine.AssignedAt, mine.ReviewedAt, open));
        }

        return [.. assignments.OrderByDescending(a => a.Open).ThenByDescending(a => a.AssignedAt)];
    }
}
