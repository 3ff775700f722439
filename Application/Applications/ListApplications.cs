using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>Which applications to list (each caller sees only those they act for).</summary>
/// <param name="Title">Only applications whose title contains this text (any case).</param>
/// <param name="ProgrammeId">Only applications to this programme.</param>
/// <param name="AllianceId">Only applications of this alliance's region.</param>
/// <param name="ApplicantId">Only applications of this organisation.</param>
/// <param name="Status">Only applications with this status.</param>
public sealed record ApplicationQuery(
    string? Title = null,
    Guid? ProgrammeId = null,
    Guid? AllianceId = null,
    Guid? ApplicantId = null,
    ApplicationStatus? Status = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ApplicationQueryValidator : AbstractValidator<ApplicationQuery>
{
    public ApplicationQueryValidator()
    {
        RuleFor(x => x.Title).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public static class ListApplicationsEndpoint
{
    /// <summary>Finds applications by programme, alliance, applicant, status or title; newest first. Applicants see their own, reviewers their alliance's.</summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications")]
    public static async Task<Page<ApplicationSummary>> List(
        [FromQuery] ApplicationQuery query, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var applications = session.Query<ApplicationSummary>().AsQueryable();
        applications = user.ApplicationScope().Of(applications, a => a.ApplicantId, a => a.AllianceId);
        if (query.ProgrammeId is { } programme) applications = applications.Where(a => a.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) applications = applications.Where(a => a.AllianceId == alliance);
        if (query.ApplicantId is { } applicant) applications = applications.Where(a => a.ApplicantId == applicant);
        if (query.Status is { } status) applications = applications.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Title))
            applications = applications.Where(a => a.Title.Contains(query.Title, StringComparison.OrdinalIgnoreCase));

        return await applications.PageAsync(a => a.OrderByDescending(x => x.Id), query.Page, query.PageSize, cancellation);
    }
}
