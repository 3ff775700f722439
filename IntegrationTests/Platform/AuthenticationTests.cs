using System.Security.Claims;
using System.Security.Cryptography;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fachwerk.IntegrationTests.Platform;

public class AuthenticationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly RegisterOrganisation Register = new("Jobcenter Hildesheim", OrganisationKind.JobCentre, "Hildesheim");

    private DevelopmentTokenIssuer Issuer => Host.Services.GetRequiredService<DevelopmentTokenIssuer>();

    /// <summary>A token for the caseworker with chosen lifetime, audience, issuer and key, signed like the issuer's own.</summary>
    private string Token(DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string audience = "fachwerk-api",
        string issuer = DevelopmentTokenIssuer.Issuer, SecurityKey? key = null, string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        var now = Clock.GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(UserClaims.Subject, DemoUsers.Caseworker.Id), new Claim(UserClaims.Role, Roles.Caseworker)]),
            IssuedAt = (notBefore ?? now).UtcDateTime,
            NotBefore = (notBefore ?? now).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Issuer.SigningKey, algorithm),
        });
    }

    private Task<Alba.IScenarioResult> GetAlliances(string? token, int status) =>
        Host.Scenario(s =>
        {
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            s.Get.Url("/api/alliances");
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task A_valid_token_signs_in()
    {
        await GetAlliances(Token(), 200);
    }

    [Fact]
    public async Task A_request_without_a_token_answers_401_with_problem_details_and_appends_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Register).ToUrl("/api/organisations");
            s.StatusCodeShouldBe(401);
        });

        (await ProblemOf(result)).Status.ShouldBe(401);
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer");
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task Expired_not_yet_valid_wrong_audience_wrong_issuer_and_wrongly_signed_tokens_are_rejected()
    {
        var now = Clock.GetUtcNow();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await GetAlliances(Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-5)), 401);
        await GetAlliances(Token(notBefore: now.AddMinutes(5), expires: now.AddHours(1)), 401);
        await GetAlliances(Token(audience: "someone-else"), 401);
        await GetAlliances(Token(issuer: "https://evil.example"), 401);
        await GetAlliances(Token(key: new ECDsaSecurityKey(otherKey)), 401);
        await GetAlliances(Token(key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), algorithm: SecurityAlgorithms.HmacSha256), 401);
        await GetAlliances("not-a-token", 401);
        // Within the 30 seconds of allowed clock skew a token still counts.
        await GetAlliances(Token(notBefore: now.AddHours(-1), expires: now.AddSeconds(-20)), 200);
    }

    [Fact]
    public async Task An_unsigned_token_is_rejected()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenIssuer.Issuer,
            Audience = "fachwerk-api",
            Subject = new ClaimsIdentity([new Claim(UserClaims.Subject, "mallory"), new Claim(UserClaims.Role, Roles.Administrator)]),
            Expires = Clock.GetUtcNow().AddHours(1).UtcDateTime,
        });

        await GetAlliances(unsigned, 401);
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_change_the_registry()
    {
        await Get<Page<OrganisationDetails>>(DemoUsers.Auditor, "/api/organisations");

        var problem = await ProblemOf(await Post(DemoUsers.Auditor, "/api/organisations", Register, 403));

        problem.Status.ShouldBe(403);
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task The_development_token_endpoint_mints_tokens_for_demo_users_and_refuses_strangers()
    {
        var minted = await Host.Scenario(s =>
        {
            s.Post.Json(new DevelopmentTokenRequest("petra.pruefung")).ToUrl(DevelopmentTokenEndpoint.Path);
            s.StatusCodeShouldBe(200);
        });
        var token = (await Read<DevelopmentToken>(minted)).AccessToken;
        await GetAlliances(token, 200);

        await Host.Scenario(s =>
        {
            s.Post.Json(new DevelopmentTokenRequest("mallory")).ToUrl(DevelopmentTokenEndpoint.Path);
            s.StatusCodeShouldBe(400);
        });
    }
}
