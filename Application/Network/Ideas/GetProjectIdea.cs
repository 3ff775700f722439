using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Ideas;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>Which project ideas to list.</summary>
/// <param name="AllianceId">Only this alliance's ideas.</param>
/// <param name="Status">Only ideas with this status.</param>
public sealed record ProjectIdeaQuery(Guid? AllianceId = null, IdeaStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ProjectIdeaQueryValidator : AbstractValidator<ProjectIdeaQuery>
{
    public ProjectIdeaQueryValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public static class GetProjectIdeaEndpoints
{
    /// <summary>Reads an alliance's project idea: partners sought and committed, target groups, status and the application that realises it.</summary>
    [WolverineGet("/api/project-ideas/{id}")]
    public static ProjectIdeaDetails Get([Document] ProjectIdeaDetails idea) => idea;

    /// <summary>Lists project ideas by alliance or status, newest first, one page at a time.</summary>
    [WolverineGet("/api/project-ideas")]
    public static Task<Page<ProjectIdeaDetails>> List([FromQuery] ProjectIdeaQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var ideas = session.Query<ProjectIdeaDetails>().AsQueryable();
        if (query.AllianceId is { } alliance) ideas = ideas.Where(i => i.AllianceId == alliance);
        if (query.Status is { } status) ideas = ideas.Where(i => i.Status == status);
        return ideas.PageAsync(i => i.OrderByDescending(x => x.RecordedOn).ThenBy(x => x.Id), query.Page, query.PageSize, cancellation);
    }
}
