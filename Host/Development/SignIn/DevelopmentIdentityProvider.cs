using Fachwerk.Host.Cluster;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Web;
using Marten;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Fachwerk.Host.Development.SignIn;

/// <summary>
/// The service's own OpenID Connect provider, in Development only (ADR 0050): OpenIddict's server in degraded mode (no
/// database of clients or tokens), the authorization-code flow with PKCE for one client (the web UI), a sign-in page that
/// lists the demo users, and JWT access tokens the API accepts: the development issuer and its signing key, audience
/// <c>fachwerk-api</c>, not encrypted.
/// </summary>
public static class DevelopmentIdentityProvider
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";
    private const string ChosenUserField = "demo_user";

    /// <summary>The language every demo user's tokens name (the <c>locale</c> claim).</summary>
    public const string DemoLocale = DemoUsers.Locale;

    /// <param name="keyFolder">The cluster's shared keys (<see cref="SharedKeys"/>): every node then reads the codes any node issued.</param>
    public static void AddDevelopmentIdentityProvider(this IServiceCollection services, IConfiguration configuration, string? keyFolder = null)
    {
        var settings = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        var clientId = configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.ClientId ?? new WebOptions().ClientId;
        services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(DevelopmentTokenIssuer.Issuer));
            options.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                .SetEndSessionEndpointUris(EndSessionPath.TrimStart('/'));
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles);
            // No stores: clients, redirect addresses and sign-outs are checked by the handlers below.
            options.EnableDegradedMode();
            options.DisableAccessTokenEncryption();
            if (keyFolder is null) options.AddEphemeralEncryptionKey();
            else options.AddEncryptionKey(new SymmetricSecurityKey(new SharedKeys(keyFolder).DevelopmentEncryptionKey()));
            // As long as the development issuer's tokens: an hour unless Authentication:DevelopmentTokenMaxMinutes says more (ADR 0057).
            options.SetAccessTokenLifetime(TimeSpan.FromMinutes(settings.DevelopmentTokenMaxMinutes));
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != clientId)
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, $"The development provider knows one client: {clientId}.");
                else if (!IsOwnAddress(context.RedirectUri, context.BaseUri, "/signin-oidc"))
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri must be this service's /signin-oidc.");
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                // A public client: PKCE (checked by OpenIddict against the code) stands in for a client secret.
                if (context.ClientId != clientId)
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, $"The development provider knows one client: {clientId}.");
                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is not null && !IsOwnAddress(context.PostLogoutRedirectUri, context.BaseUri, "/signout-callback-oidc"))
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri must be this service's /signout-callback-oidc.");
                return default;
            }));
        });

        // The key of the development token issuer, so /dev/token and this provider sign alike.
        services.AddOptions<OpenIddictServerOptions>().Configure<DevelopmentTokenIssuer>((options, issuer) =>
            options.SigningCredentials.Add(new SigningCredentials(issuer.SigningKey, SecurityAlgorithms.EcdsaSha256)));
        services.AddSingleton(new DevelopmentAudience(settings.Audience));
    }

    /// <summary>
    /// The sign-in page and OpenIddict's answer to it (<c>response_mode=form_post</c>: a form to the UI's callback and the script
    /// <c>document.form.submit();</c>, allowed by its hash and nothing else inline).
    /// </summary>
    public const string SignInContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='; base-uri 'none'; object-src 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static void MapDevelopmentIdentityProvider(this WebApplication app)
    {
        // OpenIddict has validated the request (client, redirect address, PKCE) before it reaches this endpoint.
        app.Logger.LogWarning(
            "Development OpenID Connect provider enabled at {Path}: anyone may sign in as a demo user without a password. Never enable it outside Development.",
            AuthorizePath);
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], SignInAsync).AllowAnonymous().ExcludeFromDescription();
        // The provider keeps no session of its own, so signing out here only returns to the UI.
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], () =>
                Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>This provider's metadata for the UI's sign-in, given the service's own address: what its discovery document says.</summary>
    public static OpenIdConnectConfiguration Metadata(IServiceProvider services, Uri own)
    {
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = DevelopmentTokenIssuer.Issuer,
            AuthorizationEndpoint = new Uri(own, AuthorizePath).ToString(),
            TokenEndpoint = new Uri(own, TokenPath).ToString(),
            EndSessionEndpoint = new Uri(own, EndSessionPath).ToString(),
        };
        configuration.SigningKeys.Add(services.GetRequiredService<DevelopmentTokenIssuer>().SigningKey);
        return configuration;
    }

    /// <summary>Shows the demo users; once one is chosen (a form post with its antiforgery token), signs them in.</summary>
    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, IQuerySession session, DevelopmentAudience audience, CancellationToken cancellation)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        // The host's policy (ADR 0057) keeps a policy set here: the code goes back as a form that OpenIddict's one inline script sends.
        http.Response.Headers.ContentSecurityPolicy = SignInContentSecurityPolicy;
        var chosen = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(cancellation))[ChosenUserField].ToString() : "";
        if (chosen.Length == 0 || DemoUsers.Find(chosen) is not { } user)
            return SignInPage(http, antiforgery, request);

        await antiforgery.ValidateRequestAsync(http);
        var bindings = await DemoUserBindings.LookUpAsync(user, session, cancellation);
        return Results.SignIn(Principal(user, bindings, request.GetScopes(), audience.Value), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static RazorComponentResult<DevelopmentSignInPage> SignInPage(HttpContext http, IAntiforgery antiforgery, OpenIddictRequest request)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new RazorComponentResult<DevelopmentSignInPage>(new Dictionary<string, object?>
        {
            [nameof(DevelopmentSignInPage.Parameters)] = request.GetParameters()
                .Where(p => p.Key != ChosenUserField && p.Key != tokens.FormFieldName)
                .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString() ?? ""))
                .ToList(),
            [nameof(DevelopmentSignInPage.ChosenUserField)] = ChosenUserField,
            [nameof(DevelopmentSignInPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(DevelopmentSignInPage.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    /// <summary>The claims the API reads (sub, name, role, org, alliance, pilot), with e-mail and locale for the UI.</summary>
    public static ClaimsPrincipal Principal(DemoUser user, DemoUserBindings bindings, IEnumerable<string> scopes, string audience)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(bindings);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, UserClaims.Name, UserClaims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(UserClaims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Locale, DemoLocale)
            .SetClaims(UserClaims.Role, [.. user.Roles]);
        if (bindings.Organisation is { } organisation) identity.SetClaim(UserClaims.Organisation, organisation.ToString());
        if (bindings.Alliance is { } alliance) identity.SetClaim(UserClaims.Alliance, alliance.ToString());
        if (bindings.Pilot is { } pilot) identity.SetClaim(UserClaims.Pilot, pilot.ToString());

        identity.SetScopes(scopes);
        identity.SetAudiences(audience);
        // Every claim goes into both tokens: the API reads the access token, the UI its session from the identity token.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Only addresses of this very service (or its loopback names) may receive codes and sign-outs.</summary>
    private static bool IsOwnAddress(string? address, Uri? baseUri, string path) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.AbsolutePath == path && uri.Query.Length == 0
        && (uri.IsLoopback || (baseUri is not null && uri.Authority == baseUri.Authority));
}

/// <summary>The audience the API expects in access tokens (<c>Authentication:Audience</c>).</summary>
public sealed record DevelopmentAudience(string Value);
