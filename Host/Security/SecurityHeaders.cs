using Fachwerk.Application.Common;

namespace Fachwerk.Host.Security;

/// <summary>
/// Headers every answer carries, error answers included (OWASP ASVS 3.4, 14.4): the Content-Security-Policy (framing forbidden
/// with <c>frame-ancestors 'none'</c>, and <c>X-Frame-Options</c> for browsers that predate it), <c>Referrer-Policy</c>, and
/// <c>X-Content-Type-Options: nosniff</c>; API answers carry personal data and money, so no browser or proxy keeps them
/// (<c>Cache-Control: no-store</c>). Outside Development, a request to the API over plain HTTP is refused rather than
/// redirected: its token has already crossed the network in the clear, and a redirect would teach the client to send it again.
/// </summary>
public static class SecurityHeaders
{
    public static void UseFachwerkProtocol(this WebApplication app, string apiReferencePath)
    {
        var settings = app.Configuration.GetSection(ProtocolSettings.Section).Get<ProtocolSettings>() ?? new ProtocolSettings();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // Runs after the callbacks of the layers inside (the UI's pages set their own policy): what they set stays.
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", context.Request.Path.StartsWithSegments(apiReferencePath)
                    ? ProtocolSettings.ApiReferenceContentSecurityPolicy
                    : settings.ContentSecurityPolicy);
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", ProtocolSettings.ReferrerPolicy);
                headers.XContentTypeOptions = "nosniff";
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/dev"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });

        if (app.Environment.IsDevelopment()) return;
        app.Use(RefusePlainHttpToTheApi);
        app.UseHsts();
        app.UseHttpsRedirection();
    }

    private static Task RefusePlainHttpToTheApi(HttpContext context, RequestDelegate next)
    {
        if (context.Request.IsHttps || !context.Request.Path.StartsWithSegments("/api")) return next(context);

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.HttpsRequired(),
        }).AsTask();
    }
}
