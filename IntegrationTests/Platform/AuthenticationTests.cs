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

    /// <summary>
    /// A token for the caseworker with chosen lifetime, audience, issuer, key, type (<c>typ</c> header), claims and user
    /// (<c>sub</c>; none when empty), signed like the issuer's own.
    /// </summary>
    private string Token(DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string audience = "fachwerk-api",
        string issuer = DevelopmentTokenIssuer.Issuer, SecurityKey? key = null, string algorithm = SecurityAlgorithms.EcdsaSha256,
        string? type = null, IDictionary<string, object>? claims = null, string subject = "sabine.sachbearbeitung")
    {
        var now = Clock.GetUtcNow();
        Claim[] identity = subject.Length == 0
            ? [new Claim(UserClaims.Role, Roles.Caseworker)]
            : [new Claim(UserClaims.Subject, subject), new Claim(UserClaims.Role, Roles.Caseworker)];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            TokenType = type,
            Claims = claims,
            Subject = new ClaimsIdentity(identity),
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
    public async Task A_token_naming_no_user_is_refused_with_401_on_reads_and_commands()
    {
        var anonymous = Token(subject: "");

        await GetAlliances(anonymous, 401);
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + anonymous);
            s.Post.Json(Register).ToUrl("/api/organisations");
            s.StatusCodeShouldBe(401);
        });
        (await ProblemOf(result)).Status.ShouldBe(401);
        (await EventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData(null, "nonce", "n-0S6_WzA2Mj")]
    [InlineData("JWT", "at_hash", "77QmUPtjPfzWtF2AnpK9RQ")]
    [InlineData(null, "c_hash", "LDktKdoQak3Pk0cnXxCltA")]
    [InlineData(null, "token_use", "id")]
    [InlineData(null, "typ", "ID")]
    [InlineData(null, "azp", "fachwerk-api")]
    [InlineData("logout+jwt", "jti", "1")]
    [InlineData("id_token+jwt", "jti", "1")]
    public async Task An_id_token_or_any_other_token_that_is_not_an_access_token_is_refused(string? type, string claim, string value)
    {
        await GetAlliances(Token(type: type, claims: new Dictionary<string, object> { [claim] = value }), 401);
    }

    [Theory]
    [InlineData("at+jwt", "jti", "1")]
    [InlineData("application/at+jwt", "client_id", "fachwerk-web")]
    [InlineData(null, "azp", "fachwerk-web")]
    [InlineData(null, "typ", "Bearer")]
    [InlineData(null, "token_use", "access")]
    [InlineData("JWT", "jti", "1")]
    public async Task Access_tokens_as_providers_issue_them_sign_in(string? type, string claim, string value)
    {
        await GetAlliances(Token(type: type, claims: new Dictionary<string, object> { [claim] = value }), 200);
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
