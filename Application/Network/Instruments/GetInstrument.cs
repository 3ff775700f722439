using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Instruments;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>Which instruments to list.</summary>
/// <param name="Name">Only instruments whose name contains this text (any case).</param>
/// <param name="Kind">Only instruments of this kind.</param>
/// <param name="ProviderId">Only instruments this organisation, alliance or actor offers.</param>
/// <param name="FederalState">Only instruments used or awarded in this federal state.</param>
/// <param name="OriginConceptId">Only instruments that came from this concept.</param>
public sealed record InstrumentQuery(
    string? Name = null, InstrumentKind? Kind = null, Guid? ProviderId = null, FederalState? FederalState = null, Guid? OriginConceptId = null, int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class InstrumentQueryValidator : AbstractValidator<InstrumentQuery>
{
    public InstrumentQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.FederalState).IsInEnum();
        this.PagingRules();
    }
}

/// <summary>One row of the instrument list.</summary>
/// <param name="Id">The instrument's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of format it is.</param>
/// <param name="Providers">How many offer it.</param>
/// <param name="Uses">How often it was used.</param>
/// <param name="Seals">For a seal: how many schools hold or held it.</param>
/// <param name="Version">Its version.</param>
public sealed record InstrumentSummary(Guid Id, string Name, InstrumentKind Kind, int Providers, int Uses, int Seals, long Version);

public static class GetInstrumentEndpoints
{
    /// <summary>Reads one instrument: providers, modes, where and how often it was used and by whom, and the schools holding a seal.</summary>
    [WolverineGet("/api/instruments/{id}")]
    public static InstrumentDetails Get([Document] InstrumentDetails instrument) => instrument;

    /// <summary>Lists instruments by name, kind, provider, federal state or origin, by name, one page at a time.</summary>
    [WolverineGet("/api/instruments")]
    public static async Task<Page<InstrumentSummary>> List([FromQuery] InstrumentQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var instruments = session.Query<InstrumentDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name)) instruments = instruments.Where(i => i.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        if (query.Kind is { } kind) instruments = instruments.Where(i => i.Kind == kind);
        if (query.ProviderId is { } provider) instruments = instruments.Where(i => i.ProviderIds.Contains(provider));
        if (query.FederalState is { } state) instruments = instruments.Where(i => i.FederalStates.Contains(state));
        if (query.OriginConceptId is { } concept) instruments = instruments.Where(i => i.Origin!.ConceptId == concept);

        var page = await instruments.PageAsync(i => i.OrderBy(x => x.Name), query.Page, query.PageSize, cancellation);
        return new Page<InstrumentSummary>(
            [.. page.Items.Select(i => new InstrumentSummary(i.Id, i.Name, i.Kind, i.Providers.Count, i.Uses.Count, i.Seals.Count, i.Version))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
