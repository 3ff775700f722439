using System.Globalization;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Dashboards;

/// <summary>
/// How a dashboard's table becomes a download: the dashboard's figures read through the API as the signed-in user, one of its
/// tables written through the UI's one export path (<see cref="TableExport"/>), named after the dashboard, the table and the day.
/// </summary>
public static class DashboardExport
{
    /// <summary>
    /// The table <paramref name="table"/> makes of what <paramref name="apiPath"/> answers, as a file, or a redirect: to sign in
    /// again, or to the dashboard (<paramref name="pagePath"/>), which explains anything else (not found, not allowed, unreachable).
    /// </summary>
    public static async Task<IResult> FileAsync<TView>(
        HttpContext context, FachwerkApiClient api, TimeProvider clock, string apiPath, string pagePath, string fileName, ExportFormat format,
        Func<TView, ExportTable> table)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(table);
        var read = await api.GetAsync<TView>(apiPath, cancellation: context.RequestAborted);
        if (read.Status == StatusCodes.Status401Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        if (read.Value is not { } view) return Results.Redirect(pagePath);

        var day = Localization.Formats.InBerlin(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await TableExport.FileAsync(table(view), format, $"{fileName}-{day}", context.RequestAborted);
    }
}
