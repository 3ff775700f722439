using System.Globalization;
using System.Net;
using Alba;
using Fachwerk.Application.Common;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Host.Security;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Requests are limited per user, per client address for requests without a valid token (X-Forwarded-For believed only from
/// known proxies) and, tighter, on the operations that read or rebuild the whole store; a request over a limit answers 429 with
/// Retry-After (ADR 0057). The limits are made small here (the other tests run without them); each test counts under users and
/// addresses of its own, and the windows run on the fake clock: a test moves past a window instead of waiting for it.
/// </summary>
public class RateLimitTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private RateLimitSettings Limits => Host.Services.GetRequiredService<RateLimitSettings>();

    private async Task WithLimits(int perUser, int perClient, int expensive, Func<Task> test)
    {
        var (enabled, user, client, costly) = (Limits.Enabled, Limits.PerUser, Limits.PerClient, Limits.ExpensivePerUser);
        (Limits.Enabled, Limits.PerUser, Limits.PerClient, Limits.ExpensivePerUser) = (true, perUser, perClient, expensive);
        try
        {
            await test();
        }
        finally
        {
            (Limits.Enabled, Limits.PerUser, Limits.PerClient, Limits.ExpensivePerUser) = (enabled, user, client, costly);
        }
    }

    /// <summary>A user of their own (an auditor), so that no request of another test counted in their window.</summary>
    private static DemoUser NewUser() => new($"rate-{Guid.NewGuid():N}", "Rate test", [Roles.Auditor]);

    private static int _addresses;

    /// <summary>An address of its own in this run, for the same reason.</summary>
    private static IPAddress NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
    }

    private async Task<IScenarioResult> Get(string url, DemoUser? user, IPAddress from, string? forwardedFor = null) =>
        await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = from);
            if (forwardedFor is not null) s.WithRequestHeader("X-Forwarded-For", forwardedFor);
            if (user is not null)
                s.WithRequestHeader("Authorization", "Bearer " + Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user));
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });

    private static void ShouldBeServed(IScenarioResult result) => result.Context.Response.StatusCode.ShouldBe(200);

    private static async Task ShouldBeRefused(IScenarioResult result, int retryAfterSeconds)
    {
        result.Context.Response.StatusCode.ShouldBe(429);
        result.Context.Response.Headers.RetryAfter.ToString().ShouldBe(retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        var problem = await ProblemOf(result);
        problem.Type.ShouldBe("urn:fachwerk:problem:too-many-requests");
        problem.Detail!.ShouldContain($"{retryAfterSeconds} seconds");
    }

    [Fact]
    public Task A_user_over_the_limit_is_refused_until_the_window_closes_while_another_user_goes_on() =>
        WithLimits(perUser: 3, perClient: 1000, expensive: 1000, async () =>
        {
            var (user, other, address) = (NewUser(), NewUser(), NewAddress());
            for (var i = 0; i < 3; i++) ShouldBeServed(await Get("/api/organisations", user, address));

            Clock.Advance(TimeSpan.FromSeconds(20.5));
            // From another address too: the user is counted, not the address.
            await ShouldBeRefused(await Get("/api/organisations", user, NewAddress()), retryAfterSeconds: 40);
            ShouldBeServed(await Get("/api/organisations", other, address));
            Logs.Entries.ShouldContain(e => e.Category == Fachwerk.Host.Authentication.SecurityLog.Category && e.EventId.Id == 4029
                                            && e.State["UserId"] == user.Id);

            Clock.Advance(TimeSpan.FromSeconds(39));
            await ShouldBeRefused(await Get("/api/organisations", user, address), retryAfterSeconds: 1);
            Clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 3; i++) ShouldBeServed(await Get("/api/organisations", user, address));
            await ShouldBeRefused(await Get("/api/organisations", user, address), retryAfterSeconds: 60);
        });

    [Fact]
    public Task Requests_without_a_valid_token_are_counted_per_client_address() =>
        WithLimits(perUser: 1000, perClient: 3, expensive: 1000, async () =>
        {
            var address = NewAddress();
            ShouldBeServed(await Get("/health/live", null, address));
            (await Get("/api/organisations", null, address)).Context.Response.StatusCode.ShouldBe(401);
            await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
                s.WithRequestHeader("Authorization", "Bearer not-a-token");
                s.Get.Url("/api/organisations");
                s.StatusCodeShouldBe(401);
            });

            await ShouldBeRefused(await Get("/health/live", null, address), retryAfterSeconds: 60);
            await ShouldBeRefused(await Get("/api/organisations", null, address), retryAfterSeconds: 60);
            // A signed-in user behind the same address counts as themselves; another address has its own window.
            ShouldBeServed(await Get("/api/organisations", NewUser(), address));
            ShouldBeServed(await Get("/health/live", null, NewAddress()));

            Clock.Advance(TimeSpan.FromMinutes(1));
            ShouldBeServed(await Get("/health/live", null, address));
        });

    [Fact]
    public Task X_forwarded_for_counts_only_from_a_known_proxy() =>
        WithLimits(perUser: 1000, perClient: 2, expensive: 1000, async () =>
        {
            // From an address that is no known proxy, the header is ignored: every request counts for that address.
            var stranger = NewAddress();
            ShouldBeServed(await Get("/health/live", null, stranger, "192.0.2.1"));
            ShouldBeServed(await Get("/health/live", null, stranger, "192.0.2.2"));
            await ShouldBeRefused(await Get("/health/live", null, stranger, "192.0.2.3"), retryAfterSeconds: 60);

            // Through the proxy on this machine (known by default), each forwarded client counts for itself.
            var (first, second) = (NewAddress().ToString(), NewAddress().ToString());
            ShouldBeServed(await Get("/health/live", null, IPAddress.Loopback, first));
            ShouldBeServed(await Get("/health/live", null, IPAddress.Loopback, first));
            await ShouldBeRefused(await Get("/health/live", null, IPAddress.Loopback, first), retryAfterSeconds: 60);
            ShouldBeServed(await Get("/health/live", null, IPAddress.Loopback, second));
        });

    [Theory]
    [InlineData("/api/audit/chains/digest")]
    [InlineData("/api/audit/chains/verification")]
    public Task The_operations_reading_the_whole_store_have_a_tighter_limit_per_user(string url) =>
        WithLimits(perUser: 1000, perClient: 1000, expensive: 1, async () =>
        {
            var (user, address) = (NewUser(), NewAddress());
            ShouldBeServed(await Get(url, user, address));

            await ShouldBeRefused(await Get(url, user, address), retryAfterSeconds: 60);
            ShouldBeServed(await Get("/api/organisations", user, address));
            ShouldBeServed(await Get(url, NewUser(), address));
            Clock.Advance(TimeSpan.FromMinutes(1));
            ShouldBeServed(await Get(url, user, address));
        });

    [Fact]
    public Task A_command_over_the_limit_appends_nothing() =>
        WithLimits(perUser: 1, perClient: 1000, expensive: 1000, async () =>
        {
            var user = new DemoUser($"rate-{Guid.NewGuid():N}", "Rate test", [Roles.Administrator]);
            ShouldBeServed(await Get("/api/organisations", user, NewAddress()));
            var refused = await Host.Scenario(s =>
            {
                s.WithRequestHeader("Authorization", "Bearer " + Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user));
                s.Post.Json(new { name = "Rate GmbH", kind = "Company" }).ToUrl("/api/organisations");
                s.StatusCodeShouldBe(429);
            });

            refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("60");
            (await EventCount()).ShouldBe(0);
        });

    [Fact]
    public void A_limiter_is_idle_from_when_it_was_made_until_its_first_request_then_from_when_its_window_closed()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AppFixture.Start);
        using var limiter = new ClockWindowLimiter(clock, permits: 2, window: TimeSpan.FromMinutes(1));

        // Made just now: not idle, so the partitioned limiter's clean-up keeps it for the request it was made for.
        limiter.IdleDuration.ShouldBe(TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(11));
        limiter.IdleDuration.ShouldBe(TimeSpan.FromSeconds(11));

        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        limiter.IdleDuration.ShouldBeNull();
        clock.Advance(TimeSpan.FromSeconds(75));
        limiter.IdleDuration.ShouldBe(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void The_limits_are_on_unless_configured_off_and_each_is_a_setting()
    {
        static RateLimitSettings From(Dictionary<string, string?> values)
        {
            var services = new ServiceCollection();
            services.AddFachwerkRateLimits(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            return services.BuildServiceProvider().GetRequiredService<RateLimitSettings>();
        }

        From([]).Enabled.ShouldBeTrue();
        var configured = From(new()
        {
            ["RateLimits:PerUser"] = "50", ["RateLimits:PerClient"] = "20", ["RateLimits:ExpensivePerUser"] = "2", ["RateLimits:Window"] = "00:00:30",
        });
        (configured.PerUser, configured.PerClient, configured.ExpensivePerUser, configured.Window).ShouldBe((50, 20, 2, TimeSpan.FromSeconds(30)));
        From(new() { ["RateLimits:Enabled"] = "false" }).Enabled.ShouldBeFalse();
    }
}
