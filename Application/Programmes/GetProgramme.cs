using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>A funding programme as set up, with its budget at a glance (inline: current after every command).</summary>
public sealed record ProgrammeDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<FundingSource> Sources { get; init; } = [];
    public Period FundingPeriod { get; init; }
    public ProgrammeRules Rules { get; init; } = null!;
    public decimal TotalBudget { get; init; }
    public decimal Committed { get; init; }
    public decimal Available => TotalBudget - Committed;
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();
}

public sealed partial class ProgrammeDetailsProjection : SingleStreamProjection<ProgrammeDetails, Guid>
{
    public static ProgrammeDetails Create(IEvent<FundingProgrammeLaunched> e) => new()
    {
        Id = e.Data.ProgrammeId,
        Version = e.Version,
        Name = e.Data.Name,
        Sources = e.Data.Sources,
        FundingPeriod = e.Data.FundingPeriod,
        Rules = e.Data.Rules,
        TotalBudget = e.Data.TotalBudget,
    };

    public static ProgrammeDetails Apply(IEvent<FundingProgrammeToppedUp> e, ProgrammeDetails p) =>
        p with { Version = e.Version, TotalBudget = p.TotalBudget + e.Data.Amount };

    public static ProgrammeDetails Apply(IEvent<FundingProgrammeCut> e, ProgrammeDetails p) =>
        p with { Version = e.Version, TotalBudget = p.TotalBudget - e.Data.Amount };

    public static ProgrammeDetails Apply(IEvent<AlliancePlanningBudgetSet> e, ProgrammeDetails p) =>
        p with { Version = e.Version, PlanningBudgets = new Dictionary<Guid, decimal>(p.PlanningBudgets) { [e.Data.AllianceId] = e.Data.Amount } };

    public static ProgrammeDetails Apply(IEvent<FundsCommitted> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Committed = p.Committed + e.Data.Amount };

    public static ProgrammeDetails Apply(IEvent<FundsReleased> e, ProgrammeDetails p) =>
        p with { Version = e.Version, Committed = p.Committed - e.Data.Amount };
}

public sealed record ProgrammeQuery(string? Name = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ProgrammeQueryValidator : AbstractValidator<ProgrammeQuery>
{
    public ProgrammeQueryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(CommonRules.NameLength);
        this.PagingRules();
    }
}

public static class GetProgrammeEndpoints
{
    [WolverineGet("/api/programmes/{id}")]
    public static ProgrammeDetails Get([Document] ProgrammeDetails programme) => programme;

    [WolverineGet("/api/programmes")]
    public static async Task<Page<ProgrammeDetails>> List([FromQuery] ProgrammeQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var programmes = session.Query<ProgrammeDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Name))
            programmes = programmes.Where(p => p.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
        return await programmes.PageAsync(p => p.OrderBy(x => x.Name), query.Page, query.PageSize, cancellation);
    }
}
