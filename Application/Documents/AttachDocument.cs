using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Fachwerk.Application.Documents;

/// <summary>
/// The form fields of an upload (<c>multipart/form-data</c>), beside the part <c>file</c> that carries the file.
/// </summary>
/// <param name="Kind">What the document is.</param>
/// <param name="RequestNumber">The open document request the upload answers, if any (with <paramref name="RequestItem"/>).</param>
/// <param name="RequestItem">The item of that request it answers, from 1.</param>
public sealed record AttachDocument(long ExpectedVersion, DocumentKind Kind, int? RequestNumber, int? RequestItem, string? Reason = null)
    : IChangeCommand;

public static partial class AttachDocumentEndpoint
{
    /// <summary>The kinds a client may upload: every kind but the authority's letters (decision letter, change notice), which only the letter handlers attach.</summary>
    public static readonly IReadOnlyList<DocumentKind> UploadKinds =
        [.. Enum.GetValues<DocumentKind>().Where(k => k is not (DocumentKind.DecisionLetter or DocumentKind.ChangeNotice))];

    /// <summary>Whether a request is an upload (the API's to an application or a pilot participant, or the UI's that passes one on), whose body may be larger than other requests'.</summary>
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request?.Method ?? "") && UploadPath().IsMatch(request!.Path.Value ?? "");

    [GeneratedRegex("^((/api)?/applications/[^/]+|/api/pilots/[^/]+/participants/[^/]+)/documents/?$", RegexOptions.IgnoreCase)]
    private static partial Regex UploadPath();

    /// <summary>
    /// Uploads a document to the application, as <c>multipart/form-data</c>: the part <c>file</c> (the file, with its name), and the
    /// fields <c>expectedVersion</c>, <c>kind</c> (<c>form</c>, <c>statutes</c>, <c>financingPlan</c>, <c>receipt</c>,
    /// <c>correspondence</c>, <c>other</c>), optionally <c>requestNumber</c> and <c>requestItem</c> (the item of the open document
    /// request it answers; answering its last open item supplies the request) and <c>reason</c>. The type is found in the content:
    /// PDF, PNG, JPEG, plain UTF-8 text, OpenDocument and Office Open XML documents (else 415); at most 25 MB by default (else 413).
    /// Answers 201 with the application's new version and the document's id (<c>created.key</c>); the document is read at
    /// <c>Location</c>.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/documents")]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public static async Task<IResult> Post(
        Guid applicationId, HttpContext http, IDocumentStore store, DocumentContent content, IOptions<DocumentOptions> options, TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (UploadForm.BoundaryOf(http.Request) is not { } boundary) return DocumentProblems.NotMultipart(http.Request.ContentType).AsResult();

        // Who may upload is known before a byte is read: an unknown application or a stranger's stores nothing.
        await using (var query = store.QuerySession())
        {
            if (await query.Events.AggregateStreamAsync<FundingApplication>(applicationId, token: cancellation) is not { } current)
                return DocumentProblems.UnknownApplication(applicationId).AsResult();
            http.User.EnsureActsForOrganisation(current.ApplicantId);
        }

        var form = new UploadForm();
        var attached = false;
        try
        {
            if (await form.ReadAsync(http, boundary, content, options.Value.MaxBytes, cancellation) is { } refused) return refused;
            var command = Read(form);
            var file = form.FileName();
            if (form.Errors.Count > 0) return Problems.Validation(form.Errors).AsResult();
            var staged = form.Staged!;
            if (staged.MediaType is not { } mediaType) return DocumentProblems.TypeNotAccepted().AsResult();

            await using var session = store.LightweightSession();
            CommandMetadata.Record(command!, http, session);
            var stream = await session.Events.FetchForWriting<FundingApplication>(applicationId, cancellation);
            if (stream.Aggregate is not { } application) return DocumentProblems.UnknownApplication(applicationId).AsResult();
            http.User.EnsureActsForOrganisation(application.ApplicantId);
            if (ExpectedVersion.Check(stream, command!, http) is var check && check is not WolverineContinue) return check;

            var document = new StoredDocument(Guid.CreateVersion7(clock.GetUtcNow()), file!, mediaType, staged.Size, staged.Sha256);
            var events = ApplicationDecider.AttachDocument(application, document, command!.Kind, command.RequestNumber, command.RequestItem,
                http.User.Stamp(clock));
            stream.AppendMany(events);
            content.Promote(session, staged);
            await session.SaveChangesAsync(cancellation);
            attached = true;

            var accepted = CommandAccepted.After(applicationId, command, [.. events]).Creating("document", document.DocumentId);
            return Results.Created($"/api/applications/{applicationId}/documents/{document.DocumentId}", accepted);
        }
        finally
        {
            if (form.Staged is { } staged && !attached) await content.DiscardAsync(staged.UploadId);
        }
    }

    /// <summary>The command the form fields make, with what breaks the rules added to the form's errors by field name.</summary>
    private static AttachDocument? Read(UploadForm form)
    {
        var expectedVersion = form.ExpectedVersion();
        var kind = form.Kind(UploadKinds);
        var requestNumber = Positive(form, "requestNumber");
        var requestItem = Positive(form, "requestItem");
        if (requestNumber is null != requestItem is null && !form.Errors.ContainsKey("requestNumber") && !form.Errors.ContainsKey("requestItem"))
            form.Errors[requestNumber is null ? "requestNumber" : "requestItem"] = ["Name both the request's number and the item the upload answers, or neither."];

        var reason = form.Field("reason");
        if (reason is not null && InputRules.TextProblem(reason, multiLine: true) is { } problem) form.Errors["reason"] = [problem];

        return expectedVersion is { } e && kind is { } d ? new AttachDocument(e, d, requestNumber, requestItem, reason) : null;
    }

    private static int? Positive(UploadForm form, string name)
    {
        if (form.Field(name) is not { Length: > 0 } text) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1) return number;
        form.Errors[name] = ["A whole number from 1."];
        return null;
    }
}
