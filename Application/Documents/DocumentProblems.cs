using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.Application.Documents;

/// <summary>The refusals of uploads and downloads, in the API's problem format (Problems).</summary>
public static class DocumentProblems
{
    public const string ContentMissingCode = "document.content-missing";
    public const string UnknownDocumentCode = "application.unknown-document";

    public static ProblemDetails NotMultipart(string? contentType) =>
        Problems.Create(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeCode, "The upload must be multipart/form-data.",
            $"Send the file as multipart/form-data with a boundary{(string.IsNullOrEmpty(contentType) ? "" : $", not {contentType}")}.");

    public static ProblemDetails TypeNotAccepted() =>
        Problems.Create(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeCode, "The file's type is not accepted.",
            $"The file's content is none of the accepted types: {DocumentTypes.Accepted}. The type is found in the content, not in the file name. Nothing was attached.");

    public static ProblemDetails Unreadable() =>
        Problems.BadRequest("The upload ended before it was complete, or is not readable multipart/form-data. Nothing was attached; send it again.");

    public static ProblemDetails UnknownApplication(Guid applicationId) => Problems.NotFound($"There is no application {applicationId}.");

    public static ProblemDetails UnknownDocument(string document) =>
        Problems.UnknownEntity(UnknownDocumentCode, $"The application has no document {document}.");

    public static ProblemDetails ContentMissing(string sha256) =>
        Problems.Create(StatusCodes.Status500InternalServerError, ContentMissingCode, "The document's content is missing.",
            $"The content with SHA-256 {sha256} is not in the store. The error was logged; verify-chains lists every document whose content differs or is missing.");
}
