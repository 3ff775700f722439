using System.Globalization;
using CsvHelper;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Applications;

/// <summary>
/// The application list as CSV (ADR 0072): the same filters and order as the page, every page of them, read through the API
/// as the signed-in user and written while they arrive. The columns are the page's (<see cref="ApplicationListColumns"/>),
/// with their headings in the user's language and their plain values; RFC 4180 with a byte order mark (so a spreadsheet
/// reads the umlauts), and a cell a spreadsheet would run as a formula is escaped.
/// </summary>
public static class ApplicationExport
{
    public const string Path = "/applications/export.csv";

    public static void MapApplicationExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        var cancellation = context.RequestAborted;
        var filter = ApplicationListFilter.From(context.Request.Query);
        var first = await api.GetAsync<Page<ApplicationSummary>>(filter.ApiUrl(1, Paging.MaxPageSize), cancellation: cancellation);
        if (first.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(filter.Url(Path, page: 1)));
        // Anything the list page can explain (a filter refused, the service unreachable) it explains there.
        if (!first.IsSuccess) return Results.Redirect(filter.Url("/applications", page: 1));

        var columns = ApplicationListColumns.For(text);
        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{text["list.exportFile"]}-{day}.csv\"";

        await using var csv = CsvWriter.Create(context.Response.Body, TableExport.CsvOptions, leaveOpen: true);
        var written = new HashSet<Guid>();
        var page = first.Value!;
        await csv.WriteRecordAsync([.. Columns.ExportRows(columns, [], heading => text[heading]).First()], cancellation);
        for (var number = 1; ; number++)
        {
            // A row that moved to a later page while the file was written (a newer application came first) is written once.
            var items = page.Items.Where(a => written.Add(a.Id));
            foreach (var row in Columns.ExportRows(columns, items, heading => text[heading]).Skip(1))
                await csv.WriteRecordAsync([.. row], cancellation);
            if (number >= page.PageCount) break;
            var next = await api.GetAsync<Page<ApplicationSummary>>(filter.ApiUrl(number + 1, Paging.MaxPageSize), cancellation: cancellation);
            if (next.Value is not { } nextPage) break;
            page = nextPage;
        }

        return Results.Empty;
    }
}
