using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Application.Privacy;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Wolverine.Http;

namespace Fachwerk.Application.Pilots;

public static class DownloadParticipantDocumentEndpoint
{
    public const string ErasedCode = "pilot.participant-erased";

    public static void Before(Guid pilotId, ClaimsPrincipal user) =>
        user.EnsureActsForPilot(pilotId, withoutBinding: PilotRoles.PersonalDataReadersWithoutBinding);

    /// <summary>
    /// Downloads a participant's document, opened with the participant's key: read by whoever reads their personal data. Once the
    /// personal data are erased the document cannot be opened by anyone: 410 Gone (<c>pilot.participant-erased</c>).
    /// </summary>
    [Authorize(Roles = PilotRoles.PersonalDataReaders)]
    [WolverineGet("/api/pilots/{pilotId}/participants/{participantId}/documents/{documentId}")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, "application/problem+json")]
    public static async Task<IResult> Get(
        Guid pilotId, Guid participantId, Guid documentId, HttpContext http, IQuerySession session, PersonalDataVault vault, DocumentContent content,
        ILogger<DocumentContent> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(content);
        var record = await session.LoadAsync<ParticipantRecord>(participantId, cancellation);
        if (record is null || record.PilotId != pilotId)
            return Problems.NotFound($"There is no participant {participantId} in pilot {pilotId}.").AsResult();
        if (record.Documents.FirstOrDefault(d => d.DocumentId == documentId) is not { } document)
            return Problems.UnknownEntity("pilot.unknown-document", $"Participant {participantId} has no document {documentId}.").AsResult();

        var key = record.Erasure is null ? await vault.DocumentKeyAsync(session, participantId, documentId, cancellation) : null;
        var name = (await vault.OpenEachAsync<ParticipantDocumentName>(session, [document.FileName], cancellation))[0];
        if (key is null || name is null)
        {
            key?.Dispose();
            return Problems.Create(StatusCodes.Status410Gone, ErasedCode, "The participant's personal data were erased.",
                $"The document {documentId} was sealed with the key of participant {participantId}, which was destroyed when their personal data " +
                "were erased; nobody can read it any more. Its sealed bytes and their hash stay for the audit trail.").AsResult();
        }

        if (!await content.ExistsAsync(document.Sha256, cancellation))
        {
            key.Dispose();
            logger.LogError("The content {Sha256} of document {DocumentId} of participant {ParticipantId} is missing", document.Sha256, documentId, participantId);
            return DocumentProblems.ContentMissing(document.Sha256).AsResult();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.ContentLength = document.Size;
        return Results.Stream(async body =>
        {
            using (key) await content.CopyToAsync(document.Sha256, body, cancellation, key.Open);
        }, document.MediaType, name.FileName);
    }
}
