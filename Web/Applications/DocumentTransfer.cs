using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Fachwerk.Web.Applications;

/// <summary>
/// The application page's uploads and downloads of documents (ADR 0089), passed through to the API as the signed-in user and
/// streamed both ways: the browser's upload form is read part by part and its file sent on to
/// <c>POST /api/applications/{id}/documents</c> while it arrives; a download is the API's answer, headers and bytes, passed on.
/// </summary>
public static class DocumentTransfer
{
    /// <summary>The query parameter that brings the outcome of an upload back to the page: <c>done</c>, or the API's problem code.</summary>
    public const string OutcomeParameter = "upload";
    public const string Done = "done";

    /// <summary>The form's fields, in the order the form sends them: the file comes last, so the others are known before it streams.</summary>
    public const string TokenField = "__RequestVerificationToken", VersionField = "expectedVersion", KindField = "kind", AnswersField = "answers",
        FileField = "file";

    public static string UploadPath(Guid application) => $"/applications/{application}/documents";

    public static string DownloadPath(Guid application, Guid document) => $"/applications/{application}/documents/{document}";

    public static void MapDocumentTransfer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/applications/{id:guid}/documents/{document:guid}", DownloadAsync).ExcludeFromDescription();
        // Antiforgery is checked by the endpoint itself with the form's token read from the stream, not by reading the whole form first.
        endpoints.MapPost("/applications/{id:guid}/documents", UploadAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task DownloadAsync(Guid id, Guid document, HttpContext context, FachwerkApiClient api)
    {
        using var answer = await api.OpenAsync($"/api/applications/{id}/documents/{document}", context.RequestAborted);
        if (answer.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            context.Response.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(DownloadPath(id, document)));
            return;
        }

        await ApiDownload.PassOnAsync(answer, context.Response, context.RequestAborted);
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpContext context, FachwerkApiClient api, IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions)
    {
        var cancellation = context.RequestAborted;
        var back = $"/applications/{id}";
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return Back(back, Problems.UnsupportedMediaTypeCode);

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, context.Request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) break;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name != FileField)
                {
                    using var text = new StreamReader(section.Body);
                    fields[name] = await text.ReadToEndAsync(cancellation);
                    if (fields[name].Length > CommonRules.ReasonLength) return Back(back, Problems.BadRequestCode);
                    continue;
                }

                // The token was sent before the file: checked as if it had come in the header, so the form is never read whole.
                context.Request.Headers[antiforgeryOptions.Value.HeaderName ?? "RequestVerificationToken"] = fields.GetValueOrDefault(TokenField, "");
                if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();

                var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value ?? "";
                if (fileName.Length == 0) return Back(back, "no-file");
                using var upload = new MultipartFormDataContent();
                upload.Add(new StringContent(fields.GetValueOrDefault(VersionField, "")), VersionField);
                upload.Add(new StringContent(fields.GetValueOrDefault(KindField, "")), KindField);
                if (fields.GetValueOrDefault(AnswersField) is { Length: > 0 } answers && answers.Split(':') is [var number, var item])
                {
                    upload.Add(new StringContent(number), "requestNumber");
                    upload.Add(new StringContent(item), "requestItem");
                }

                var file = new StreamContent(section.Body);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                upload.Add(file, FileField, fileName);
                var result = await api.SendContentAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{id}/documents", upload, cancellation: cancellation);
                if (result.Status == StatusCodes.Status401Unauthorized) return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(back));
                return Back(back, result.IsSuccess ? Done : result.Problem?.Code ?? Problems.InternalCode);
            }
        }
        catch (IOException)
        {
            return Back(back, Problems.BadRequestCode);
        }

        return Back(back, "no-file");
    }

    private static IResult Back(string page, string outcome) =>
        Results.Redirect($"{page}?{OutcomeParameter}={Uri.EscapeDataString(outcome)}#documents-heading");
}
