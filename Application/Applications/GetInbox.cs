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
/// <param name="AssignedTo">Only tasks on cases assigned to this person: <c>me</c>, a user id, or <c>none</c> for the team's
/// queue. Without <c>role</c>, the tasks of every role the caller acts in.</param>
public sealed record InboxQuery(
    string? Role = null,
    Guid? ProgrammeId = null,
    Guid? AllianceId = null,
    ApplicationStatus? Status = null,
    string? AssignedTo = null,
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
        RuleFor(x => x.AssignedTo).MaximumLength(CommonRules.ShortTextLength);
        this.PagingRules();
    }
}

public static class GetInboxEndpoint
{
    /// <summary>
    /// Lists the tasks waiting for a role (by default the caller's), most urgent first: by due date, then those waiting longest.
    /// With <c>assignedTo</c>, the tasks on one person's cases (<c>me</c>: the caller's tasks), or on the team's queue (<c>none</c>).
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/inbox")]
    public static async Task<Page<InboxEntry>> Inbox(
        [FromQuery] InboxQuery query, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        IQueryable<InboxTask> tasks;
        if (query.Role is null && query.AssignedTo is not null)
        {
            string[] roles = [.. InboxQueryValidator.ActingRoles.Where(user.IsInRole)];
            tasks = session.Query<InboxTask>().Where(t => roles.Contains(t.WaitingFor));
        }
        else
        {
            var role = query.Role ?? InboxQueryValidator.ActingRoles.FirstOrDefault(user.IsInRole) ?? Roles.Caseworker;
            tasks = session.Query<InboxTask>().Where(t => t.WaitingFor == role);
        }

        // A task the caller may not do (the payee account they proposed themselves) is not theirs.
        var caller = user.UserId();
        tasks = tasks.Where(t => t.NotFor == null || t.NotFor != caller);
        if (Assignee.Wanted(query.AssignedTo, user) is { } assignee)
            tasks = assignee.InQueue ? tasks.Where(t => t.AssignedTo == null) : tasks.Where(t => t.AssignedTo == assignee.Id);
        tasks = user.ApplicationScope().Of(tasks, t => t.ApplicantId, t => t.AllianceId);
        if (query.ProgrammeId is { } programme) tasks = tasks.Where(t => t.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) tasks = tasks.Where(t => t.AllianceId == alliance);
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        var page = await InboxEntry.PageAsync(tasks, query, clock, cancellation);
        return await Conversations.UnreadMessages.AddToAsync(page, session, user, cancellation);
    }
}
