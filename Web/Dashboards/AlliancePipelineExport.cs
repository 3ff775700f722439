using Fachwerk.Application.Applications;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Dashboards;

/// <summary>An alliance pipeline dashboard's tables as CSV or XLSX (<c>/dashboards/alliances/{id}/statuses.csv</c>), with the page's columns.</summary>
public static class AlliancePipelineExport
{
    public static void MapAlliancePipelineExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboards/alliances/{id:guid}/{table}.{format}", ExportAsync).ExcludeFromDescription();

    private static Task<IResult> ExportAsync(
        Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat
            || table is not (AlliancePipelineTables.Statuses or AlliancePipelineTables.Programmes or AlliancePipelineTables.Months))
            return Task.FromResult(Results.NotFound());

        var file = $"{text["pipeline.file"]}-{text["pipeline.file." + table]}";
        // The export counts what the page counted: the same filters, from the download link's address.
        var filters = AlliancePipelineTables.FilterQuery(name => context.Request.Query[name].ToString());
        var page = AlliancePipelineTables.PagePath(id) + filters;
        // The months come from the pipeline over time, the other tables from the pipeline.
        return table == AlliancePipelineTables.Months
            ? DashboardExport.FileAsync<AlliancePipelineOverTime>(context, api, clock, $"/api/alliances/{id}/pipeline/months{filters}", page, file, exportFormat,
                overTime => AlliancePipelineTables.ExportMonths(overTime, text))
            : DashboardExport.FileAsync<AlliancePipeline>(context, api, clock, $"/api/alliances/{id}/pipeline{filters}", page, file, exportFormat,
                pipeline => AlliancePipelineTables.Export(table, pipeline, text)!);
    }
}
