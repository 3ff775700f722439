using Fachwerk.Application.Network.Recommendations;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Network.Recommendations;

/// <summary>The list of recommendations as CSV or XLSX (<c>/recommendations/list.csv?allianceId=…</c>), with the page's filters and columns.</summary>
public static class RecommendationExport
{
    public static void MapRecommendationExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapListExport<RecommendationDetails>(RecommendationTables.ExportPath, "/api/recommendations", RecommendationTables.PagePath,
            RecommendationTables.Filters, "recommendations.file", (recommendations, text, _) => RecommendationTables.Export(recommendations, text));
}
