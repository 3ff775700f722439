using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>Which tasks to list: those waiting for a role (by default the caller's), optionally of one programme, alliance or status.</summary>
/// <param name="Role">The role whose tasks to list (<c>applicant</c>, <c>caseworker</c>, <c>alliance-reviewer</c>,
/// <c>approver</c>); by default the caller's.</param>
/// <param name="ProgrammeId">Only tasks on applications to this programme.</param>
/// <param name="AllianceId">Only tasks on applications of this alliance's region.</param>
/// <param name="Status">Only tasks on applications with this status.</param>
public sealed record InboxQuery(
    string? Role = null,
    Guid? ProgrammeId = null,
    Guid? AllianceId = null,
    ApplicationStatus? Status = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class InboxQueryValidator : AbstractValidator<InboxQuery>
{
    public static readonly string[] ActingRoles = [Roles.Applicant, Roles.Caseworker, Roles.AllianceReviewer, Roles.Approver];

    public InboxQueryValidator()
    {
        RuleFor(x => x.Role).Must(r => r is null || ActingRoles.Contains(r))
            .WithMessage($"The inbox exists for the roles {string.Join(", ", ActingRoles)}.");
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public static class GetInboxEndpoint
{
    /// <summary>
    /// Lists the tasks waiting for a role (by default the caller's), most urgent first: by due date, then those waiting longest.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/inbox")]
    public static async Task<Page<InboxEntry>> Inbox(
        [FromQuery] InboxQuery query, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var role = query.Role ?? InboxQueryValidator.ActingRoles.FirstOrDefault(user.IsInRole) ?? Roles.Caseworker;
        var tasks = session.Query<InboxTask>().Where(t => t.WaitingFor == role);
        tasks = user.ApplicationScope().Of(tasks, t => t.ApplicantId, t => t.AllianceId);
        if (query.ProgrammeId is { } programme) tasks = tasks.Where(t => t.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) tasks = tasks.Where(t => t.AllianceId == alliance);
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        return await InboxEntry.PageAsync(tasks, query, clock, cancellation);
    }
}
