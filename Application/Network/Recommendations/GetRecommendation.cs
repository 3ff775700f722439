using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Recommendations;

/// <summary>Which recommendations to list.</summary>
/// <param name="AllianceId">Only this alliance's recommendations.</param>
/// <param name="MunicipalityId">Only recommendations to this municipality.</param>
public sealed record RecommendationQuery(Guid? AllianceId = null, Guid? MunicipalityId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IPagedQuery;

public sealed class RecommendationQueryValidator : AbstractValidator<RecommendationQuery>
{
    public RecommendationQueryValidator() => this.PagingRules();
}

public static class GetRecommendationEndpoints
{
    /// <summary>Reads an alliance's recommendation to a municipality with its follow-ups.</summary>
    [WolverineGet("/api/recommendations/{id}")]
    public static RecommendationDetails Get([Document] RecommendationDetails recommendation) => recommendation;

    /// <summary>Lists recommendations by alliance or municipality, newest first, one page at a time.</summary>
    [WolverineGet("/api/recommendations")]
    public static Task<Page<RecommendationDetails>> List([FromQuery] RecommendationQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var recommendations = session.Query<RecommendationDetails>().AsQueryable();
        if (query.AllianceId is { } alliance) recommendations = recommendations.Where(r => r.AllianceId == alliance);
        if (query.MunicipalityId is { } municipality) recommendations = recommendations.Where(r => r.Municipality.Id == municipality);
        return recommendations.PageAsync(r => r.OrderByDescending(x => x.IssuedOn).ThenBy(x => x.Id), query.Page, query.PageSize, cancellation);
    }
}
