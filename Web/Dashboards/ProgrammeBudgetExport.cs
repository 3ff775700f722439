using System.Globalization;
using Fachwerk.Application.Programmes;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Dashboards;

/// <summary>
/// A programme budget dashboard's tables as CSV or XLSX (<c>/dashboards/programmes/{id}/figures.xlsx</c>): the budget read
/// through the API as the signed-in user, written with the page's columns (<see cref="ProgrammeBudgetTables"/>) through the
/// UI's one export path (<see cref="TableExport"/>).
/// </summary>
public static class ProgrammeBudgetExport
{
    public static void MapProgrammeBudgetExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboards/programmes/{id:guid}/{table}.{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat || table is not (ProgrammeBudgetTables.Figures or ProgrammeBudgetTables.Alliances))
            return Results.NotFound();

        var budget = await api.GetAsync<ProgrammeBudgetView>($"/api/programmes/{id}/budget", cancellation: context.RequestAborted);
        if (budget.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path));
        // Anything the page can explain (not found, not allowed, the service unreachable) it explains there.
        if (budget.Value is not { } view) return Results.Redirect(ProgrammeBudgetTables.PagePath(id));

        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = $"{text["dashboard.budgetFile"]}-{text["dashboard.file." + table]}-{day}";
        return await TableExport.FileAsync(ProgrammeBudgetTables.Export(table, view, text)!, exportFormat, file, context.RequestAborted);
    }
}
