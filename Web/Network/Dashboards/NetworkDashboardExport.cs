using Fachwerk.Application.Network.Dashboards;
using Fachwerk.Web.Api;
using Fachwerk.Web.Dashboards;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Dashboards;

/// <summary>
/// A network dashboard's tables as CSV or XLSX: an alliance's (<c>/network-dashboards/alliances/{id}/activities.csv</c>) and a
/// region's (<c>/network-dashboards/regions/ideas.xlsx?federalState=…&amp;district=…</c>), read through the API as the signed-in
/// user and written with the page's columns (<see cref="NetworkDashboardTables"/>) through the dashboards' one export path
/// (<see cref="DashboardExport"/>).
/// </summary>
public static class NetworkDashboardExport
{
    public static void MapNetworkDashboardExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/network-dashboards/alliances/{id:guid}/{table}.{format}", (
                Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock) =>
            ExportAsync(table, format, $"/api/network-dashboards/alliances/{id}", NetworkDashboardTables.AlliancePath(id), context, api, text, clock))
            .ExcludeFromDescription();
        endpoints.MapGet(NetworkDashboardTables.RegionPath + "/{table}.{format}", (
                string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock) =>
            {
                // The export counts the region the page showed: the same query, from the download link's address.
                var region = NetworkDashboardTables.RegionQuery(name => context.Request.Query[name].ToString());
                return ExportAsync(table, format, $"/api/network-dashboards/regions{region}", NetworkDashboardTables.RegionPath + region, context, api, text, clock);
            })
            .ExcludeFromDescription();
    }

    private static Task<IResult> ExportAsync(
        string table, string format, string apiPath, string pagePath, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat || !NetworkDashboardTables.Tables.Contains(table))
            return Task.FromResult(Results.NotFound());

        return DashboardExport.FileAsync<NetworkDashboard>(context, api, clock, apiPath, pagePath,
            $"{text["networkDashboard.file"]}-{text["networkDashboard.file." + table]}", exportFormat,
            dashboard => NetworkDashboardTables.Export(table, dashboard, text)!);
    }
}
