using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Web.Api;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>The service's HTTP API as the benchmark drives it: bearer tokens from the development issuer, JSON commands.</summary>
public sealed class FachwerkApi : IDisposable
{
    private readonly HttpClient _http;

    public FachwerkApi(Uri address)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Tokens and commands go through the product's own API client (the one the web UI and the demo world use).</summary>
    private FachwerkApiClient Client => _client ??= new FachwerkApiClient(_http);

    private FachwerkApiClient? _client;

    /// <summary>
    /// How long the benchmark's tokens live: a day, longer than a full run. Development tokens live an hour unless the host's
    /// setting allows more; the harness starts its host with this (<see cref="Hosting.HostProcess"/>).
    /// </summary>
    public const int TokenMinutes = 24 * 60;

    /// <summary>A token for a demo user, bound to the given organisation, alliance or pilot; valid for <see cref="TokenMinutes"/>.</summary>
    public async Task<string> TokenAsync(
        string user, Guid? organisationId = null, Guid? allianceId = null, CancellationToken cancellation = default, Guid? pilotId = null) =>
        (await Client.SendAsync<DevelopmentToken>(HttpMethod.Post, DevelopmentTokenEndpoint.Path,
            new DevelopmentTokenRequest(user, organisationId, allianceId, pilotId, Minutes: TokenMinutes), cancellation: cancellation))
        .Result.AccessToken;

    /// <summary>Sends a command; answers the status and, on success, the body read as <typeparamref name="T"/>.</summary>
    public async Task<(HttpStatusCode Status, T? Body)> SendAsync<T>(string token, string url, object command, CancellationToken cancellation = default)
    {
        var answer = await Client.SendAsync<T>(HttpMethod.Post, url, command, new ApiRequest(token), cancellation);
        return ((HttpStatusCode)answer.Status, answer.Value);
    }

    public async Task<T> CommandAsync<T>(string token, string url, object command, CancellationToken cancellation = default)
    {
        var (status, body) = await SendAsync<T>(token, url, command, cancellation);
        return status is HttpStatusCode.OK or HttpStatusCode.Created && body is not null
            ? body
            : throw new InvalidOperationException($"POST {url} answered {(int)status}.");
    }

    /// <summary>
    /// A measured query; answers the status only. The body is read to the end, as a client would, but not parsed: the harness
    /// shares the machine with the service and measures the service, not its own JSON parsing (so not through the API client).
    /// </summary>
    public async Task<HttpStatusCode> GetAsync(string token, string url, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        return response.StatusCode;
    }

    public async Task<T> GetAsync<T>(string token, string url, CancellationToken cancellation = default) =>
        (await Client.GetAsync<T>(url, new ApiRequest(token), cancellation)).Result;

    public void Dispose() => _http.Dispose();
}
