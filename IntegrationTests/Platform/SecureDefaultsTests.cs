using System.Net;
using System.Text;
using Alba;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Host.Errors;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

    [Fact]
    public async Task Outside_Development_nothing_of_the_development_parts_exists_and_plain_http_is_redirected_to_https_with_hsts()
    {
        await using var production = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("ConnectionStrings:Fachwerk", ConnectionString);
            builder.UseSetting("Authentication:DevelopmentTokens", "true");
            builder.UseSetting("DemoWorld:Enabled", "true");
            builder.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });

        // Asked for by the settings above, and still absent; the Development host of the other tests has them (its demo world is off).
        DevelopmentPartsOf(production.Services).ShouldBeEmpty();
        DevelopmentPartsOf(Host.Services).ShouldBe(["token issuer", "token endpoint", "token validation", "local cluster"]);
        var redirected = await production.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(307);
        });
        redirected.Context.Response.Headers.Location.ToString().ShouldStartWith("https://");
        var secure = await production.Scenario(s =>
        {
            // HSTS is never sent for localhost, so ask as a browser would on the real host name.
            s.ConfigureHttpContext(c =>
            {
                c.Request.Scheme = "https";
                c.Request.Host = new HostString("fachwerk.example.org");
            });
            s.Get.Url("/health/live");
        });
        secure.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldContain("max-age=");
        await production.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Request.Scheme = "https");
            s.Post.Json(new DevelopmentTokenRequest("admin")).ToUrl(DevelopmentTokenEndpoint.Path);
            s.StatusCodeShouldBe(401);
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
        if (services.GetService<IFallbackDatabase>() is not null) parts.Add("local cluster");
        return parts;
    }
}
