using Fachwerk.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Audit;

/// <summary>
/// The auditor's downloads: the case file (a zip) and the chain digest (JSON), read from the API as the signed-in user and
/// passed on to the browser unchanged, with the API's file name. A refusal shows the page the link was on, which explains it.
/// </summary>
public static class AuditDownloads
{
    public static void MapAuditDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit/applications/{id:guid}/case-file.zip", (Guid id, HttpContext context, FachwerkApiClient api) =>
            PassOnAsync(context, api, $"/api/audit/applications/{id}/case-file", AuditPaths.Timeline(id))).ExcludeFromDescription();
        endpoints.MapGet(AuditPaths.Digest, (HttpContext context, FachwerkApiClient api) =>
            PassOnAsync(context, api, "/api/audit/chains/digest", AuditPaths.Integrity)).ExcludeFromDescription();
    }

    private static async Task<IResult> PassOnAsync(HttpContext context, FachwerkApiClient api, string url, string page)
    {
        using var response = await api.OpenAsync(url, context.RequestAborted);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path));
        if (!response.IsSuccessStatusCode) return Results.Redirect(page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "download=failed");

        await ApiDownload.PassOnAsync(response, context.Response, context.RequestAborted);
        return Results.Empty;
    }
}
