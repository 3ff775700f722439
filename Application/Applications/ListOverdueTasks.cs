using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>Which overdue tasks to list: optionally only a role's, a programme's or an alliance's.</summary>
/// <param name="Role">Only tasks waiting for this role.</param>
/// <param name="ProgrammeId">Only tasks on applications to this programme.</param>
/// <param name="AllianceId">Only tasks on applications of this alliance's region.</param>
public sealed record OverdueQuery(string? Role = null, Guid? ProgrammeId = null, Guid? AllianceId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IPagedQuery;

public sealed class OverdueQueryValidator : AbstractValidator<OverdueQuery>
{
    public OverdueQueryValidator()
    {
        RuleFor(x => x.Role).Must(r => r is null || InboxQueryValidator.ActingRoles.Contains(r))
            .WithMessage($"Tasks belong to the roles {string.Join(", ", InboxQueryValidator.ActingRoles)}.");
        this.PagingRules();
    }
}

public static class ListOverdueTasksEndpoint
{
    /// <summary>
    /// Lists everything past its due date: proofs of use not submitted, checks and payments not done, decisions not taken.
    /// </summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/overdue")]
    public static async Task<Page<InboxEntry>> Overdue([FromQuery] OverdueQuery query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var tasks = session.Query<InboxTask>().Where(t => t.DueBy < now || t.ReminderRaised);
        if (query.Role is { } role) tasks = tasks.Where(t => t.WaitingFor == role);
        if (query.ProgrammeId is { } programme) tasks = tasks.Where(t => t.ProgrammeId == programme);
        if (query.AllianceId is { } alliance) tasks = tasks.Where(t => t.AllianceId == alliance);
        return await InboxEntry.PageAsync(tasks, query, clock, cancellation);
    }
}
