using Fachwerk.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Organisations;

/// <summary>One de-minimis aid: which grant, how much, when.</summary>
/// <param name="ApplicationId">The funding application it was granted on.</param>
/// <param name="ProgrammeId">The programme that granted it.</param>
/// <param name="Amount">The amount, in EUR.</param>
/// <param name="GrantedOn">The day it was granted.</param>
/// <param name="RecordedAt">When it was entered in the ledger.</param>
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
/// <param name="OrganisationId">The organisation (the undertaking).</param>
/// <param name="Undertaking">Its name.</param>
/// <param name="Ceiling">The de-minimis ceiling for three years, in EUR.</param>
/// <param name="WindowFrom">The first day of the rolling three-year window.</param>
/// <param name="WindowTo">Its last day (today).</param>
/// <param name="AidInWindow">The aid received within the window, in EUR.</param>
/// <param name="Headroom">What is left under the ceiling, in EUR.</param>
/// <param name="Aid">Every de-minimis aid received, with dates.</param>
public sealed record DeMinimisStatement(
    Guid OrganisationId, string Undertaking, decimal Ceiling, DateOnly WindowFrom, DateOnly WindowTo, decimal AidInWindow, decimal Headroom,
    IReadOnlyList<DeMinimisAidLine> Aid);

public static class GetDeMinimisAidEndpoint
{
    public static void Before(DeMinimisLedger ledger, ClaimsPrincipal user) => user.EnsureActsForOrganisation(ledger.Id, withoutBinding: Roles.Staff);

    /// <summary>
    /// Shows the de-minimis aid an organisation received, with dates, and what is left under the ceiling in the rolling three
    /// years.
    /// </summary>
    [Authorize(Roles = Roles.DeMinimisReaders)]
    [WolverineGet("/api/organisations/{id}/de-minimis")]
    public static DeMinimisStatement Get([Document] DeMinimisLedger ledger, TimeProvider clock)
    {
        var today = AuthorityCalendar.DayOf(clock.GetUtcNow());
        var from = today.AddYears(-3).AddDays(1);
        var inWindow = ledger.Aid.Where(a => a.GrantedOn >= from && a.GrantedOn <= today).Sum(a => a.Amount);
        return new DeMinimisStatement(ledger.Id, ledger.Undertaking, DeMinimis.Ceiling, from, today, inWindow,
            Math.Max(0, DeMinimis.Ceiling - inWindow), [.. ledger.Aid.OrderBy(a => a.GrantedOn)]);
    }
}
