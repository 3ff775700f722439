using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Actors;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Network.Actors;

/// <summary>One row of the list of network actors.</summary>
/// <param name="Id">The actor's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of actor it is.</param>
/// <param name="Nationwide">Whether it works for the whole country.</param>
/// <param name="FederalStates">The federal states it works in.</param>
/// <param name="Members">How many members it has.</param>
/// <param name="Version">Its version.</param>
public sealed record NetworkActorSummary(Guid Id, string Name, ActorKind Kind, bool Nationwide, IReadOnlyList<FederalState> FederalStates, int Members, long Version);

/// <summary>Which network actors to list.</summary>
/// <param name="Name">Only actors whose name contains this text (any case).</param>
/// <param name="Kind">Only actors of this kind.</param>
/// <param name="FederalState">Only actors working in this federal state (nationwide ones included).</param>
/// <param name="District">Only actors naming this district.</param>
/// <param name="AllianceId">Only actors working in this alliance.</param>
public sealed record NetworkActorQuery(
    string? Name = null, ActorKind? Kind = null, FederalState? FederalState = null, string? District = null, Guid? AllianceId = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class NetworkActorQueryValidator : AbstractValidator<NetworkActorQuery>
{
    public NetworkActorQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength);
        this.PagingRules();
    }
}

public static class ListNetworkActorsEndpoint
{
    /// <summary>Lists the network actors, filtered by name, kind, federal state, district or alliance, one page at a time.</summary>
    [WolverineGet("/api/network-actors")]
    public static async Task<Page<NetworkActorSummary>> List([FromQuery] NetworkActorQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var actors = session.Query<NetworkActorDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            actors = actors.Where(a => a.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        if (query.Kind is { } kind)
            actors = actors.Where(a => a.Kind == kind);
        if (query.FederalState is { } state)
            actors = actors.Where(a => a.FederalStates.Contains(state));
        if (!string.IsNullOrWhiteSpace(query.District))
            actors = actors.Where(a => a.Districts.Contains(query.District));
        if (query.AllianceId is { } alliance)
            actors = actors.Where(a => a.AllianceId == alliance);

        var page = await actors.PageAsync(ordered => ordered.OrderBy(a => a.Name), query.Page, query.PageSize, cancellation);
        return new Page<NetworkActorSummary>(
            [.. page.Items.Select(a => new NetworkActorSummary(a.Id, a.Name, a.Kind, a.Nationwide, a.FederalStates, a.Members.Count, a.Version))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
