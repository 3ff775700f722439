using System.Net;
using System.Net.Sockets;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;

namespace Fachwerk.Host.Authentication;

/// <summary>
/// Structured security events (category "Fachwerk.Security"): failed authentication and denied authorization, with who
/// (the user id only), what (method and path), when (the log's timestamp) and from where (the client's network, its
/// address cut to a /24 or /48 prefix: no other personal data).
/// </summary>
public static partial class SecurityLog
{
    public const string Category = "Fachwerk.Security";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Authentication failed for {Method} {Path} from {Network}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string method, string path, string network, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Authorization denied to {UserId} for {Operation} ({Method} {Path}) from {Network}: {Reason}")]
    public static partial void AuthorizationDenied(
        ILogger logger, string userId, string operation, string method, string path, string network, string reason);

    /// <summary>
    /// A refusal under the four-eyes principle or separation of duties (<paramref name="rule"/>: the refusal's code, or
    /// <c>access.separation-of-duties</c> for a caller bound to the applicant): someone tried to decide or pay alone.
    /// </summary>
    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Duty refused to {UserId} for {Operation} ({Method} {Path}) from {Network}: {Rule}: {Reason}")]
    public static partial void DutyRefused(
        ILogger logger, string userId, string operation, string method, string path, string network, string rule, string reason);

    [LoggerMessage(EventId = 4029, Level = LogLevel.Warning, Message = "Rate limit hit by {UserId} for {Method} {Path} from {Network}")]
    public static partial void RateLimited(ILogger logger, string userId, string method, string path, string network);

    public static ILogger Logger(this HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    public static void Denied(HttpContext context, string reason) =>
        AuthorizationDenied(context.Logger(), UserOf(context), OperationOf(context), context.Request.Method, context.Request.Path, NetworkOf(context),
            reason);

    public static void Refused(HttpContext context, string rule, string reason) =>
        DutyRefused(context.Logger(), UserOf(context), OperationOf(context), context.Request.Method, context.Request.Path, NetworkOf(context),
            rule, reason);

    /// <summary>The code a separation-of-duties refusal by the access layer is logged under.</summary>
    public const string AccessSeparationOfDuties = "access.separation-of-duties";

    /// <summary>The operation as the API reference names it: the method and the route template, e.g. <c>POST /api/applications/{applicationId}/submission</c>.</summary>
    public static string OperationOf(HttpContext context) =>
        // The exception handler clears the endpoint before it runs; its feature keeps it.
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is RouteEndpoint { RoutePattern.RawText: { } route }
            ? $"{context.Request.Method} /{route.TrimStart('/')}"
            : $"{context.Request.Method} {context.Request.Path}";

    public static string UserOf(HttpContext context) => context.User.FindFirst(UserClaims.Subject)?.Value ?? "anonymous";

    /// <summary>The client's network rather than its address: IPv4 /24, IPv6 /48.</summary>
    public static string NetworkOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var prefix = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        for (var i = prefix; i < bytes.Length; i++) bytes[i] = 0;
        return $"{new IPAddress(bytes)}/{prefix * 8}";
    }
}

/// <summary>Logs every authorization denial (role missing) and every challenge (no valid token) before answering it.</summary>
public sealed class LoggingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
            SecurityLog.Denied(context, "the role does not allow this operation");
        // A page of the UI asked for by someone not signed in is not a failed authentication: the sign-in follows.
        else if (authorizeResult.Challenged && !Fachwerk.Web.FachwerkWeb.IsPageRequest(context.Request.Path))
            SecurityLog.AuthenticationFailed(context.Logger(), context.Request.Method, context.Request.Path, SecurityLog.NetworkOf(context),
                context.Request.Headers.Authorization.Count == 0 ? "no token" : "the token was not accepted");
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
