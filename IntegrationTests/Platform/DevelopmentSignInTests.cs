using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>The development OpenID Connect provider (ADR 0050), spoken to as a client would, without a browser.</summary>
public partial class DevelopmentSignInTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Redirect = "http://localhost/signin-oidc";

    [Fact]
    public async Task A_demo_user_signs_in_with_code_and_PKCE_and_the_access_token_carries_the_APIs_claims_and_is_accepted_by_it()
    {
        var organisation = await Post<StreamCreated>(DemoUsers.Caseworker, "/api/organisations",
            new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Halle (Saale)"), 201);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        using var client = Host.Server.CreateClient();

        var code = await AuthorizeAsync(client, DemoUsers.Applicant, Challenge(verifier));
        var tokens = await RedeemAsync(client, code, verifier);

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        access.Issuer.ShouldBe(DevelopmentTokenIssuer.Issuer);
        access.Audiences.ShouldContain("fachwerk-api");
        access.Subject.ShouldBe(DemoUsers.Applicant.Id);
        access.GetClaim(UserClaims.Role).Value.ShouldBe("applicant");
        access.GetClaim(UserClaims.Organisation).Value.ShouldBe(organisation.Id.ToString());
        access.GetClaim(UserClaims.Name).Value.ShouldBe(DemoUsers.Applicant.DisplayName);
        access.GetClaim("locale").Value.ShouldBe("de-DE");
        new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetClaim(UserClaims.Role).Value.ShouldBe("applicant");

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/applications");
        read.Headers.Authorization = new("Bearer", access.EncodedToken);
        (await client.SendAsync(read, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_PKCE_verifier()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        using var client = Host.Server.CreateClient();
        var code = await AuthorizeAsync(client, DemoUsers.Caseworker, Challenge(verifier));

        using var wrong = await client.PostAsync("/connect/token", Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", "fachwerk-web"), ("code_verifier", Base64Url(RandomNumberGenerator.GetBytes(32)))), TestContext.Current.CancellationToken);

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("invalid_grant");
    }

    [Theory]
    [InlineData("someone-else", Redirect)]
    [InlineData("fachwerk-web", "https://evil.example/signin-oidc")]
    [InlineData("fachwerk-web", "http://localhost/elsewhere")]
    public async Task Another_client_or_another_redirect_address_gets_no_sign_in_page(string clientId, string redirect)
    {
        using var client = Host.Server.CreateClient();

        using var answer = await client.GetAsync(AuthorizeUrl(Challenge("x-verifier-x-verifier-x-verifier-x-verifier"), clientId, redirect),
            TestContext.Current.CancellationToken);

        // OpenIddict answers the refusal itself (400, or 401 for an unknown client): nothing is redirected anywhere.
        ((int)answer.StatusCode).ShouldBeInRange(400, 401);
        answer.Headers.Location.ShouldBeNull();
        (await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("demo_user");
    }

    [Fact]
    public async Task The_discovery_document_and_the_keys_are_those_of_the_development_token_issuer()
    {
        using var client = Host.Server.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken));
        using var keys = JsonDocument.Parse(await client.GetStringAsync("/.well-known/jwks", TestContext.Current.CancellationToken));
        var token = new JsonWebToken(Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(DemoUsers.Caseworker));

        discovery.RootElement.GetProperty("issuer").GetString().ShouldBe(token.Issuer);
        discovery.RootElement.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldContain("S256");
        keys.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ShouldContain(token.Kid);
    }

    /// <summary>The provider's page, then the demo user's button: answers the code the provider posts back to the UI.</summary>
    private static async Task<string> AuthorizeAsync(HttpClient client, DemoUser user, string challenge)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var page = await client.GetAsync(AuthorizeUrl(challenge, "fachwerk-web", Redirect), cancellation);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(cancellation);
        var fields = Hidden().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
        fields.Add(("demo_user", user.Id));

        using var choose = new HttpRequestMessage(HttpMethod.Post, "/connect/authorize") { Content = Form([.. fields]) };
        // The antiforgery cookie of the page goes back with its form.
        choose.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var posted = await client.SendAsync(choose, cancellation);
        var answer = await posted.Content.ReadAsStringAsync(cancellation);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        return Hidden().Matches(answer).Single(m => m.Groups["name"].Value == "code").Groups["value"].Value;
    }

    private static async Task<JsonElement> RedeemAsync(HttpClient client, string code, string verifier)
    {
        using var answer = await client.PostAsync("/connect/token", Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", "fachwerk-web"), ("code_verifier", verifier)), TestContext.Current.CancellationToken);
        var body = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string AuthorizeUrl(string challenge, string clientId, string redirect) =>
        "/connect/authorize" + QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirect, ["response_type"] = "code", ["response_mode"] = "form_post",
            ["scope"] = "openid profile email roles", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
            ["state"] = "state-1", ["nonce"] = "nonce-1",
        });

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" ?/?>""")]
    private static partial Regex Hidden();
}
