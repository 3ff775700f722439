using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
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
    public const string FileField = "file";

    /// <summary>The kinds a client may upload: every kind but the authority's decision letter, which only the letter handler attaches.</summary>
    public static readonly IReadOnlyList<DocumentKind> UploadKinds = [.. Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.DecisionLetter)];
    public const int FileNameLength = 255;
    private const int FieldLength = CommonRules.ReasonLength;

    /// <summary>Whether a request is an upload (the API's, or the UI's that passes it on), whose body may be larger than other requests'.</summary>
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request?.Method ?? "") && UploadPath().IsMatch(request!.Path.Value ?? "");

    [GeneratedRegex("^(/api)?/applications/[^/]+/documents/?$", RegexOptions.IgnoreCase)]
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
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return DocumentProblems.NotMultipart(http.Request.ContentType).AsResult();

        // Who may upload is known before a byte is read: an unknown application or a stranger's stores nothing.
        await using (var query = store.QuerySession())
        {
            if (await query.Events.AggregateStreamAsync<FundingApplication>(applicationId, token: cancellation) is not { } current)
                return DocumentProblems.UnknownApplication(applicationId).AsResult();
            http.User.EnsureActsForOrganisation(current.ApplicantId);
        }

        var maxBytes = options.Value.MaxBytes;
        StagedUpload? staged = null;
        var attached = false;
        try
        {
            string? fileName = null;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>();
            try
            {
                var reader = new MultipartReader(boundary, http.Request.Body);
                while (await reader.ReadNextSectionAsync(cancellation) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) 
                        || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                        return DocumentProblems.Unreadable().AsResult();
                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    if (name == FileField)
                    {
                        if (staged is not null) errors[FileField] = ["Send one file per upload."];
                        fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value;
                        staged ??= await content.StageAsync(section.Body, maxBytes, cancellation);
                        await section.Body.DrainAsync(cancellation);
                    }
                    else if (await FieldAsync(section.Body, cancellation) is { } value) fields[name] = value;
                    else errors[name] = [$"At most {FieldLength} characters."];
                }
            }
            catch (DocumentTooLarge)
            {
                http.Response.Headers.Connection = "close"; // the unread rest of the body would be taken for the next request
                return Problems.TooLarge(maxBytes).AsResult();
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                http.Response.Headers.Connection = "close";
                return Problems.TooLarge(maxBytes).AsResult();
            }
            catch (Exception unreadable) when (unreadable is IOException or InvalidDataException or BadHttpRequestException)
            {
                return DocumentProblems.Unreadable().AsResult();
            }

            var command = Read(fields, errors);
            var file = FileNameOf(fileName, staged, errors);
            if (errors.Count > 0) return Problems.Validation(errors).AsResult();
            if (staged!.MediaType is not { } mediaType) return DocumentProblems.TypeNotAccepted().AsResult();

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
            if (staged is not null && !attached) await content.DiscardAsync(staged.UploadId);
        }
    }

    /// <summary>The command the form fields make, with what breaks the rules added to <paramref name="errors"/> by field name.</summary>
    private static AttachDocument? Read(Dictionary<string, string> fields, Dictionary<string, string[]> errors)
    {
        long? expectedVersion = fields.TryGetValue("expectedVersion", out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
        if (expectedVersion is null) errors["expectedVersion"] = ["The application's version the upload is based on (a whole number) is required."];

        DocumentKind? kind = fields.TryGetValue("kind", out var k) && !k.Any(char.IsDigit) && Enum.TryParse<DocumentKind>(k, ignoreCase: true, out var parsed)
            && UploadKinds.Contains(parsed)
            ? parsed
            : null;
        if (kind is null)
            errors["kind"] = [$"One of {string.Join(", ", UploadKinds.Select(n => n.ToString()).Select(n => char.ToLowerInvariant(n[0]) + n[1..]))} is required."];

        var requestNumber = Positive(fields, "requestNumber", errors);
        var requestItem = Positive(fields, "requestItem", errors);
        if (requestNumber is null != requestItem is null && !errors.ContainsKey("requestNumber") && !errors.ContainsKey("requestItem"))
            errors[requestNumber is null ? "requestNumber" : "requestItem"] = ["Name both the request's number and the item the upload answers, or neither."];

        var reason = fields.GetValueOrDefault("reason");
        if (reason is not null && InputRules.TextProblem(reason, multiLine: true) is { } problem) errors["reason"] = [problem];

        return expectedVersion is { } e && kind is { } d ? new AttachDocument(e, d, requestNumber, requestItem, reason) : null;
    }

    private static int? Positive(Dictionary<string, string> fields, string name, Dictionary<string, string[]> errors)
    {
        if (!fields.TryGetValue(name, out var text) || text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1) return number;
        errors[name] = ["A whole number from 1."];
        return null;
    }

    /// <summary>The file's name as stored: its last path segment (some browsers send the whole path), without control characters, not too long.</summary>
    private static string? FileNameOf(string? sent, StagedUpload? staged, Dictionary<string, string[]> errors)
    {
        if (staged is null)
        {
            errors[FileField] = ["Attach one file in the form part 'file'."];
            return null;
        }

        var name = (sent ?? "").Split('/', '\\')[^1].Trim();
        string? problem = staged.Size == 0 ? "The file is empty."
            : name.Length == 0 ? "The file needs a name."
            : name.Length > FileNameLength ? $"The file name is longer than {FileNameLength} characters."
            : InputRules.TextProblem(name) is { } text ? $"The file name: {text}"
            : null;
        if (problem is not null) errors[FileField] = [problem];
        return name;
    }

    /// <summary>A form field's value, or null when it is longer than a field may be.</summary>
    private static async Task<string?> FieldAsync(Stream body, CancellationToken cancellation)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[FieldLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellation)) > 0) length += read;
        if (length > FieldLength) return null;
        return new string(buffer, 0, length);
    }
}
