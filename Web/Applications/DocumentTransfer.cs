using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Fachwerk.Web.Applications;

/// <summary>
/// The application page's uploads and downloads of documents (ADR 0089), passed through to the API as the signed-in user and
/// streamed both ways: the browser's upload form is read part by part and its file sent on to
/// <c>POST /api/applications/{id}/documents</c> while it arrives (<see cref="UploadPassThrough"/>); a download is the API's answer,
/// headers and bytes, passed on.
/// </summary>
public static class DocumentTransfer
{
    /// <summary>The query parameter that brings the outcome of an upload back to the page: <c>done</c>, or the API's problem code.</summary>
    public const string OutcomeParameter = UploadPassThrough.OutcomeParameter;
    public const string Done = UploadPassThrough.Done;

    /// <summary>The form's fields, in the order the form sends them: the file comes last, so the others are known before it streams.</summary>
    public const string TokenField = UploadPassThrough.TokenField, VersionField = "expectedVersion", KindField = "kind", AnswersField = "answers",
        FileField = UploadPassThrough.FileField;

    public static string UploadPath(Guid application) => $"/applications/{application}/documents";

    public static string DownloadPath(Guid application, Guid document) => $"/applications/{application}/documents/{document}";

    public static void MapDocumentTransfer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/applications/{id:guid}/documents/{document:guid}", DownloadAsync).ExcludeFromDescription();
        // Antiforgery is checked by the endpoint itself with the form's token read from the stream, not by reading the whole form first.
        endpoints.MapPost("/applications/{id:guid}/documents", UploadAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static Task DownloadAsync(Guid id, Guid document, HttpContext context, FachwerkApiClient api) =>
        UploadPassThrough.DownloadAsync(context, api, $"/api/applications/{id}/documents/{document}", DownloadPath(id, document));

    private static Task<IResult> UploadAsync(Guid id, HttpContext context, FachwerkApiClient api, IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions) =>
        UploadPassThrough.SendAsync(context, api, antiforgery, antiforgeryOptions.Value, $"/api/applications/{id}/documents", $"/applications/{id}",
            "documents-heading", (fields, upload) =>
            {
                upload.Add(new StringContent(fields.GetValueOrDefault(VersionField, "")), VersionField);
                upload.Add(new StringContent(fields.GetValueOrDefault(KindField, "")), KindField);
                if (fields.GetValueOrDefault(AnswersField) is { Length: > 0 } answers && answers.Split(':') is [var number, var item])
                {
                    upload.Add(new StringContent(number), "requestNumber");
                    upload.Add(new StringContent(item), "requestItem");
                }
            });
}
