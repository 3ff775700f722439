using System.Globalization;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Cohorts;

/// <summary>
/// The list of cohorts as CSV or XLSX (<c>/cohorts/list.csv</c>), with the page's columns. The API answers the whole list at once
/// and offers no filters, so the file holds every run the page shows.
/// </summary>
public static class CohortExport
{
    public static void MapCohortExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CohortTables.ExportPath + ".{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
        var read = await api.GetAsync<IReadOnlyList<CohortSummary>>("/api/cohorts", cancellation: context.RequestAborted);
        if (read.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        // Anything the page can explain (the service unreachable) it explains there.
        if (read.Value is not { } cohorts) return Results.Redirect(CohortTables.PagePath);

        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await TableExport.FileAsync(CohortTables.Export(cohorts, text), exportFormat, $"{text["cohorts.file"]}-{day}", context.RequestAborted);
    }
}
