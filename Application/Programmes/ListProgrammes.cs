using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Programmes;

/// <summary>Which programmes to list: optionally those whose name contains a text.</summary>
/// <param name="Name">Only programmes whose name contains this text (any case).</param>
public sealed record ProgrammeQuery(string? Name = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ProgrammeQueryValidator : AbstractValidator<ProgrammeQuery>
{
    public ProgrammeQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        this.PagingRules();
    }
}

public static class ListProgrammesEndpoint
{
    /// <summary>Lists the funding programmes, filtered by name, one page at a time.</summary>
    [WolverineGet("/api/programmes")]
    public static async Task<Page<ProgrammeDetails>> List([FromQuery] ProgrammeQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var programmes = session.Query<ProgrammeDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            programmes = programmes.Where(p => p.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        return await programmes.PageAsync(p => p.OrderBy(x => x.Name), query.Page, query.PageSize, cancellation);
    }
}
