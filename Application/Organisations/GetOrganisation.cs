using Fachwerk.Application.Common;
using Fachwerk.Domain.Organisations;
using FluentValidation;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Organisations;

/// <summary>Read model of an organisation in the registry (inline projection).</summary>
/// <param name="Id">The organisation's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Town">The town of its seat.</param>
/// <param name="Version">Its version.</param>
public sealed record OrganisationDetails(Guid Id, string Name, OrganisationKind Kind, string Town, long Version);

public sealed partial class OrganisationDetailsProjection : SingleStreamProjection<OrganisationDetails, Guid>
{
    public static OrganisationDetails Create(OrganisationRegistered registered) =>
        new(registered.OrganisationId, registered.Name, registered.Kind, registered.Town, 1);
}

/// <summary>Which organisations to list.</summary>
/// <param name="Name">Only organisations whose name contains this text (any case).</param>
/// <param name="Kind">Only organisations of this kind; without it, all but the neutral records of natural persons who apply (ADR 0123).</param>
public sealed record OrganisationQuery(string? Name = null, OrganisationKind? Kind = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IPagedQuery;

public sealed class OrganisationQueryValidator : AbstractValidator<OrganisationQuery>
{
    public OrganisationQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        this.PagingRules();
    }
}

public static class GetOrganisationEndpoints
{
    /// <summary>Reads one organisation of the registry.</summary>
    [WolverineGet("/api/organisations/{id}")]
    public static OrganisationDetails Get([Document] OrganisationDetails organisation) => organisation;

    /// <summary>
    /// Lists the organisations of the registry, filtered by name or kind, one page at a time. The neutral "Natürliche Person" record of
    /// each person who applies is listed only when that kind is asked for: it is no organisation to pick or to find by name.
    /// </summary>
    [WolverineGet("/api/organisations")]
    public static async Task<Page<OrganisationDetails>> List([FromQuery] OrganisationQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var organisations = session.Query<OrganisationDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            organisations = organisations.Where(o => o.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        organisations = query.Kind is { } kind
            ? organisations.Where(o => o.Kind == kind)
            : organisations.Where(o => o.Kind != OrganisationKind.NaturalPerson);

        return await organisations.PageAsync(o => o.OrderBy(x => x.Name), query.Page, query.PageSize, cancellation);
    }
}
