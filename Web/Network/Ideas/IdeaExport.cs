using Fachwerk.Application.Network.Ideas;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Network.Ideas;

/// <summary>The list of project ideas as CSV or XLSX (<c>/project-ideas/list.csv?status=Open</c>), with the page's filters and columns.</summary>
public static class IdeaExport
{
    public static void MapIdeaExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapListExport<ProjectIdeaDetails>(IdeaTables.ExportPath, "/api/project-ideas", IdeaTables.PagePath, IdeaTables.Filters, "ideas.file",
            (ideas, text, _) => IdeaTables.Export(ideas, text));
}
