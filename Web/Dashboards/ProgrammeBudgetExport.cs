using Fachwerk.Application.Programmes;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Dashboards;

/// <summary>
/// A programme budget dashboard's tables as CSV or XLSX (<c>/dashboards/programmes/{id}/figures.xlsx</c>): the budget (or its
/// months, with the page's period) read through the API as the signed-in user, written with the page's columns (<see cref="ProgrammeBudgetTables"/>) through the
/// UI's one export path (<see cref="DashboardExport"/>).
/// </summary>
public static class ProgrammeBudgetExport
{
    public static void MapProgrammeBudgetExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboards/programmes/{id:guid}/{table}.{format}", ExportAsync).ExcludeFromDescription();

    private static Task<IResult> ExportAsync(
        Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat
            || !ProgrammeBudgetTables.IsTable(table))
            return Task.FromResult(Results.NotFound());

        var file = $"{text["dashboard.budgetFile"]}-{text["dashboard.file." + table]}";
        if (table is ProgrammeBudgetTables.Regions or ProgrammeBudgetTables.RegionFigures or ProgrammeBudgetTables.RegionMonths)
        {
            // The region and period the page's section showed, from the download link's address.
            var regionFilters = ProgrammeBudgetTables.RegionFilterQuery(name => context.Request.Query[name].ToString());
            return DashboardExport.FileAsync<RegionalBudgetView>(context, api, clock, $"/api/programmes/{id}/budget/regions{regionFilters}",
                ProgrammeBudgetTables.PagePath(id) + regionFilters, file, exportFormat, regions => ProgrammeBudgetTables.ExportRegions(table, regions, text)!);
        }

        if (table is ProgrammeBudgetTables.Movements or ProgrammeBudgetTables.MonthEnds)
        {
            // The months the page showed: the same period, from the download link's address.
            var filters = ProgrammeBudgetTables.FilterQuery(name => context.Request.Query[name].ToString());
            return DashboardExport.FileAsync<ProgrammeBudgetOverTime>(context, api, clock, $"/api/programmes/{id}/budget/months{filters}",
                ProgrammeBudgetTables.PagePath(id) + filters, file, exportFormat, overTime => ProgrammeBudgetTables.ExportMonths(table, overTime, text)!);
        }

        return DashboardExport.FileAsync<ProgrammeBudgetView>(context, api, clock, $"/api/programmes/{id}/budget", ProgrammeBudgetTables.PagePath(id),
            file, exportFormat, budget => ProgrammeBudgetTables.Export(table, budget, text)!);
    }
}
