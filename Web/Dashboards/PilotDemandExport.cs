using Fachwerk.Application.Pilots;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Dashboards;

/// <summary>A pilot demand dashboard's tables as CSV or XLSX (<c>/dashboards/pilots/{id}/months.csv</c>, <c>…/funding.csv</c>), with the page's columns.</summary>
public static class PilotDemandExport
{
    public static void MapPilotDemandExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboards/pilots/{id:guid}/{table}.{format}", ExportAsync).ExcludeFromDescription();

    private static Task<IResult> ExportAsync(
        Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat || table is not (PilotDemandTables.Months or PilotDemandTables.Window or PilotFundingTables.Funding))
            return Task.FromResult(Results.NotFound());
        // The funding table is the pilot's own (its sources and spending), not the demand's.
        if (table == PilotFundingTables.Funding)
            return DashboardExport.FileAsync<PilotDetails>(context, api, clock, $"/api/pilots/{id}", PilotDemandTables.PagePath(id),
                $"{text["demand.file"]}-{text["demand.file." + table]}", exportFormat, pilot => PilotFundingTables.Export(pilot, text));

        // The months the page showed: the same period, from the download link's address (an invalid one filters nothing, as on the page).
        var (from, to, valid) = PilotDemandTables.Period(context.Request.Query["from"], context.Request.Query["to"]);
        return DashboardExport.FileAsync<PilotDemandReport>(context, api, clock, $"/api/pilots/{id}/demand", PilotDemandTables.PagePath(id),
            $"{text["demand.file"]}-{text["demand.file." + table]}", exportFormat,
            demand => PilotDemandTables.Export(table, demand, valid ? PilotDemandTables.InPeriod(demand.Months, from, to) : demand.Months, text)!);
    }
}
