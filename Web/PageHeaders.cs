using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.Web;

/// <summary>
/// Headers of the UI's pages: they show personal data and money, so no browser or proxy keeps them; they run only the
/// service's own script and style, are never framed, and post forms only to this site and its sign-in provider.
/// </summary>
internal static class PageHeaders
{
    public static Task Protect(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.CacheControl = "no-store";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
                    $"frame-ancestors 'none'; form-action 'self' {ProviderOrigin(context)}".TrimEnd();
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    // Signing out is a form whose answer redirects to the provider; form-action must allow that hop.
    private static string ProviderOrigin(HttpContext context) =>
        context.RequestServices.GetRequiredService<WebSignIn>().Authority is { } authority && Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : "";
}
