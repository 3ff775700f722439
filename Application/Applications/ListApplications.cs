using System.Collections.Immutable;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>The orders the application list can be read in.</summary>
public enum ApplicationSort
{
    /// <summary>Newest first (the default).</summary>
    Newest,
    /// <summary>Oldest first.</summary>
    Oldest,
    /// <summary>Highest requested amount first.</summary>
    AmountDescending,
    /// <summary>Lowest requested amount first.</summary>
    AmountAscending,
    /// <summary>By title, A to Z.</summary>
    Title,
}

/// <summary>Which applications to list (each caller sees only those they act for), and in which order.</summary>
/// <param name="Q">Full-text search over title, applicant, number and description, in German: any form of a word finds the
/// others ("Rückkehrerin" finds "Rückkehrerinnen"); several words must all occur; <c>"..."</c> for a phrase, <c>or</c>
/// between alternatives, <c>-</c> before a word to exclude it. A full application id finds that application.</param>
/// <param name="Title">Only applications whose title contains this text (any case).</param>
/// <param name="ProgrammeId">Only applications to this programme.</param>
/// <param name="AllianceId">Only applications of this alliance's region.</param>
/// <param name="ApplicantId">Only applications of this organisation.</param>
/// <param name="Status">Only applications with this status.</param>
/// <param name="MinAmount">Only applications requesting at least this amount, in EUR.</param>
/// <param name="MaxAmount">Only applications requesting at most this amount, in EUR.</param>
/// <param name="SubmittedFrom">Only applications submitted on or after this day (German time).</param>
/// <param name="SubmittedTo">Only applications submitted on or before this day (German time).</param>
/// <param name="Overdue"><c>true</c>: only applications with an open task past its due date or with a reminder raised (as the
/// inbox marks them); <c>false</c>: only those without.</param>
/// <param name="AssignedTo">Only cases assigned to this person: <c>me</c>, a user id, or <c>none</c> for the team's queue.</param>
/// <param name="CallNumber">Only applications submitted to this call of the programme (with <c>programmeId</c>).</param>
/// <param name="Late"><c>true</c>: only applications submitted late to a call that takes late submissions; <c>false</c>: only those in time or not submitted.</param>
/// <param name="Sort">The order: <c>Newest</c> (default), <c>Oldest</c>, <c>AmountDescending</c>, <c>AmountAscending</c>,
/// <c>Title</c>.</param>
public sealed record ApplicationQuery(
    string? Q = null,
    string? Title = null,
    Guid? ProgrammeId = null,
    Guid? AllianceId = null,
    Guid? ApplicantId = null,
    ApplicationStatus? Status = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    DateOnly? SubmittedFrom = null,
    DateOnly? SubmittedTo = null,
    bool? Overdue = null,
    string? AssignedTo = null,
    ApplicationSort Sort = ApplicationSort.Newest,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    bool? Late = null,
    int? CallNumber = null) : IPagedQuery;

public sealed class ApplicationQueryValidator : AbstractValidator<ApplicationQuery>
{
    public ApplicationQueryValidator()
    {
        RuleFor(x => x.Q).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Title).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.MinAmount!.Value).MoneyOrZero().When(x => x.MinAmount is not null).OverridePropertyName(nameof(ApplicationQuery.MinAmount));
        RuleFor(x => x.MaxAmount!.Value).MoneyOrZero().When(x => x.MaxAmount is not null).OverridePropertyName(nameof(ApplicationQuery.MaxAmount));
        RuleFor(x => x.MaxAmount).GreaterThanOrEqualTo(x => x.MinAmount).When(x => x.MinAmount is not null && x.MaxAmount is not null)
            .WithMessage("The highest amount cannot be below the lowest.");
        RuleFor(x => x.SubmittedFrom!.Value).PlausibleDate().When(x => x.SubmittedFrom is not null).OverridePropertyName(nameof(ApplicationQuery.SubmittedFrom));
        RuleFor(x => x.SubmittedTo!.Value).PlausibleDate().When(x => x.SubmittedTo is not null).OverridePropertyName(nameof(ApplicationQuery.SubmittedTo));
        RuleFor(x => x.SubmittedTo).GreaterThanOrEqualTo(x => x.SubmittedFrom).When(x => x.SubmittedFrom is not null && x.SubmittedTo is not null)
            .WithMessage("The last day cannot be before the first.");
        RuleFor(x => x.AssignedTo).MaximumLength(CommonRules.ShortTextLength);
        this.PagingRules();
    }
}

public static class ListApplicationsEndpoint
{
    /// <summary>
    /// Finds applications by a full-text search, programme, alliance, applicant, status, requested amount, day of submission or
    /// assignee, or whether a task on it is overdue; newest first unless <c>sort</c> says otherwise. Applicants see their own, reviewers their alliance's.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications")]
    public static async Task<Page<ApplicationSummary>> List(
        [FromQuery] ApplicationQuery query, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var applications = session.Query<ApplicationSummary>().AsQueryable();
        applications = user.ApplicationScope().Of(applications, a => a.ApplicantId, a => a.AllianceId);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            if (Guid.TryParse(q, out var id))
                applications = applications.Where(a => a.Id == id);
            else
            {
                var words = SearchText.Normalise(q);
                applications = applications.Where(a => a.WebStyleSearch(words, SearchText.Configuration));
            }
        }

        if (query.ProgrammeId is { } programme) applications = applications.Where(a => a.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) applications = applications.Where(a => a.AllianceId == alliance);
        if (query.ApplicantId is { } applicant) applications = applications.Where(a => a.ApplicantId == applicant);
        if (query.Status is { } status) applications = applications.Where(a => a.Status == status);
        if (query.MinAmount is { } min) applications = applications.Where(a => a.RequestedAmount >= min);
        if (query.MaxAmount is { } max) applications = applications.Where(a => a.RequestedAmount <= max);
        if (query.SubmittedFrom is { } from)
        {
            // In UTC: the column is timestamptz, and Npgsql writes no other offset to it.
            var start = AuthorityTime.StartOf(from).ToUniversalTime();
            applications = applications.Where(a => a.SubmittedAt >= start);
        }

        if (query.SubmittedTo is { } to)
        {
            var end = AuthorityTime.StartOf(to.AddDays(1)).ToUniversalTime();
            applications = applications.Where(a => a.SubmittedAt < end);
        }

        if (query.CallNumber is { } call) applications = applications.Where(a => a.CallNumber == call);
        if (query.Late is { } late) applications = late ? applications.Where(a => a.DaysLate > 0) : applications.Where(a => a.DaysLate == 0);
        if (query.Overdue is { } overdue)
        {
            // The inbox's rule (InboxEntry.IsOverdue), over the earliest due date of the application's open tasks.
            var now = clock.GetUtcNow();
            applications = overdue
                ? applications.Where(a => a.TaskReminderRaised || a.NextDueBy <= now)
                : applications.Where(a => !a.TaskReminderRaised && (a.NextDueBy == null || a.NextDueBy > now));
        }

        if (Assignee.Wanted(query.AssignedTo, user) is { } assignee)
            applications = assignee.InQueue ? applications.Where(a => a.AssignedTo == null) : applications.Where(a => a.AssignedTo == assignee.Id);
        if (!string.IsNullOrWhiteSpace(query.Title))
            applications = applications.Where(a => a.Title.Contains(query.Title, StringComparison.OrdinalIgnoreCase));

        var page = await applications.PageAsync(a => Sorted(a, query.Sort), query.Page, query.PageSize, cancellation);
        // Reviews prepare the alliance's vote and are not the applicant's to read (ADR 0093).
        return Roles.ReviewReaders.Split(',').Any(user.IsInRole)
            ? page
            : page with { Items = [.. page.Items.Select(a => a with { Review = null, ReviewAverages = ImmutableDictionary<string, decimal>.Empty })] };
    }

    // Ties in amount or title go newest first, so that a page is the same every time it is read.
    private static IQueryable<ApplicationSummary> Sorted(IQueryable<ApplicationSummary> applications, ApplicationSort sort) => sort switch
    {
        ApplicationSort.Oldest => applications.OrderBy(x => x.Id),
        ApplicationSort.AmountDescending => applications.OrderByDescending(x => x.RequestedAmount).ThenByDescending(x => x.Id),
        ApplicationSort.AmountAscending => applications.OrderBy(x => x.RequestedAmount).ThenByDescending(x => x.Id),
        ApplicationSort.Title => applications.OrderBy(x => x.Title).ThenByDescending(x => x.Id),
        _ => applications.OrderByDescending(x => x.Id),
    };
}
