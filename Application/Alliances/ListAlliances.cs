using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Alliances;

/// <summary>One row of the alliance list.</summary>
/// <param name="Id">The alliance's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="FederalState">The federal state its region lies in.</param>
/// <param name="Status">Founded, recognized or dissolved.</param>
/// <param name="MemberCount">How many members it has.</param>
/// <param name="RecognizedUntil">The last day of its current recognition, if recognized.</param>
/// <param name="Version">Its version.</param>
public sealed record AllianceSummary(
    Guid Id, string Name, FederalState FederalState, AllianceStatus Status, int MemberCount, DateOnly? RecognizedUntil, long Version);

/// <summary>Which alliances to list.</summary>
/// <param name="Name">Only alliances whose name contains this text (any case).</param>
/// <param name="FederalState">Only alliances in this federal state.</param>
/// <param name="Status">Only alliances with this status.</param>
/// <param name="District">Only alliances covering this district (case does not matter).</param>
public sealed record AllianceQuery(
    string? Name = null,
    FederalState? FederalState = null,
    AllianceStatus? Status = null,
    string? District = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class AllianceQueryValidator : AbstractValidator<AllianceQuery>
{
    public AllianceQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public static class ListAlliancesEndpoint
{
    /// <summary>Lists the alliances, filtered by name, federal state, status or district, one page at a time.</summary>
    [WolverineGet("/api/alliances")]
    public static async Task<Page<AllianceSummary>> List([FromQuery] AllianceQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var alliances = session.Query<AllianceDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            alliances = alliances.Where(a => a.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        if (query.FederalState is { } state)
            alliances = alliances.Where(a => a.FederalState == state);
        if (query.Status is { } status)
            alliances = alliances.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.District))
            alliances = alliances.Where(a => a.Districts.Any(d => d.Equals(query.District.Trim(), StringComparison.OrdinalIgnoreCase)));

        return await alliances.PageAsync(ordered => ordered
            .OrderBy(a => a.Name)
            .Select(a => new AllianceSummary(a.Id, a.Name, a.FederalState, a.Status, a.MemberCount,
                a.Recognition == null ? null : a.Recognition.FundingPeriod.To, a.Version)), query.Page, query.PageSize, cancellation);
    }
}
