using System.Globalization;
using System.Text;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fachwerk.Application.Documents;

/// <summary>
/// The <c>multipart/form-data</c> body of an upload, read as it streams (ADR 0086): the form fields, and the one file (the part
/// <c>file</c>) staged chunk by chunk, sealed on the way when the document is a person's (ADR 0105). Shared by the uploads to
/// applications and to pilot participants, so both have the same limits and refusals. The caller discards <see cref="Staged"/>
/// unless an event attached it.
/// </summary>
public sealed class UploadForm
{
    public const string FileField = "file";
    public const int FileNameLength = 255;
    private const int FieldLength = CommonRules.ReasonLength;

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private string? _sentName;

    /// <summary>What is wrong with the form, by field name (the RFC 9457 validation problem's errors).</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>The file as staged, once its part was read.</summary>
    public StagedUpload? Staged { get; private set; }

    /// <summary>The boundary of a <c>multipart/form-data</c> request, or null when the request is none (415).</summary>
    public static string? BoundaryOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request?.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : null;

    /// <summary>
    /// Reads the body to its end, staging the file (at most <paramref name="maxBytes"/>). Answers the refusal when the body is too
    /// large (413) or unreadable (400), else null; what is wrong with the fields is in <see cref="Errors"/>.
    /// </summary>
    public async Task<IResult?> ReadAsync(
        HttpContext http, string boundary, DocumentContent content, long maxBytes, CancellationToken cancellation, ChunkSealer? seal = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(content);
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
                    if (Staged is not null) Errors[FileField] = ["Send one file per upload."];
                    _sentName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).Value;
                    Staged ??= await content.StageAsync(section.Body, maxBytes, cancellation, seal);
                    await section.Body.DrainAsync(cancellation);
                }
                else if (await FieldAsync(section.Body, cancellation) is { } value) _fields[name] = value;
                else Errors[name] = [$"At most {FieldLength} characters."];
            }

            return null;
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
    }

    /// <summary>A form field as sent, if it was.</summary>
    public string? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>The field <c>expectedVersion</c>, or null with the error noted.</summary>
    public long? ExpectedVersion()
    {
        if (Field("expectedVersion") is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return version;
        Errors["expectedVersion"] = ["The version the upload is based on (a whole number) is required."];
        return null;
    }

    /// <summary>The field <c>kind</c>, one of <paramref name="allowed"/> by its camel-case name, or null with the error noted.</summary>
    public TKind? Kind<TKind>(IReadOnlyList<TKind> allowed) where TKind : struct, Enum
    {
        if (Field("kind") is { } k && !k.Any(char.IsDigit) && Enum.TryParse<TKind>(k, ignoreCase: true, out var parsed) && allowed.Contains(parsed))
            return parsed;
        Errors["kind"] = [$"One of {string.Join(", ", allowed.Select(n => n.ToString()).Select(n => char.ToLowerInvariant(n[0]) + n[1..]))} is required."];
        return null;
    }

    /// <summary>
    /// The file's name as stored: its last path segment (some browsers send the whole path), without control characters, not too long;
    /// or null with the error noted (also when no file or an empty one was sent).
    /// </summary>
    public string? FileName()
    {
        if (Staged is null)
        {
            Errors[FileField] = ["Attach one file in the form part 'file'."];
            return null;
        }

        var name = (_sentName ?? "").Split('/', '\\')[^1].Trim();
        string? problem = Staged.Size == 0 ? "The file is empty."
            : name.Length == 0 ? "The file needs a name."
            : name.Length > FileNameLength ? $"The file name is longer than {FileNameLength} characters."
            : InputRules.TextProblem(name) is { } text ? $"The file name: {text}"
            : null;
        if (problem is null) return name;
        Errors[FileField] = [problem];
        return null;
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
