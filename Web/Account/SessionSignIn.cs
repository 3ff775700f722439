using System.Globalization;
using Fachwerk.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Fachwerk.Web.Account;

/// <summary>
/// How people sign in to the UI: the authorization-code flow with PKCE against the API's provider, then a cookie session
/// holding the tokens (the UI calls the API with the access token). The session slides with activity, ends after
/// <see cref="WebOptions.SessionMaxDuration"/> or when the access token expires, and an ended session signs in again and
/// comes back to the page the user was on.
/// </summary>
internal static class SessionSignIn
{
    private const string StartedKey = ".fachwerk.session.started";

    public static void Add(IServiceCollection services, WebSignIn signIn)
    {
        var authentication = services.AddAuthentication();
        authentication.AddCookie(FachwerkWeb.SessionScheme, options =>
        {
            options.Cookie.Name = "fachwerk.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.AccessDeniedPath = "/account/access-denied";
            // Without a provider nobody can sign in; the page says so instead of failing somewhere inside the handler.
            options.LoginPath = "/account/sign-in-unavailable";
            if (signIn.Available) options.ForwardChallenge = FachwerkWeb.SignInScheme;
            options.Events.OnValidatePrincipal = EndExpiredSessions;
            options.Events.OnSigningIn = context =>
            {
                context.Properties.Items[StartedKey] = context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(FachwerkWeb.SessionScheme)
            .Configure<IOptions<WebOptions>>((options, web) => options.ExpireTimeSpan = web.Value.SessionIdleTimeout);

        if (!signIn.Available) return;
        authentication.AddOpenIdConnect(FachwerkWeb.SignInScheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(FachwerkWeb.SignInScheme)
            .Configure<IServiceProvider, ServiceAddress, IOptions<WebOptions>>((options, provider, address, web) =>
                Configure(options, signIn, provider, address, web.Value));
    }

    private static void Configure(OpenIdConnectOptions options, WebSignIn signIn, IServiceProvider provider, ServiceAddress address, WebOptions web)
    {
        // The options are built when the first request arrives, so the service's own address is known by then.
        if (signIn.OwnProvider is { } own)
            options.Configuration = own(provider, address.Own);
        else
            options.Authority = signIn.Authority;
        options.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
        options.ClientId = web.ClientId;
        options.ClientSecret = web.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SignInScheme = FachwerkWeb.SessionScheme;
        options.SignOutScheme = FachwerkWeb.SessionScheme;
        options.Scope.Clear();
        foreach (var scope in FachwerkWeb.Scopes) options.Scope.Add(scope);
        // The identity token's lifetime against the application's clock, as the API checks its tokens (tests move that clock).
        options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = options.TimeProvider!.GetUtcNow().UtcDateTime;
            return expires is { } exp && exp >= now - parameters.ClockSkew && (notBefore is not { } nbf || nbf <= now + parameters.ClockSkew);
        };
        options.TokenValidationParameters.NameClaimType = Fachwerk.Application.Common.UserClaims.Name;
        options.TokenValidationParameters.RoleClaimType = signIn.RoleClaim;
        options.SignedOutRedirectUri = "/account/signed-out";
        if (signIn.OwnProvider is not null)
        {
            // The development provider is this very service: its answer comes back to the same site, over plain HTTP.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        options.Events.OnRedirectToIdentityProvider = context =>
        {
            context.ProtocolMessage.UiLocales = Cultures.Of(context.Request);
            if (signIn.OwnProvider is not null) context.ProtocolMessage.IssuerAddress = AsSeenByTheBrowser(context.Request, context.ProtocolMessage.IssuerAddress);
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (signIn.OwnProvider is not null) context.ProtocolMessage.IssuerAddress = AsSeenByTheBrowser(context.Request, context.ProtocolMessage.IssuerAddress);
            return Task.CompletedTask;
        };
        options.Events.OnTokenValidated = context =>
        {
            // The provider's locale claim chooses the language, unless this browser has chosen already.
            if (!context.Request.Cookies.ContainsKey(Cultures.CookieName)
                && Cultures.Match(context.Principal?.FindFirst("locale")?.Value) is { } culture)
                Cultures.Remember(context.Response, culture, context.Options.TimeProvider!.GetUtcNow());
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            // A refused or broken sign-in (the user cancelled, a cookie went missing) ends on a page that offers to try again;
            // the log says why, for whoever has to find out.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionSignIn))
                .LogWarning(context.Failure, "A sign-in failed at the provider's answer: {Reason}", context.Failure?.Message ?? "no reason given");
            context.Response.Redirect("/account/signed-out?failed=true");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The service's own provider at the address the browser used (a port mapping or a proxy may show the service under
    /// another address than the one it listens on); the UI itself reaches the provider's token endpoint over loopback.
    /// </summary>
    private static string AsSeenByTheBrowser(HttpRequest request, string endpoint) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{new Uri(endpoint).PathAndQuery}";

    /// <summary>Ends the session when it is older than its maximum or its access token has expired; the next page signs in again.</summary>
    private static async Task EndExpiredSessions(CookieValidatePrincipalContext context)
    {
        var now = context.Options.TimeProvider!.GetUtcNow();
        var maximum = context.HttpContext.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SessionMaxDuration;
        var started = context.Properties.Items.TryGetValue(StartedKey, out var s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, out var at)
            ? at
            : context.Properties.IssuedUtc ?? now;
        var tokenExpires = DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, out var expires)
            ? expires
            : DateTimeOffset.MaxValue;
        if (now < started + maximum && now < tokenExpires - TimeSpan.FromMinutes(1)) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(FachwerkWeb.SessionScheme);
    }
}
