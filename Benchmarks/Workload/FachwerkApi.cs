using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fachwerk.Host.Development.DemoWorld;

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

    public static JsonSerializerOptions Json => DemoWorldSeeder.Json;

    /// <summary>A token for a demo user, bound to the given organisation or alliance; valid for an hour (the longest the issuer gives).</summary>
    public async Task<string> TokenAsync(string user, Guid? organisationId = null, Guid? allianceId = null, CancellationToken cancellation = default)
    {
        using var response = await _http.PostAsJsonAsync("/dev/token", new { user, organisationId, allianceId, minutes = 60 }, Json, cancellation);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Sends a command; answers the status and, on success, the body read as <typeparamref name="T"/>.</summary>
    public async Task<(HttpStatusCode Status, T? Body)> SendAsync<T>(string token, string url, object command, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(command, command.GetType(), options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode) return (response.StatusCode, default);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<T>(Json, cancellation));
    }

    public async Task<T> CommandAsync<T>(string token, string url, object command, CancellationToken cancellation = default)
    {
        var (status, body) = await SendAsync<T>(token, url, command, cancellation);
        return status is HttpStatusCode.OK or HttpStatusCode.Created && body is not null
            ? body
            : throw new InvalidOperationException($"POST {url} answered {(int)status}.");
    }

    /// <summary>A query; answers the status only (the body is read to the end, as a client would).</summary>
    public async Task<HttpStatusCode> GetAsync(string token, string url, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        return response.StatusCode;
    }

    public async Task<T> GetAsync<T>(string token, string url, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellation))!;
    }

    public void Dispose() => _http.Dispose();
}
