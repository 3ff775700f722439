using System.Net;
using System.Text;
using Alba;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Host.Development.SignIn;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Host.Errors;
using Fachwerk.Host.Security;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Fachwerk.IntegrationTests.Platform;

public class SecureDefaultsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_body_over_the_limit_answers_413_before_anything_reads_it_and_closes_the_connection()
    {
        var body = new string('x', (int)Fachwerk.Host.Composition.MaxRequestBodyBytes + 1);

        var result = await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Caseworker);
            s.Post.Text(body).ToUrl("/api/organisations");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(413);
        });

        (await ProblemOf(result)).Status.ShouldBe(413);
        result.Context.Response.Headers.Connection.ToString().ShouldBe("close");
        (await EventCount()).ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/organisations", 200)]
    [InlineData("/api/applications/00000000-0000-4000-8000-000000000001", 404)]
    [InlineData("/api/audit/chains/digest", 403)]
    public async Task API_answers_are_never_cached_nor_content_sniffed(string url, int status)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Caseworker);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

        result.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        result.Context.Response.Headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }

    [Theory]
    [InlineData("/api/organisations", true, 200)]
    [InlineData("/api/applications/00000000-0000-4000-8000-000000000001", true, 404)]
    [InlineData("/api/organisations", false, 401)]
    [InlineData("/api/organisations/%01", true, 400)]
    [InlineData("/health/live", false, 200)]
    [InlineData("/openapi/v1.json", false, 200)]
    [InlineData("/api/nowhere", false, 401)]
    public async Task Every_answer_forbids_framing_referrers_sniffing_and_anything_but_its_own_sources(string url, bool signedIn, int status)
    {
        var result = await Host.Scenario(s =>
        {
            if (signedIn) Authorize(s, DemoUsers.Caseworker);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldBe(ProtocolSettings.StrictContentSecurityPolicy);
        headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }

    [Fact]
    public async Task What_the_web_ui_sets_for_its_pages_is_kept_and_the_rest_is_added()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/_content/Fachwerk.Web/fachwerk.css");
            s.StatusCodeShouldBe(200);
        });

        var headers = result.Context.Response.Headers;
        headers["Referrer-Policy"].ToString().ShouldBe("same-origin");
        headers.ContentSecurityPolicy.ToString().ShouldBe(ProtocolSettings.StrictContentSecurityPolicy);
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_api_reference_page_has_its_own_policy_for_its_inline_configuration_and_still_cannot_be_framed()
    {
        var result = await Host.Scenario(s => s.Get.Url(Fachwerk.Host.Composition.ApiReferencePath + "/"));

        result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe(ProtocolSettings.ApiReferenceContentSecurityPolicy);
        result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public void Kestrel_sends_no_server_banner()
    {
        Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Fact]
    public async Task Development_tokens_live_an_hour_at_most()
    {
        var minted = await Host.Scenario(s =>
        {
            s.Post.Json(new DevelopmentTokenRequest("petra.pruefung")).ToUrl(DevelopmentTokenEndpoint.Path);
            s.StatusCodeShouldBe(200);
        });
        (await Read<DevelopmentToken>(minted)).ExpiresIn.ShouldBe(3600);

        foreach (var minutes in new[] { 61, 480, 1440 })
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new DevelopmentTokenRequest("petra.pruefung", Minutes: minutes)).ToUrl(DevelopmentTokenEndpoint.Path);
                s.StatusCodeShouldBe(400);
            });
        }

        var token = Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(DemoUsers.Auditor);
        Clock.Advance(TimeSpan.FromMinutes(61));
        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.Get.Url("/api/organisations");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task The_token_endpoint_is_rate_limited_per_network()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 31; i++)
        {
            var result = await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7"));
                s.Post.Json(new DevelopmentTokenRequest("petra.pruefung")).ToUrl(DevelopmentTokenEndpoint.Path);
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
        }

        statuses.Take(30).ShouldAllBe(status => status == 200);
        statuses.Last().ShouldBe(429);
        Logs.Entries.ShouldContain(e => e.Category == SecurityLog.Category && e.EventId.Id == 4029 && e.State["Network"] == "203.0.113.0/24");
    }

    [Fact]
    public async Task An_unexpected_error_answers_500_without_internals()
    {
        var context = new DefaultHttpContext { RequestServices = Host.Services };
        context.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<ExceptionProblemDetails>(Host.Services);

        await handler.TryHandleAsync(context, new InvalidOperationException("secret connection string Password=hunter2"), TestContext.Current.CancellationToken);

        context.Response.StatusCode.ShouldBe(500);
        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        body.ShouldContain("urn:fachwerk:problem:internal");
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
    }

    private const string WebUiPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    private Task<IAlbaHost> Production(params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("ConnectionStrings:Fachwerk", ConnectionString);
            // Outside Development the key ring is configured, never generated (ADR 0061).
            builder.UseSetting("PersonalData:KeyRingFile", KeyRingFile);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });

    /// <summary>A request as a browser sends it to the real host name over HTTPS (HSTS is never sent for localhost).</summary>
    private static void OverHttps(Scenario scenario) =>
        scenario.ConfigureHttpContext(c =>
        {
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("fachwerk.example.org");
        });

    [Fact]
    public async Task Outside_Development_nothing_of_the_development_parts_exists_and_plain_http_is_redirected_to_https_with_hsts()
    {
        await using var production = await Production(("Authentication:DevelopmentTokens", "true"), ("DemoWorld:Enabled", "true"),
            (ProtocolSettings.Section + ":ContentSecurityPolicy", WebUiPolicy));

        // Asked for by the settings above, and still absent; the Development host of the other tests has them (its demo world is off).
        DevelopmentPartsOf(production.Services).ShouldBeEmpty();
        DevelopmentPartsOf(Host.Services).ShouldBe(["token issuer", "token endpoint", "token validation", "sign-in provider", "local cluster"]);
        var redirected = await production.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(307);
        });
        redirected.Context.Response.Headers.Location.ToString().ShouldStartWith("https://");
        var secure = await production.Scenario(s =>
        {
            OverHttps(s);
            s.Get.Url("/health/live");
        });
        secure.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000; includeSubDomains");
        secure.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe(WebUiPolicy);

        // The API over plain HTTP is refused, not redirected: the token has already crossed in the clear.
        var plain = await production.Scenario(s =>
        {
            s.Get.Url("/api/organisations");
            s.StatusCodeShouldBe(403);
        });
        (await ProblemOf(plain)).Type.ShouldBe("urn:fachwerk:problem:https-required");
        plain.Context.Response.Headers.Location.ToString().ShouldBeEmpty();

        // The API reference and the OpenAPI document are off unless switched on: nothing is there, and whoever asks is sent to sign in
        // to the web UI (the host's fallback for an address that is no API).
        foreach (var url in new[] { Fachwerk.Host.Composition.OpenApiPath, Fachwerk.Host.Composition.ApiReferencePath + "/" })
        {
            var off = await production.Scenario(s =>
            {
                OverHttps(s);
                s.Get.Url(url);
                s.IgnoreStatusCode();
            });
            off.Context.Response.StatusCode.ShouldBeOneOf(302, 401);
            (await off.ReadAsTextAsync()).ShouldNotContain("openapi");
        }
        await production.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Request.Scheme = "https");
            s.Post.Json(new DevelopmentTokenRequest("admin")).ToUrl(DevelopmentTokenEndpoint.Path);
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Outside_Development_a_setting_switches_the_api_reference_on()
    {
        await using var production = await Production(("ApiReference:Enabled", "true"));

        await production.Scenario(s =>
        {
            OverHttps(s);
            s.Get.Url(Fachwerk.Host.Composition.OpenApiPath);
            s.StatusCodeShouldBe(200);
        });
    }

    /// <summary>Which of the Development-only parts (FachwerkDevelopment) a host has.</summary>
    private static List<string> DevelopmentPartsOf(IServiceProvider services)
    {
        var parts = new List<string>();
        if (services.GetService<DevelopmentTokenIssuer>() is not null) parts.Add("token issuer");
        if (services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == DevelopmentTokenEndpoint.Path))
            parts.Add("token endpoint");
        var bearer = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        if (bearer.ValidIssuer == DevelopmentTokenIssuer.Issuer || bearer.IssuerSigningKey is not null) parts.Add("token validation");
        if (services.GetServices<IHostedService>().OfType<DemoWorldOnStartup>().Any()) parts.Add("demo world");
        if (services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText == DevelopmentIdentityProvider.AuthorizePath)) parts.Add("sign-in provider");
        if (services.GetService<IFallbackDatabase>() is not null) parts.Add("local cluster");
        return parts;
    }
}
