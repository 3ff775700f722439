using Fachwerk.Application.Network.Cooperation;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Network.Cooperation;

/// <summary>The list of cooperation agreements as CSV or XLSX (<c>/cooperation-agreements/list.csv?inForceOn=…</c>), with the page's filters and columns.</summary>
public static class AgreementExport
{
    public static void MapAgreementExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapListExport<CooperationAgreementDetails>(AgreementTables.ExportPath, "/api/cooperation-agreements", AgreementTables.PagePath,
            AgreementTables.Filters, "agreements.file", AgreementTables.Export);
}
