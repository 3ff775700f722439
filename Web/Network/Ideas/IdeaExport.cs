using Fachwerk.Application.Network.Ideas;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Ideas;

/// <summary>The list of project ideas as CSV or XLSX (<c>/project-ideas/list.csv?status=Open</c>), with the page's filters and columns.</summary>
public static class IdeaExport
{
    public static void MapIdeaExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(IdeaTables.ExportPath + ".{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
        var filters = NetworkListExport.FilterQuery(IdeaTables.Filters, name => context.Request.Query[name].ToString());
        return await NetworkListExport.FileAsync<ProjectIdeaDetails>(context, api, clock, $"/api/project-ideas?{filters}",
            $"{IdeaTables.PagePath}?{filters}", text["ideas.file"], exportFormat, ideas => IdeaTables.Export(ideas, text));
    }
}
