using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Pilots;

/// <summary>One row of the pilot list.</summary>
/// <param name="Id">The pilot project's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sponsor">Who runs it.</param>
/// <param name="PilotPhase">Its pilot phase.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Participants">How many participants it enrolled.</param>
/// <param name="Companies">How many companies it enrolled.</param>
/// <param name="Version">Its version.</param>
public sealed record PilotSummary(
    Guid Id, string Name, string Sponsor, Period PilotPhase, PilotStatus Status, int Participants, int Companies, long Version);

/// <summary>Which pilot projects to list.</summary>
/// <param name="Name">Only pilots whose name contains this text (any case).</param>
/// <param name="Status">Only pilots with this status.</param>
public sealed record PilotQuery(string? Name = null, PilotStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class PilotQueryValidator : AbstractValidator<PilotQuery>
{
    public PilotQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

public static class ListPilotsEndpoint
{
    /// <summary>Lists the pilot projects, filtered by name or status, one page at a time.</summary>
    [WolverineGet("/api/pilots")]
    public static async Task<Page<PilotSummary>> List([FromQuery] PilotQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var pilots = session.Query<PilotDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            pilots = pilots.Where(p => p.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        if (query.Status is { } status)
            pilots = pilots.Where(p => p.Status == status);

        var page = await pilots.PageAsync(p => p.OrderBy(x => x.Name), query.Page, query.PageSize, cancellation);
        return new Page<PilotSummary>(
            [.. page.Items.Select(p => new PilotSummary(p.Id, p.Name, p.Sponsor, p.PilotPhase, p.Status, p.Participants.Enrolled, p.Companies.Count, p.Version))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
