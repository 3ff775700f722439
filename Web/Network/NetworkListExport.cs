using System.Globalization;
using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network;

/// <summary>
/// A network list as a download (ideas, recommendations, agreements): every page of the list the API answers for the filters of
/// the download link (the page's own), read as the signed-in user and written through the UI's one export path
/// (<see cref="TableExport"/>), named after the list and the day.
/// </summary>
public static class NetworkListExport
{
    /// <summary>
    /// Maps a list's download at <c>{exportPath}.csv</c> and <c>.xlsx</c>: the list at <paramref name="apiPath"/> with the
    /// <paramref name="filters"/> of the download link, written by <paramref name="table"/> (from the items, the user's texts and
    /// today in Berlin) and named by the text <paramref name="fileKey"/>; a problem sends the user back to <paramref name="pagePath"/>.
    /// </summary>
    public static RouteHandlerBuilder MapListExport<TItem>(
        this IEndpointRouteBuilder endpoints, string exportPath, string apiPath, string pagePath, IReadOnlyList<string> filters, string fileKey,
        Func<IReadOnlyList<TItem>, IStringLocalizer, DateOnly, ExportTable> table) =>
        endpoints.MapGet(exportPath + ".{format}", async (string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock) =>
        {
            if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
            var query = FilterQuery(filters, name => context.Request.Query[name].ToString());
            var today = DateOnly.FromDateTime(Localization.Formats.InBerlin(clock.GetUtcNow()).DateTime);
            return await FileAsync<TItem>(context, api, clock, $"{apiPath}?{query}", $"{pagePath}?{query}", text[fileKey], exportFormat,
                items => table(items, text, today));
        }).ExcludeFromDescription();

    /// <summary>
    /// The list at <paramref name="apiPath"/> (with its filters, without paging) as a file, or a redirect: to sign in again, or
    /// to the list page (<paramref name="pagePath"/>), which explains anything else.
    /// </summary>
    private static async Task<IResult> FileAsync<TItem>(
        HttpContext context, FachwerkApiClient api, TimeProvider clock, string apiPath, string pagePath, string fileName, ExportFormat format,
        Func<IReadOnlyList<TItem>, ExportTable> table)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(table);
        var items = new List<TItem>();
        // A list without filters comes as "/api/…?": the paging follows either way.
        apiPath = apiPath.TrimEnd('?', '&');
        var separator = apiPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        // The whole list, not only the page on screen: the API answers at most MaxPageSize items a page.
        for (long page = 1, pages = 1; page <= pages; page++)
        {
            var read = await api.GetAsync<Page<TItem>>($"{apiPath}{separator}page={page}&pageSize={Paging.MaxPageSize}", cancellation: context.RequestAborted);
            if (read.Status == StatusCodes.Status401Unauthorized)
                return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            if (read.Value is not { } answered) return Results.Redirect(pagePath);
            items.AddRange(answered.Items);
            pages = answered.PageCount;
        }

        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await TableExport.FileAsync(table(items), format, $"{fileName}-{day}", context.RequestAborted);
    }

    /// <summary>The <paramref name="filters"/> set in a query (a page's or a download link's), as "a=1&amp;b=2", or "".</summary>
    public static string FilterQuery(IEnumerable<string> filters, Func<string, string?> value) => string.Join("&", filters
        .Select(name => (name, value: value(name)))
        .Where(f => !string.IsNullOrWhiteSpace(f.value))
        .Select(f => $"{f.name}={Uri.EscapeDataString(f.value!)}"));
}
