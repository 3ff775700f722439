using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fachwerk.Application.Common;

namespace Fachwerk.Web.Api;

/// <summary>Per-request extras: whose token, an idempotency key for creating commands, the correlation and causation ids.</summary>
public sealed record ApiRequest(string? AccessToken = null, string? IdempotencyKey = null, string? CorrelationId = null, string? CausationId = null)
{
    internal void Apply(HttpRequestMessage message)
    {
        if (AccessToken is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (IdempotencyKey is not null) message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        if (CorrelationId is not null) message.Headers.TryAddWithoutValidation(CommandMetadata.CorrelationIdHeader, CorrelationId);
        if (CausationId is not null) message.Headers.TryAddWithoutValidation(CommandMetadata.CausationIdHeader, CausationId);
    }
}

/// <summary>
/// The client of Fachwerk's HTTP API: reads and commands with the API's JSON options, answering either the body or the
/// RFC 9457 problem (with its status, field errors by JSON path, <c>code</c> and <c>currentVersion</c>). The web UI sends
/// every read and every action of its pages through it; the HttpClient it wraps decides the address and, for the UI, adds
/// the signed-in user's token (<see cref="SignedInUserHandler"/>).
/// </summary>
public sealed class FachwerkApiClient(HttpClient http)
{
    public Task<ApiResult<T>> GetAsync<T>(string url, ApiRequest? request = null, CancellationToken cancellation = default) =>
        SendAsync<T>(HttpMethod.Get, url, null, request, cancellation);

    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string url, object? body, ApiRequest? request = null, CancellationToken cancellation = default)
    {
        using var message = new HttpRequestMessage(method, url);
        if (body is not null) message.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        return await SendAsync<T>(message, request, cancellation);
    }

    /// <summary>Sends <paramref name="content"/> as it is (a document's multipart upload, streamed through), answering like a command.</summary>
    public async Task<ApiResult<T>> SendContentAsync<T>(
        HttpMethod method, string url, HttpContent content, ApiRequest? request = null, CancellationToken cancellation = default)
    {
        using var message = new HttpRequestMessage(method, url) { Content = content };
        return await SendAsync<T>(message, request, cancellation);
    }

    /// <summary>
    /// Opens a download (a document, a case file, a digest): the API's answer with its headers read and its body not yet, for the caller to pass on and
    /// dispose. A service that cannot be reached answers 502.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(string url, CancellationToken cancellation = default)
    {
        try
        {
            return await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException)
        {
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage message, ApiRequest? request, CancellationToken cancellation)
    {
        request?.Apply(message);
        try
        {
            using var response = await http.SendAsync(message, cancellation);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                return ApiResult<T>.Failure(ApiProblem.Read(status, response.ReasonPhrase, await response.Content.ReadAsStringAsync(cancellation)));

            var value = response.Content.Headers.ContentLength == 0 || status == 204
                ? default
                : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellation);
            return ApiResult<T>.Success(status, value, response.Headers.Location);
        }
        catch (HttpRequestException e)
        {
            return ApiResult<T>.Failure(ApiProblem.Unreachable(e.Message));
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            return ApiResult<T>.Failure(ApiProblem.Unreachable("The service did not answer in time: " + e.Message));
        }
    }
}
