using System.Globalization;
using Fachwerk.Application.Experts;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Experts;

/// <summary>
/// The directory of external experts as CSV or XLSX (<c>/experts/list.csv</c>), with the page's columns and filters, read through the
/// API as the signed-in user.
/// </summary>
public static class ExpertExport
{
    public static void MapExpertExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExpertTables.ExportPath + ".{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
        var filters = string.Join('&', ExpertTables.Filters
            .Select(name => (name, value: context.Request.Query[name].ToString()))
            .Where(f => !string.IsNullOrWhiteSpace(f.value))
            .Select(f => $"{f.name}={Uri.EscapeDataString(f.value)}"));
        var read = await api.GetAsync<IReadOnlyList<ExpertEntry>>("/api/experts" + (filters.Length > 0 ? "?" + filters : ""),
            cancellation: context.RequestAborted);
        if (read.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        // Anything the page can explain (no access, the service unreachable) it explains there.
        if (read.Value is not { } experts) return Results.Redirect(ExpertTables.PagePath);

        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await TableExport.FileAsync(ExpertTables.Export(experts, text), exportFormat, $"{text["experts.file"]}-{day}", context.RequestAborted);
    }
}
