using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fachwerk.Web.Api;

/// <summary>
/// A browser's upload form passed through to an API upload endpoint as the signed-in user, streamed (ADR 0089): the form is
/// read part by part, its fields before the file, and the file sent on while it arrives. Used by every upload of the UI
/// (an application's documents, a pilot participant's documents); each says which of the form's fields the API gets.
/// </summary>
public static class UploadPassThrough
{
    /// <summary>The query parameter that brings the outcome of an upload back to the page: <see cref="Done"/>, or the API's problem code.</summary>
    public const string OutcomeParameter = "upload";
    public const string Done = "done";

    /// <summary>The antiforgery token's and the file's fields; the file comes last, so the other fields are known before it streams.</summary>
    public const string TokenField = "__RequestVerificationToken", FileField = "file";

    /// <summary>
    /// Reads the upload form of <paramref name="context"/> and sends its file with the fields <paramref name="addFields"/> adds
    /// to <paramref name="apiUrl"/>; answers a redirect to <paramref name="back"/> with the outcome (<see cref="OutcomeParameter"/>)
    /// and the <paramref name="anchor"/>.
    /// </summary>
    public static async Task<IResult> SendAsync(HttpContext context, FachwerkApiClient api, IAntiforgery antiforgery, AntiforgeryOptions antiforgeryOptions,
        string apiUrl, string back, string anchor, Action<IReadOnlyDictionary<string, string>, MultipartFormDataContent> addFields)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(antiforgeryOptions);
        ArgumentNullException.ThrowIfNull(addFields);
        var cancellation = context.RequestAborted;
        IResult Back(string outcome) => Results.Redirect($"{back}?{OutcomeParameter}={Uri.EscapeDataString(outcome)}#{anchor}");

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return Back(Problems.UnsupportedMediaTypeCode);

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
                    if (fields[name].Length > CommonRules.ReasonLength) return Back(Problems.BadRequestCode);
                    continue;
                }

                // The token was sent before the file: checked as if it had come in the header, so the form is never read whole.
                context.Request.Headers[antiforgeryOptions.HeaderName ?? "RequestVerificationToken"] = fields.GetValueOrDefault(TokenField, "");
                if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();

                var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value ?? "";
                if (fileName.Length == 0) return Back("no-file");
                using var upload = new MultipartFormDataContent();
                addFields(fields, upload);
                var file = new StreamContent(section.Body);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                upload.Add(file, FileField, fileName);
                var result = await api.SendContentAsync<CommandAccepted>(HttpMethod.Post, apiUrl, upload, cancellation: cancellation);
                if (result.Status == StatusCodes.Status401Unauthorized) return Results.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(back));
                return Back(result.IsSuccess ? Done : result.Problem?.Code ?? Problems.InternalCode);
            }
        }
        catch (IOException)
        {
            return Back(Problems.BadRequestCode);
        }

        return Back("no-file");
    }

    /// <summary>A file the API holds, passed on to the browser as it comes; an expired session signs in again and returns to <paramref name="returnUrl"/>.</summary>
    public static async Task DownloadAsync(HttpContext context, FachwerkApiClient api, string apiUrl, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(api);
        using var answer = await api.OpenAsync(apiUrl, context.RequestAborted);
        if (answer.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            context.Response.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return;
        }

        await ApiDownload.PassOnAsync(answer, context.Response, context.RequestAborted);
    }
}
