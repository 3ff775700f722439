using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Dashboards;

/// <summary>Which region's network dashboard to show: the whole country, a federal state, or a district of it.</summary>
/// <param name="FederalState">The federal state; without one, the whole country.</param>
/// <param name="District">A district of the federal state; without one, the whole state.</param>
public sealed record NetworkRegionQuery(FederalState? FederalState = null, string? District = null);

public sealed class NetworkRegionQueryValidator : AbstractValidator<NetworkRegionQuery>
{
    public NetworkRegionQueryValidator()
    {
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FederalState).NotNull().WithMessage("A district is named with its federal state.").When(x => !string.IsNullOrWhiteSpace(x.District));
    }
}

public static class GetNetworkDashboardsEndpoints
{
    /// <summary>
    /// Shows what an alliance's network did, year by year: its activities held and the attendance by group, contacts and
    /// placements; the instruments used and seals awarded in its districts; its project ideas recorded, realised and funded.
    /// </summary>
    [WolverineGet("/api/network-dashboards/alliances/{allianceId}")]
    public static Task<NetworkDashboard> Alliance(
        [Document("allianceId")] AllianceDetails alliance, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        NetworkFigures.ComputeAsync(session, new NetworkFigures.Scope(DashboardScope.Alliance, alliance.Name, alliance.Id, alliance.FederalState, null,
            activities => activities.Where(a => a.AllianceId == alliance.Id),
            ideas => ideas.Where(i => i.AllianceId == alliance.Id),
            area => area.FederalState == alliance.FederalState && area.District is { } district
                                                               && alliance.Districts.Contains(district, StringComparer.OrdinalIgnoreCase)),
            Today(clock), cancellation);

    /// <summary>
    /// Shows what took place in the whole country, a federal state or one of its districts, year by year: activities held and the
    /// attendance by group, contacts and placements; instruments used and seals awarded; project ideas recorded, realised and
    /// funded (in a district: the ideas realised by an application there).
    /// </summary>
    [WolverineGet("/api/network-dashboards/regions")]
    public static Task<NetworkDashboard> Region([FromQuery] NetworkRegionQuery query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (query.FederalState is not { } state)
        {
            return NetworkFigures.ComputeAsync(session, new NetworkFigures.Scope(DashboardScope.Country, "Deutschland", null, null, null,
                activities => activities, ideas => ideas, _ => true), Today(clock), cancellation);
        }

        var district = string.IsNullOrWhiteSpace(query.District) ? null : query.District.Trim();
        var area = new Area(state, district);
        return NetworkFigures.ComputeAsync(session, new NetworkFigures.Scope(district is null ? DashboardScope.FederalState : DashboardScope.District,
                district ?? state.ToString(), null, state, district,
                activities => activities.Where(a => a.Place.FederalState == state),
                ideas => ideas.Where(i => i.FederalState == state),
                place => area.Covers(place.FederalState, place.District),
                a => area.Covers(a.Place.FederalState, a.Place.District),
                i => district is null || (i.Realisation is { } realisation && area.Covers(state, realisation.District))),
            Today(clock), cancellation);
    }

    private static DateOnly Today(TimeProvider clock) => AuthorityCalendar.DayOf(clock.GetUtcNow());
}
