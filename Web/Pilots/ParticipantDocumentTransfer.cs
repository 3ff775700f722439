using Fachwerk.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Fachwerk.Web.Pilots;

/// <summary>
/// A pilot participant's documents in the browser, through the same streamed pass-through as an application's
/// (<see cref="UploadPassThrough"/>): the upload goes on to <c>POST /api/pilots/{id}/participants/{pid}/documents</c> as the
/// signed-in user, a download is the API's answer passed on (410 once the participant's personal data were erased).
/// </summary>
public static class ParticipantDocumentTransfer
{
    /// <summary>The upload form's fields besides the token and the file (which comes last).</summary>
    public const string VersionField = "expectedVersion", KindField = "kind";

    public static string ParticipantPath(Guid pilot, Guid participant) => $"/pilots/{pilot}/participants/{participant}";

    public static string UploadPath(Guid pilot, Guid participant) => ParticipantPath(pilot, participant) + "/documents";

    public static string DownloadPath(Guid pilot, Guid participant, Guid document) => $"{UploadPath(pilot, participant)}/{document}";

    public static void MapParticipantDocumentTransfer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pilots/{id:guid}/participants/{participant:guid}/documents/{document:guid}", DownloadAsync).ExcludeFromDescription();
        // Antiforgery is checked by the pass-through with the form's token read from the stream.
        endpoints.MapPost("/pilots/{id:guid}/participants/{participant:guid}/documents", UploadAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static Task DownloadAsync(Guid id, Guid participant, Guid document, HttpContext context, FachwerkApiClient api) =>
        UploadPassThrough.DownloadAsync(context, api, $"/api/pilots/{id}/participants/{participant}/documents/{document}",
            DownloadPath(id, participant, document));

    private static Task<IResult> UploadAsync(Guid id, Guid participant, HttpContext context, FachwerkApiClient api, IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions) =>
        UploadPassThrough.SendAsync(context, api, antiforgery, antiforgeryOptions.Value, $"/api/pilots/{id}/participants/{participant}/documents",
            ParticipantPath(id, participant), "documents-heading", (fields, upload) =>
            {
                upload.Add(new StringContent(fields.GetValueOrDefault(VersionField, "")), VersionField);
                upload.Add(new StringContent(fields.GetValueOrDefault(KindField, "")), KindField);
            });
}
