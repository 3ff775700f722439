using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Fachwerk.Application.Common;
using Fachwerk.Host.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Fachwerk.Host.Security;

/// <summary>
/// The request limits of <see cref="RateLimitSettings"/> (ADR 0057): every request counts against its user, or against its
/// client address when it has no valid token; the expensive operations (<see cref="RateLimitPolicies.Expensive"/>) count again,
/// tighter, per user. Windows run on the host's clock.
/// </summary>
public static class RateLimits
{
    public static void AddFachwerkRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
        services.Configure<ForwardedHeadersOptions>(o => TrustConfiguredProxies(o, configuration.GetSection("ForwardedHeaders")));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => UserOf(context) is { } user
                ? Partition(context, "user", user, s => s.PerUser)
                : Partition(context, "client", ClientOf(context), s => s.PerClient));
            o.AddPolicy(RateLimitPolicies.Expensive, context =>
                Partition(context, RateLimitPolicies.Expensive, UserOf(context) ?? ClientOf(context), s => s.ExpensivePerUser));
            o.OnRejected = (rejected, cancellation) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                SecurityLog.RateLimited(context.Logger(), SecurityLog.UserOf(context), context.Request.Method, context.Request.Path,
                    SecurityLog.NetworkOf(context));
                return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = Problems.TooManyRequests(seconds),
                });
            };
        });
    }

    /// <summary>
    /// A window per key on the host's clock; the limit and window are part of the key, so a changed setting opens new windows.
    /// No limit when the limits are off.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context, string kind, string key, Func<RateLimitSettings, int> limit)
    {
        var settings = context.RequestServices.GetRequiredService<RateLimitSettings>();
        if (!settings.Enabled) return RateLimitPartition.GetNoLimiter(kind);
        var (permits, window) = (limit(settings), settings.Window);
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get($"{kind}|{permits}|{window.Ticks}|{key}", _ => new ClockWindowLimiter(clock, permits, window));
    }

    private static string? UserOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(UserClaims.Subject)?.Value : null;

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// <c>X-Forwarded-For</c> and <c>-Proto</c> are believed only from the proxies named in "ForwardedHeaders:KnownProxies"
    /// (addresses) and "ForwardedHeaders:KnownNetworks" (CIDR, e.g. 10.0.0.0/8); without them only from this machine (loopback).
    /// </summary>
    private static void TrustConfiguredProxies(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
