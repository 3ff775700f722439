using Fachwerk.Application.Network.Actors;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Network.Actors;

/// <summary>The list of network actors as CSV or XLSX (<c>/network-actors/list.csv?kind=…</c>), with the page's filters and columns.</summary>
public static class ActorExport
{
    public static void MapActorExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapListExport<NetworkActorSummary>(ActorTables.ExportPath, "/api/network-actors", ActorTables.PagePath, ActorTables.Filters, "actors.file",
            (actors, text, _) => ActorTables.Export(actors, text));
}
