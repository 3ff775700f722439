using System.Net;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>
/// The web UI as a browser reaches it: a cookie session, signed in through the development OpenID Connect provider (the page
/// challenges, the provider lists the demo users, the chosen one's code goes back to the UI's callback as a posted form).
/// Redirects are not followed, so a measured page that sent the browser elsewhere (an expired session) counts as a failure,
/// not as a fast answer.
/// </summary>
public sealed class WebSession : IDisposable
{
    private readonly HttpClient _http;

    private WebSession(Uri address)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Signs a demo user in, starting at <paramref name="page"/> as a browser would, and answers the session once it shows that page.</summary>
    public static async Task<WebSession> SignInAsync(Uri address, string user, string page, CancellationToken cancellation = default)
    {
        var session = new WebSession(address);
        try
        {
            await session.SignInAsync(user, page, cancellation);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private async Task SignInAsync(string user, string page, CancellationToken cancellation)
    {
        // The page challenges: off to the provider's authorize endpoint, with the correlation and nonce cookies set.
        var authorize = await RedirectOfAsync(new HttpRequestMessage(HttpMethod.Get, page), cancellation);
        var chooser = HtmlForm.FirstOf(await TextOfAsync(new HttpRequestMessage(HttpMethod.Get, authorize), cancellation))
                      ?? throw new InvalidOperationException($"The provider's sign-in page at {authorize} has no form.");
        // Choosing the user: the provider answers with a form to the UI's callback carrying the code (response_mode=form_post).
        var answer = HtmlForm.FirstOf(await TextOfAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(authorize, chooser.Action)) { Content = chooser.Press(user) }, cancellation))
                     ?? throw new InvalidOperationException($"The provider answered the choice of {user} without a form.");
        // The callback redeems the code, sets the session cookie and sends the browser back to the page it started on.
        var back = await RedirectOfAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(authorize, answer.Action)) { Content = answer.Content() }, cancellation);
        if (back.PathAndQuery != new Uri(_http.BaseAddress!, page).PathAndQuery)
            throw new InvalidOperationException($"Signing in as {user} ended at {back}, not at {page}.");
    }

    /// <summary>A page as the measured requests fetch it: read to the end, not parsed; answers the status only.</summary>
    public async Task<HttpStatusCode> GetAsync(string url, CancellationToken cancellation = default)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellation);
        return response.StatusCode;
    }

    /// <summary>A page's HTML, for checking once what the measured requests fetch.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetTextAsync(string url, CancellationToken cancellation = default)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellation));
    }

    private async Task<Uri> RedirectOfAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellation))
        {
            if (response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther) || response.Headers.Location is not { } location)
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}, not a redirect.");
            return new Uri(request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(_http.BaseAddress!, request.RequestUri), location);
        }
    }

    private async Task<string> TextOfAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        using (request)
        using (var response = await _http.SendAsync(request, cancellation))
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}.");
            return await response.Content.ReadAsStringAsync(cancellation);
        }
    }

    public void Dispose() => _http.Dispose();
}
