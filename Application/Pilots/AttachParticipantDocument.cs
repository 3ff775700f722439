using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Pilots;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Fachwerk.Application.Pilots;

/// <summary>The form fields of a participant's document upload (<c>multipart/form-data</c>), beside the part <c>file</c>.</summary>
/// <param name="Kind">What the document is.</param>
public sealed record AttachParticipantDocument(long ExpectedVersion, ParticipantDocumentKind Kind) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public static class AttachParticipantDocumentEndpoint
{
    /// <summary>
    /// Uploads a document of a participant (a certificate, a recognition notice, a permit, a contract, a CV), as
    /// <c>multipart/form-data</c>: the part <c>file</c> and the fields <c>expectedVersion</c> (the pilot's) and <c>kind</c>
    /// (<c>qualification</c>, <c>recognition</c>, <c>residencePermit</c>, <c>employmentContract</c>, <c>curriculumVitae</c>,
    /// <c>other</c>). Same types and limits as the documents of applications (415, 413). The file and its name are sealed with the
    /// participant's own key, so erasing their personal data makes the document unreadable too. Refused for an erased participant
    /// (409 <c>pilot.participant-erased</c>). Answers 201 with the pilot's new version and the document's id.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants/{participantId}/documents")]
    [ProducesResponseType<PilotItemAdded>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public static async Task<IResult> Post(
        Guid pilotId, Guid participantId, HttpContext http, IDocumentStore store, DocumentContent content, PersonalDataVault vault,
        IOptions<DocumentOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(options);
        if (UploadForm.BoundaryOf(http.Request) is not { } boundary) return DocumentProblems.NotMultipart(http.Request.ContentType).AsResult();

        // Who may upload, and for whom, is known before a byte is read: nothing is stored for a stranger, an unknown or an erased person.
        http.User.EnsureActsForPilot(pilotId);
        var documentId = Guid.CreateVersion7(clock.GetUtcNow());
        PersonalDocumentKey? key;
        await using (var query = store.QuerySession())
        {
            if (await query.Events.AggregateStreamAsync<Pilot>(pilotId, token: cancellation) is not { } current)
                return Problems.NotFound($"There is no pilot project {pilotId}.").AsResult();
            PilotDecider.EnsureMayAttachDocument(current, participantId);
            key = await vault.DocumentKeyAsync(query, participantId, documentId, cancellation);
        }

        using var documentKey = key;
        var form = new UploadForm();
        var attached = false;
        try
        {
            if (documentKey is null) throw new Domain.Common.RuleViolation("pilot.participant-erased",
                $"The key of participant {participantId} no longer exists; nothing can be sealed for them.");
            if (await form.ReadAsync(http, boundary, content, options.Value.MaxBytes, cancellation, documentKey.Seal) is { } refused) return refused;
            var version = form.ExpectedVersion();
            var kind = form.Kind(Enum.GetValues<ParticipantDocumentKind>());
            var file = form.FileName();
            if (form.Errors.Count > 0) return Problems.Validation(form.Errors).AsResult();
            var staged = form.Staged!;
            if (staged.MediaType is not { } mediaType) return DocumentProblems.TypeNotAccepted().AsResult();
            var command = new AttachParticipantDocument(version!.Value, kind!.Value);

            await using var session = store.LightweightSession();
            CommandMetadata.Record(command, http, session);
            var stream = await session.Events.FetchForWriting<Pilot>(pilotId, cancellation);
            if (stream.Aggregate is not { } pilot) return Problems.NotFound($"There is no pilot project {pilotId}.").AsResult();
            if (ExpectedVersion.Check(stream, command, http) is var check && check is not WolverineContinue) return check;

            var fileName = await vault.SealAgainAsync(session, participantId, new ParticipantDocumentName(file!), cancellation);
            var attachedEvent = PilotDecider.AttachParticipantDocument(pilot, participantId, documentId, fileName, mediaType, staged.Size, staged.Sha256,
                command.Kind, http.User.Stamp(clock));
            stream.AppendOne(attachedEvent);
            content.Promote(session, staged);
            await session.SaveChangesAsync(cancellation);
            attached = true;

            var url = $"{PilotUrls.Participant(pilotId, participantId)}/documents/{documentId}";
            return Results.Created(url, new PilotItemAdded(pilotId, command.ExpectedVersion + 1, documentId, url));
        }
        finally
        {
            if (form.Staged is { } staged && !attached) await content.DiscardAsync(staged.UploadId);
        }
    }
}
