using System.Globalization;
using System.Net.Http.Headers;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Api;

/// <summary>
/// Sends the UI's API calls as the signed-in user: their own access token from the session, the correlation id of the page
/// request (so the events of a button carry the id of the request that pressed it), and the user's language.
/// </summary>
public sealed class SignedInUserHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    public const string AccessToken = "access_token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } page)
        {
            if (request.Headers.Authorization is null && await page.GetTokenAsync(FachwerkWeb.SessionScheme, AccessToken) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (!request.Headers.Contains(CommandMetadata.CorrelationIdHeader))
                request.Headers.TryAddWithoutValidation(CommandMetadata.CorrelationIdHeader, CorrelationId(page));
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The page request's own correlation id if it brought one, else its trace id.</summary>
    public static string CorrelationId(HttpContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Request.Headers.TryGetValue(CommandMetadata.CorrelationIdHeader, out var incoming) && !string.IsNullOrWhiteSpace(incoming)
            ? incoming.ToString()
            : CommandMetadata.TraceId(page);
    }
}
