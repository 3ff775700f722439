using System.Threading.RateLimiting;
using Fachwerk.Host.Authentication;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;

namespace Fachwerk.Host.Development.Tokens;

/// <summary>Asks the development token issuer for a token; bindings default to the demo user's, looked up by name.</summary>
/// <param name="User">The demo user, e.g. sabine.sachbearbeitung.</param>
/// <param name="OrganisationId">The organisation an applicant acts for; by default the demo user's.</param>
/// <param name="AllianceId">The alliance a reviewer or coordinator acts for; by default the demo user's.</param>
/// <param name="PilotId">The pilot project a project lead acts for; by default the demo user's.</param>
/// <param name="Minutes">How long the token is valid, 1 to 60 minutes (the default; a host's setting may allow longer).</param>
public sealed record DevelopmentTokenRequest(string User, Guid? OrganisationId = null, Guid? AllianceId = null, Guid? PilotId = null, int? Minutes = null);

/// <summary>A signed access token for a demo user, with what it carries.</summary>
/// <param name="AccessToken">The token: send it as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
/// <param name="TokenType">Always Bearer.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
/// <param name="User">The demo user's id.</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="OrganisationId">The organisation the user acts for, if any.</param>
/// <param name="AllianceId">The alliance the user acts for, if any.</param>
/// <param name="PilotId">The pilot project the user acts for, if any.</param>
public sealed record DevelopmentToken(string AccessToken, string TokenType, int ExpiresIn, string User, IReadOnlyList<string> Roles,
    Guid? OrganisationId, Guid? AllianceId, Guid? PilotId);

/// <summary>The development token issuer: its key, the validation of its tokens, and its endpoint (Development only, ADR 0017).</summary>
public static class DevelopmentTokenEndpoint
{
    public const string Path = "/dev/token";
    public const string RateLimitPolicy = "token";

    /// <summary>
    /// The issuer, and the bearer validation accepting its tokens unless an OpenID Connect provider is configured
    /// (<c>Authentication:Authority</c>), whose tokens then are the only ones accepted.
    /// </summary>
    public static void AddDevelopmentTokens(this IServiceCollection services)
    {
        services.AddSingleton<DevelopmentTokenIssuer>();
        // After the host's own bearer configuration (Composition), whichever was registered first.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<DevelopmentTokenIssuer, TokenSettings>((options, issuer, settings) =>
            {
                if (settings.Authority is not null) return;
                options.TokenValidationParameters.ValidIssuer = DevelopmentTokenIssuer.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = issuer.SigningKey;
            });
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            SecurityLog.NetworkOf(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) })));
    }

    /// <summary>
    /// <c>POST /dev/token {"user": "sabine.sachbearbeitung"}</c>: a signed token for a demo user. Development only, rate limited,
    /// announced by a warning. A shortcut to the development OpenID Connect provider: the same issuer and signing key (ADR 0050).
    /// </summary>
    public static void MapDevelopmentTokens(this WebApplication app)
    {
        app.Logger.LogWarning(
            "Development token issuer enabled: POST {Path} mints tokens for the demo users. Never enable it outside Development.", Path);
        app.MapPost(Path, async (DevelopmentTokenRequest request, DevelopmentTokenIssuer issuer, IQuerySession session, CancellationToken cancellation) =>
            {
                var user = DemoUsers.Find(request.User ?? "");
                if (user is null)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["user"] = [$"Not a demo user. Known: {string.Join(", ", DemoUsers.All.Select(u => u.Id))}."],
                    });
                if (request.Minutes is < 1 || request.Minutes > issuer.MaxLifetimeMinutes)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = [$"Between 1 and {issuer.MaxLifetimeMinutes} minutes."] });

                var bindings = await DemoUserBindings.LookUpAsync(user, session, cancellation);
                var organisation = request.OrganisationId ?? bindings.Organisation;
                var alliance = request.AllianceId ?? bindings.Alliance;
                var pilot = request.PilotId ?? bindings.Pilot;
                var lifetime = TimeSpan.FromMinutes(request.Minutes ?? issuer.MaxLifetimeMinutes);
                return Results.Ok(new DevelopmentToken(issuer.Mint(user, organisation, alliance, pilot, lifetime), "Bearer", (int)lifetime.TotalSeconds,
                    user.Id, user.Roles, organisation, alliance, pilot));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<DevelopmentToken>()
            .WithTags("Development")
            .WithSummary("Development only: a token for a demo user");
    }
}
