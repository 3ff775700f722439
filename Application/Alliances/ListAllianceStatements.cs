using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>What an alliance said about one application: its vote (Votum), and where the application stands now.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Number">Its short number.</param>
/// <param name="Title">The project's title.</param>
/// <param name="Applicant">The applicant organisation's name.</param>
/// <param name="Programme">The funding programme's name.</param>
/// <param name="Status">Where the application stands now.</param>
/// <param name="RequestedAmount">The funding requested, in EUR.</param>
/// <param name="ApprovedAmount">The funding approved, in EUR, once approved.</param>
/// <param name="Recommends">Whether the alliance recommended the project.</param>
/// <param name="Reasons">The alliance's statement.</param>
/// <param name="Scores">The scores per criterion (0 to 10).</param>
/// <param name="CastBy">The reviewer who recorded the vote.</param>
/// <param name="CastAt">When.</param>
public sealed record AllianceStatement(
    Guid ApplicationId,
    string Number,
    string Title,
    string Applicant,
    string Programme,
    ApplicationStatus Status,
    decimal RequestedAmount,
    decimal? ApprovedAmount,
    bool Recommends,
    string Reasons,
    IReadOnlyDictionary<string, int> Scores,
    string CastBy,
    DateTimeOffset CastAt);

/// <summary>Which of the alliance's statements to list.</summary>
/// <param name="Except">Leave out this application (the one being voted on).</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Statements per page (1 to 200, default 25).</param>
public sealed record AllianceStatementQuery(Guid? Except = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class AllianceStatementQueryValidator : AbstractValidator<AllianceStatementQuery>
{
    public AllianceStatementQueryValidator() => this.PagingRules();
}

public static class ListAllianceStatementsEndpoint
{
    public static void Before(AllianceDetails alliance, ClaimsPrincipal user) => user.EnsureActsForAlliance(alliance.Id, withoutBinding: Roles.Staff);

    /// <summary>
    /// Lists what the alliance decided earlier: its votes on the applications of its region, newest application first, each with
    /// where the application stands now, so that a reviewer judges like cases alike.
    /// </summary>
    [Authorize(Roles = Roles.AllianceDashboardReaders)]
    [WolverineGet("/api/alliances/{id}/statements")]
    public static async Task<Page<AllianceStatement>> List(
        [Document] AllianceDetails alliance, [FromQuery] AllianceStatementQuery query, IQuerySession session, CancellationToken cancellation)
    {
        // The summary's (alliance, id) index finds the page; the votes themselves are in the applications' details.
        var voted = session.Query<ApplicationSummary>().Where(s => s.AllianceId == alliance.Id && s.Voted);
        if (query.Except is { } except) voted = voted.Where(s => s.Id != except);
        var ids = await voted.PageAsync(ordered => ordered.OrderByDescending(s => s.Id).Select(s => s.Id), query.Page, query.PageSize, cancellation);

        var details = (await session.LoadManyAsync<ApplicationDetails>(cancellation, ids.Items)).ToDictionary(d => d.Id);
        var statements = ids.Items
            .Select(id => details.GetValueOrDefault(id))
            .Where(d => d?.AllianceVote is not null)
            .Select(d => new AllianceStatement(d!.Id, ApplicationNumber.Of(d.Id), d.Plan.Title, d.Applicant.Name, d.Programme.Name, d.Status,
                d.Plan.RequestedAmount, d.ApprovedAmount, d.AllianceVote!.Recommends, d.AllianceVote.Reasons, d.AllianceVote.Scores,
                d.AllianceVote.CastBy, d.AllianceVote.CastAt))
            .ToList();
        return new Page<AllianceStatement>(statements, ids.PageNumber, ids.PageSize, ids.TotalItems, ids.PageCount);
    }
}
