using System.Globalization;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Instruments;

/// <summary>
/// An instrument's tables as CSV or XLSX (<c>/instruments/{id}/uses.xlsx</c>): the instrument read through the API as the
/// signed-in user, written with the page's columns (<see cref="InstrumentTables"/>) through the UI's one export path
/// (<see cref="TableExport"/>).
/// </summary>
public static class InstrumentExport
{
    public static void MapInstrumentExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/instruments/{id:guid}/{table}.{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        Guid id, string table, string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat || table is not (InstrumentTables.Areas or InstrumentTables.Uses or InstrumentTables.Seals))
            return Results.NotFound();

        var instrument = await api.GetAsync<InstrumentDetails>($"/api/instruments/{id}", cancellation: context.RequestAborted);
        if (instrument.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path));
        // Anything the page can explain (not found, the service unreachable) it explains there.
        if (instrument.Value is not { } details) return Results.Redirect(InstrumentTables.PagePath(id));

        var today = Localization.Formats.InBerlin(clock.GetUtcNow());
        var name = string.Concat(details.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        var file = $"{name}-{text["instrument.file." + table]}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return await TableExport.FileAsync(InstrumentTables.Export(table, details, text, DateOnly.FromDateTime(today.DateTime))!, exportFormat, file,
            context.RequestAborted);
    }
}
