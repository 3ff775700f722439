using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Api;

/// <summary>A file the API answered (a document, a case file, a digest), passed on to the browser as it arrives.</summary>
public static class ApiDownload
{
    /// <summary>
    /// Copies the API's answer to the browser: status, type, file name and length, the body streamed; never sniffed or cached,
    /// since these files hold a case's data.
    /// </summary>
    public static async Task PassOnAsync(HttpResponseMessage answer, HttpResponse response, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = (int)answer.StatusCode;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        if (answer.Content.Headers.ContentDisposition is { } disposition) response.Headers.ContentDisposition = disposition.ToString();
        if (answer.Content.Headers.ContentLength is { } length) response.ContentLength = length;
        await using var body = await answer.Content.ReadAsStreamAsync(cancellation);
        await body.CopyToAsync(response.Body, cancellation);
    }
}
