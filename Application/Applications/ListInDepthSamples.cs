using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Sampling;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Applications;

/// <summary>One in-depth sample in the list: what was drawn, from how many, by whom and when.</summary>
/// <param name="Id">The sample's id (its address: <c>/api/in-depth-samples/{id}</c>).</param>
/// <param name="ProgrammeId">The programme whose proofs were sampled.</param>
/// <param name="FirstCheckedBetween">The period whose first-checked proofs formed the population.</param>
/// <param name="Rule">The rule the sample was drawn by.</param>
/// <param name="Seed">The seed of the order the rest was drawn in.</param>
/// <param name="PopulationSize">How many proofs of use the sample was drawn from.</param>
/// <param name="Selected">The proofs drawn for an in-depth check, each with its application.</param>
/// <param name="DrawnBy">Who drew it.</param>
/// <param name="DrawnAt">When.</param>
public sealed record InDepthSampleSummary(
    Guid Id, Guid ProgrammeId, Period FirstCheckedBetween, SampleRule Rule, int Seed, int PopulationSize,
    IReadOnlyList<SampleCandidate> Selected, string DrawnBy, DateTimeOffset DrawnAt);

/// <summary>Which in-depth samples to list.</summary>
/// <param name="ProgrammeId">Only samples of this programme.</param>
public sealed record InDepthSampleQuery(Guid? ProgrammeId = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class InDepthSampleQueryValidator : AbstractValidator<InDepthSampleQuery>
{
    public InDepthSampleQueryValidator() => this.PagingRules();
}

public static class ListInDepthSamplesEndpoint
{
    /// <summary>Lists the in-depth samples drawn, newest first, with the proofs each selected; filtered by programme.</summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/in-depth-samples")]
    public static async Task<Page<InDepthSampleSummary>> List([FromQuery] InDepthSampleQuery query, IQuerySession session, CancellationToken cancellation)
    {
        IQueryable<InDepthSampleDrawn> drawn = session.Events.QueryRawEventDataOnly<InDepthSampleDrawn>();
        if (query.ProgrammeId is { } programme) drawn = drawn.Where(d => d.ProgrammeId == programme);
        var page = await drawn.PageAsync(d => d.OrderByDescending(x => x.RecordedAt).ThenByDescending(x => x.SampleId), query.Page, query.PageSize, cancellation);
        return new Page<InDepthSampleSummary>(
            [.. page.Items.Select(d => new InDepthSampleSummary(d.SampleId, d.ProgrammeId, d.FirstCheckedBetween, d.Rule, d.Seed, d.Population.Count,
                d.Selected, d.RecordedBy, d.RecordedAt))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
