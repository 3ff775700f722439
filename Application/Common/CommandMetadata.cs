using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Fachwerk.Application.Common;

/// <summary>
/// Stamps every event a command appends with who sent it and why: the caller's user id (Marten's user_name column),
/// the command's reason and name (headers), and correlation and causation ids taken from the request.
/// </summary>
public sealed class CommandMetadataPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!chain.HasRequestType || !chain.RequestType!.IsAssignableTo(typeof(ICommand))) continue;

            var method = typeof(CommandMetadata).GetMethod(nameof(CommandMetadata.Record))!.MakeGenericMethod(chain.RequestType);
            chain.Middleware.Add(new MethodCall(typeof(CommandMetadata), method) { CommentText = "Record who sent the command and why" });
        }
    }
}

public static class CommandMetadata
{
    public const string CorrelationIdHeader = "X-Correlation-ID";
    public const string CausationIdHeader = "X-Causation-ID";
    public const string ReasonHeader = "reason";
    public const string CommandHeader = "command";

    public static void Record<T>(T command, HttpContext http, IDocumentSession session) where T : ICommand
    {
        session.LastModifiedBy = http.User.UserId();
        session.SetHeader(CommandHeader, typeof(T).Name);
        if (!string.IsNullOrWhiteSpace(command.Reason))
            session.SetHeader(ReasonHeader, command.Reason.Trim());

        if (http.Request.Headers.TryGetValue(CorrelationIdHeader, out var correlationId) && !string.IsNullOrWhiteSpace(correlationId))
            session.CorrelationId = correlationId.ToString();
        session.CausationId = http.Request.Headers.TryGetValue(CausationIdHeader, out var causationId) && !string.IsNullOrWhiteSpace(causationId)
            ? causationId.ToString()
            : TraceId(http);
    }

    /// <summary>
    /// The request's W3C trace id (the caller's, when it sent a <c>traceparent</c>): the <c>TraceId</c> of every log line written
    /// for the request and, with OTLP, its trace. ASP.NET Core's connection-bound request id only when no activity runs.
    /// </summary>
    public static string TraceId(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
    }
}
