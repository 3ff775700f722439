using Fachwerk.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fachwerk.Web.Account;

/// <summary>Signing in and out, and the language switch: plain endpoints behind the forms and links of the layout.</summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string LanguagePath = "/account/language";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signs in (again) and returns to the page: used when the session or its access token has run out.
        app.MapGet(SignInPath, (string? returnUrl, HttpContext context) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl, context) }, [FachwerkWeb.SignInScheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Ends the session here and at the provider; a form (with its antiforgery token), never a link a page could fire.
        app.MapPost(SignOutPath, (WebSignIn signIn) =>
                Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" },
                    signIn.Available ? [FachwerkWeb.SessionScheme, FachwerkWeb.SignInScheme] : [FachwerkWeb.SessionScheme]))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        app.MapPost(LanguagePath, ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context, TimeProvider clock) =>
            {
                if (Cultures.Match(culture) is { } chosen) Cultures.Remember(context.Response, chosen, clock.GetUtcNow());
                return Results.LocalRedirect(LocalOrHome(returnUrl, context));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>Only addresses on this site are followed after a sign-in or a switch (no open redirect).</summary>
    private static string LocalOrHome(string? returnUrl, HttpContext context) =>
        !string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) ? returnUrl : context.Request.PathBase + "/";

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
