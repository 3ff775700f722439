using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Recommendations;

/// <summary>The list of recommendations as CSV or XLSX (<c>/recommendations/list.csv?allianceId=…</c>), with the page's filters and columns.</summary>
public static class RecommendationExport
{
    public static void MapRecommendationExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(RecommendationTables.ExportPath + ".{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
        var filters = NetworkListExport.FilterQuery(RecommendationTables.Filters, name => context.Request.Query[name].ToString());
        return await NetworkListExport.FileAsync<RecommendationDetails>(context, api, clock, $"/api/recommendations?{filters}",
            $"{RecommendationTables.PagePath}?{filters}", text["recommendations.file"], exportFormat, recommendations => RecommendationTables.Export(recommendations, text));
    }
}
