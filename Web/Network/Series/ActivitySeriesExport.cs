using Fachwerk.Application.Network.Series;
using Fachwerk.Web.Api;
using Fachwerk.Web.Dashboards;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Series;

/// <summary>
/// A series' occurrences year on year as CSV or XLSX (<c>/activity-series/{id}/occurrences.csv</c>): read through the API as the
/// signed-in user and written with the page's columns (<see cref="ActivitySeriesTables"/>) through the dashboards' one export
/// path (<see cref="DashboardExport"/>).
/// </summary>
public static class ActivitySeriesExport
{
    public static void MapActivitySeriesExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/activity-series/{id:guid}/{table}.{format}", (
                Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock) =>
            {
                if (TableExport.Parse(format) is not { } exportFormat || table != ActivitySeriesTables.Occurrences)
                    return Task.FromResult(Results.NotFound());
                return DashboardExport.FileAsync<ActivitySeriesView>(context, api, clock, $"/api/activity-series/{id}", ActivitySeriesTables.PagePath(id),
                    text["series.file"], exportFormat, series => ActivitySeriesTables.Export(series, text));
            })
            .ExcludeFromDescription();
    }
}
