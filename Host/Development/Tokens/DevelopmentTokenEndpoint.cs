using System.Threading.RateLimiting;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Host.Authentication;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;

namespace Fachwerk.Host.Development.Tokens;

/// <summary>Asks the development token issuer for a token; bindings default to the demo user's, looked up by name.</summary>
/// <param name="User">The demo user, e.g. sabine.sachbearbeitung.</param>
/// <param name="OrganisationId">The organisation an applicant acts for; by default the demo user's.</param>
/// <param name="AllianceId">The alliance a reviewer acts for; by default the demo user's.</param>
/// <param name="PilotId">The pilot project a project lead acts for; by default the demo user's.</param>
/// <param name="Minutes">How long the token is valid, 1 to 60 minutes (default 60).</param>
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
    /// announced by a warning.
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
                if (request.Minutes is < 1 or > DevelopmentTokenIssuer.MaxLifetimeMinutes)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = [$"Between 1 and {DevelopmentTokenIssuer.MaxLifetimeMinutes} minutes."] });

                var organisation = request.OrganisationId ?? await FindAsync<OrganisationDetails>(session, user.OrganisationName, o => o.Name == user.OrganisationName, o => o.Id, cancellation);
                var alliance = request.AllianceId ?? await FindAsync<AllianceDetails>(session, user.AllianceName, a => a.Name == user.AllianceName, a => a.Id, cancellation);
                var pilot = request.PilotId ?? await FindAsync<PilotDetails>(session, user.PilotName, p => p.Name == user.PilotName, p => p.Id, cancellation);
                var lifetime = TimeSpan.FromMinutes(request.Minutes ?? DevelopmentTokenIssuer.MaxLifetimeMinutes);
                return Results.Ok(new DevelopmentToken(issuer.Mint(user, organisation, alliance, pilot, lifetime), "Bearer", (int)lifetime.TotalSeconds,
                    user.Id, user.Roles, organisation, alliance, pilot));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<DevelopmentToken>()
            .WithTags("Development")
            .WithSummary("Development only: a token for a demo user");
    }

    private static async Task<Guid?> FindAsync<T>(
        IQuerySession session, string? name, System.Linq.Expressions.Expression<Func<T, bool>> match, Func<T, Guid> id, CancellationToken cancellation)
        where T : notnull
    {
        if (name is null) return null;
        var found = await session.Query<T>().Where(match).FirstOrDefaultAsync(cancellation);
        return found is null ? null : id(found);
    }
}
