using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Cooperation;

/// <summary>The list of cooperation agreements as CSV or XLSX (<c>/cooperation-agreements/list.csv?inForceOn=…</c>), with the page's filters and columns.</summary>
public static class AgreementExport
{
    public static void MapAgreementExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AgreementTables.ExportPath + ".{format}", ExportAsync).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string format, HttpContext context, FachwerkApiClient api, IStringLocalizer<Text> text, TimeProvider clock)
    {
        if (TableExport.Parse(format) is not { } exportFormat) return Results.NotFound();
        var filters = NetworkListExport.FilterQuery(AgreementTables.Filters, name => context.Request.Query[name].ToString());
        var today = DateOnly.FromDateTime(Localization.Formats.InBerlin(clock.GetUtcNow()).DateTime);
        return await NetworkListExport.FileAsync<CooperationAgreementDetails>(context, api, clock, $"/api/cooperation-agreements?{filters}",
            $"{AgreementTables.PagePath}?{filters}", text["agreements.file"], exportFormat, agreements => AgreementTables.Export(agreements, text, today));
    }
}
