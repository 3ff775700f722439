using Fachwerk.Host.Development;
using Marten;

namespace Fachwerk.Host.Authentication;

/// <summary>Asks the development token issuer for a token; bindings default to the demo user's, looked up by name.</summary>
public sealed record DevelopmentTokenRequest(string User, Guid? OrganisationId = null, Guid? AllianceId = null, Guid? PilotId = null, int? Minutes = null);

public sealed record DevelopmentToken(string AccessToken, string TokenType, int ExpiresIn, string User, IReadOnlyList<string> Roles,
    Guid? OrganisationId, Guid? AllianceId, Guid? PilotId);

public static class DevelopmentTokenEndpoint
{
    public const string Path = "/dev/token";
    public const string RateLimitPolicy = "token";

    /// <summary>
    /// <c>POST /dev/token {"user": "sabine.sachbearbeitung"}</c>: a signed token for a demo user. Development only, rate limited.
    /// A shortcut to the development OpenID Connect provider: the same issuer and signing key as its sign-in (ADR 0050).
    /// </summary>
    public static void MapDevelopmentTokens(this WebApplication app) =>
        app.MapPost(Path, async (DevelopmentTokenRequest request, DevelopmentTokenIssuer issuer, IQuerySession session, CancellationToken cancellation) =>
            {
                var user = DemoUsers.Find(request.User ?? "");
                if (user is null)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["user"] = [$"Not a demo user. Known: {string.Join(", ", DemoUsers.All.Select(u => u.Id))}."],
                    });
                if (request.Minutes is < 1 or > 24 * 60)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = ["Between 1 and 1440 minutes."] });

                var bindings = await DemoUserBindings.LookUpAsync(user, session, cancellation);
                var organisation = request.OrganisationId ?? bindings.Organisation;
                var alliance = request.AllianceId ?? bindings.Alliance;
                var pilot = request.PilotId ?? bindings.Pilot;
                var lifetime = TimeSpan.FromMinutes(request.Minutes ?? 480);
                return Results.Ok(new DevelopmentToken(issuer.Mint(user, organisation, alliance, pilot, lifetime), "Bearer", (int)lifetime.TotalSeconds,
                    user.Id, user.Roles, organisation, alliance, pilot));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Development")
            .WithSummary("Development only: a token for a demo user");
}
