using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Which activities to list.</summary>
/// <param name="Title">Only activities whose title contains this text (any case).</param>
/// <param name="Kind">Only activities of this kind.</param>
/// <param name="Status">Only activities with this status.</param>
/// <param name="AllianceId">Only activities of this alliance's work.</param>
/// <param name="SeriesId">Only activities of this series.</param>
/// <param name="OrganiserId">Only activities this organisation, alliance or actor organises or co-organises.</param>
/// <param name="FederalState">Only activities in this federal state.</param>
/// <param name="District">Only activities in this district.</param>
/// <param name="Year">Only activities planned to start in this year.</param>
/// <param name="FundingApplicationId">Only activities funded by this application.</param>
public sealed record ActivityQuery(
    string? Title = null,
    ActivityKind? Kind = null,
    ActivityStatus? Status = null,
    Guid? AllianceId = null,
    Guid? SeriesId = null,
    Guid? OrganiserId = null,
    FederalState? FederalState = null,
    string? District = null,
    int? Year = null,
    Guid? FundingApplicationId = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ActivityQueryValidator : AbstractValidator<ActivityQuery>
{
    public ActivityQueryValidator()
    {
        RuleFor(x => x.Title).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Year).InclusiveBetween(1990, 2100);
        this.PagingRules();
    }
}

/// <summary>One row of the activity list.</summary>
/// <param name="Id">The activity's id.</param>
/// <param name="Kind">What kind of activity it is.</param>
/// <param name="Title">Its title.</param>
/// <param name="Dates">The days it is planned for.</param>
/// <param name="Place">Where it takes place.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="TotalAttendance">How many came, once held.</param>
/// <param name="Version">Its version.</param>
/// <param name="AllianceId">The alliance whose work it is, if any.</param>
public sealed record ActivitySummary(Guid Id, ActivityKind Kind, string Title, Period Dates, Place Place, ActivityStatus Status,
    int? TotalAttendance, long Version, Guid? AllianceId = null);

public static class GetActivityEndpoints
{
    /// <summary>Reads one activity: plan, announcement, funding, registrations (counted), what happened, the report.</summary>
    [WolverineGet("/api/activities/{id}")]
    public static ActivityDetails Get([Document] ActivityDetails activity) => activity;

    /// <summary>Lists activities by title, kind, status, alliance, series, organiser, state, district, year or funding, newest first, one page at a time.</summary>
    [WolverineGet("/api/activities")]
    public static async Task<Page<ActivitySummary>> List([FromQuery] ActivityQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var activities = session.Query<ActivityDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Title)) activities = activities.Where(a => a.Title.Contains(query.Title, StringComparison.OrdinalIgnoreCase));
        if (query.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (query.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (query.AllianceId is { } alliance) activities = activities.Where(a => a.AllianceId == alliance);
        if (query.SeriesId is { } series) activities = activities.Where(a => a.SeriesId == series);
        if (query.OrganiserId is { } organiser) activities = activities.Where(a => a.PartyIds.Contains(organiser));
        if (query.FederalState is { } state) activities = activities.Where(a => a.Place.FederalState == state);
        if (!string.IsNullOrWhiteSpace(query.District)) activities = activities.Where(a => a.Place.District == query.District);
        if (query.FundingApplicationId is { } application) activities = activities.Where(a => a.Funding!.ApplicationId == application);
        if (query.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            activities = activities.Where(a => a.Dates.From >= from && a.Dates.From <= to);
        }

        var page = await activities.PageAsync(a => a.OrderByDescending(x => x.Dates.From).ThenBy(x => x.Id), query.Page, query.PageSize, cancellation);
        return new Page<ActivitySummary>(
            [.. page.Items.Select(a => new ActivitySummary(a.Id, a.Kind, a.Title, a.Dates, a.Place, a.Status, a.Outcome?.TotalAttendance, a.Version, a.AllianceId))],
            page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }
}
