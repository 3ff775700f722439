using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Cooperation;

/// <summary>Which cooperation agreements to list.</summary>
/// <param name="PartyId">Only agreements this organisation, alliance or actor is a party to.</param>
/// <param name="InForceOn">Only agreements in force on this day (begun, not run out, not terminated).</param>
public sealed record CooperationAgreementQuery(Guid? PartyId = null, DateOnly? InForceOn = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IPagedQuery;

public sealed class CooperationAgreementQueryValidator : AbstractValidator<CooperationAgreementQuery>
{
    public CooperationAgreementQueryValidator()
    {
        RuleFor(x => x.InForceOn!.Value).PlausibleDate().When(x => x.InForceOn is not null);
        this.PagingRules();
    }
}

public static class GetCooperationAgreementEndpoints
{
    /// <summary>Reads one cooperation agreement: parties, subject, term, extensions and termination.</summary>
    [WolverineGet("/api/cooperation-agreements/{id}")]
    public static CooperationAgreementDetails Get([Document] CooperationAgreementDetails agreement) => agreement;

    /// <summary>Lists cooperation agreements, by party or in force on a day, newest first, one page at a time.</summary>
    [WolverineGet("/api/cooperation-agreements")]
    public static Task<Page<CooperationAgreementDetails>> List(
        [FromQuery] CooperationAgreementQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var agreements = session.Query<CooperationAgreementDetails>().AsQueryable();
        if (query.PartyId is { } party)
            agreements = agreements.Where(a => a.PartyIds.Contains(party));
        if (query.InForceOn is { } day)
            agreements = agreements.Where(a => a.ValidFrom <= day && (a.ValidUntil == null || a.ValidUntil >= day)
                                               && (a.TerminatedOn == null || a.TerminatedOn > day));
        return agreements.PageAsync(a => a.OrderByDescending(x => x.ConcludedOn).ThenBy(x => x.Id), query.Page, query.PageSize, cancellation);
    }
}
