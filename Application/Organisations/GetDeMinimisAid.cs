using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Organisations;

public sealed record DeMinimisAidLine(Guid ApplicationId, Guid ProgrammeId, decimal Amount, DateOnly GrantedOn, DateTimeOffset RecordedAt);

/// <summary>The de-minimis aid an undertaking received, grant by grant, with dates (inline projection of the organisation's stream).</summary>
public sealed record DeMinimisLedger
{
    public Guid Id { get; init; }
    public string Undertaking { get; init; } = "";
    public IReadOnlyList<DeMinimisAidLine> Aid { get; init; } = [];
}

public sealed partial class DeMinimisLedgerProjection : SingleStreamProjection<DeMinimisLedger, Guid>
{
    public static DeMinimisLedger Create(OrganisationRegistered registered) => new() { Id = registered.OrganisationId, Undertaking = registered.Name };

    public static DeMinimisLedger Apply(IEvent<DeMinimisAidGranted> e, DeMinimisLedger ledger) =>
        ledger with { Aid = [.. ledger.Aid, new DeMinimisAidLine(e.Data.ApplicationId, e.Data.ProgrammeId, e.Data.Amount, e.Data.GrantedOn, e.Timestamp)] };

    public static DeMinimisLedger Apply(DeMinimisAidAdjusted adjusted, DeMinimisLedger ledger) =>
        ledger with { Aid = [.. ledger.Aid.Select(a => a.ApplicationId == adjusted.ApplicationId ? a with { Amount = adjusted.Amount } : a)] };
}

/// <summary>The ledger with the rolling three-year window as of today: how much aid counts and how much room is left under the ceiling.</summary>
public sealed record DeMinimisStatement(
    Guid OrganisationId, string Undertaking, decimal Ceiling, DateOnly WindowFrom, DateOnly WindowTo, decimal AidInWindow, decimal Headroom,
    IReadOnlyList<DeMinimisAidLine> Aid);

public static class GetDeMinimisAidEndpoint
{
    public static void Before(DeMinimisLedger ledger, ClaimsPrincipal user) => user.EnsureActsForOrganisation(ledger.Id);

    /// <summary>
    /// Shows the de-minimis aid an organisation received, with dates, and what is left under the ceiling in the rolling three
    /// years.
    /// </summary>
    [Authorize(Roles = Roles.DeMinimisReaders)]
    [WolverineGet("/api/organisations/{id}/de-minimis")]
    public static DeMinimisStatement Get([Document] DeMinimisLedger ledger, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddYears(-3).AddDays(1);
        var inWindow = ledger.Aid.Where(a => a.GrantedOn >= from && a.GrantedOn <= today).Sum(a => a.Amount);
        return new DeMinimisStatement(ledger.Id, ledger.Undertaking, DeMinimis.Ceiling, from, today, inWindow,
            Math.Max(0, DeMinimis.Ceiling - inWindow), [.. ledger.Aid.OrderBy(a => a.GrantedOn)]);
    }
}
