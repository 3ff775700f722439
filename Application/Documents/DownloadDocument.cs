using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Documents;

public static class DownloadDocumentEndpoint
{
    /// <summary>Whoever reads the application, external experts included (those assigned to it).</summary>
    public static Task Before(ApplicationDetails application, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation) =>
        ExternalExpertAccess.EnsureMayReadAsync(user, application, session, cancellation);

    /// <summary>
    /// Downloads a document of the application, by its id or its SHA-256: read by whoever reads the application. Answered as an
    /// attachment with the file name it was uploaded under and the media type found in its content.
    /// </summary>
    [Authorize(Roles = Roles.AssignedApplicationReaders)]
    [WolverineGet("/api/applications/{id}/documents/{document}")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        [Document] ApplicationDetails application, string document, HttpContext http, DocumentContent content, ILogger<DocumentContent> logger,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(content);
        var found = Guid.TryParse(document, out var documentId)
            ? application.Documents.FirstOrDefault(d => d.DocumentId == documentId)
            : application.Documents.FirstOrDefault(d => d.Sha256.Equals(document, StringComparison.OrdinalIgnoreCase));
        if (found is null) return DocumentProblems.UnknownDocument(document).AsResult();
        if (!await content.ExistsAsync(found.Sha256, cancellation))
        {
            logger.LogError("The content {Sha256} of document {DocumentId} of application {ApplicationId} is missing", found.Sha256, found.DocumentId,
                application.Id);
            return DocumentProblems.ContentMissing(found.Sha256).AsResult();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.ContentLength = found.Size;
        return Results.Stream(body => content.CopyToAsync(found.Sha256, body, cancellation), found.MediaType, found.FileName);
    }
}
