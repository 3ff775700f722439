using System.Text.Json;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.Host.Errors;

/// <summary>
/// Turns the exceptions a command can end with into RFC 9457 problem details: refused rules and stale versions are 409,
/// unreadable bodies 400, anything else 500 without internals. Nothing is committed in any of these cases:
/// the exception escapes before Marten's SaveChangesAsync.
/// </summary>
public sealed class ExceptionProblemDetails(
    IProblemDetailsService problemDetails, IDocumentStore store, ILogger<ExceptionProblemDetails> logger) : IExceptionHandler
{
    public const string TypePrefix = "urn:fachwerk:problem:";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is ConcurrencyException { Id: Guid streamId } stale
            ? await StaleOrMissingStream(streamId, (stale as EventStreamUnexpectedMaxEventIdException)?.AggregateType, cancellationToken)
            : Map(exception);

        if (exception is AccessDenied)
            Fachwerk.Host.Authentication.SecurityLog.Denied(httpContext, exception.Message);

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error while processing {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "internal",
                "An unexpected error occurred.", "The error was logged; nothing was recorded. Quote the traceId when you report it.");
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Type} {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Type, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// An expected version that does not match: 404 when the stream does not exist at all,
    /// otherwise 409 naming the current version.
    /// </summary>
    private async Task<ProblemDetails> StaleOrMissingStream(Guid streamId, Type? aggregateType, CancellationToken cancellation)
    {
        StreamState? state;
        await using (var session = store.QuerySession())
        {
            state = await session.Events.FetchStreamStateAsync(streamId, cancellation);
        }

        var what = (aggregateType ?? state?.AggregateType)?.Name.ToLowerInvariant() ?? "stream";
        if (state is null)
            return Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", $"There is no {what} with id {streamId}.");

        var problem = Problem(StatusCodes.Status409Conflict, "stale-version",
            "The resource has changed since the version you sent.",
            $"The {what} is at version {state?.Version}. Someone else changed it first: read it again, check the change, " +
            "and send the command with the new version.");
        if (state is not null) problem.Extensions["currentVersion"] = state.Version;
        return problem;
    }

    private static ProblemDetails? Map(Exception exception) =>
        exception switch
        {
            RuleViolation violation => Problem(StatusCodes.Status409Conflict, violation.Code,
                "The command is not allowed in the current state.", violation.Message),
            AccessDenied denied => Problem(StatusCodes.Status403Forbidden, "forbidden", "You may not do this.", denied.Message),
            UnknownEntity unknown => Problem(StatusCodes.Status404NotFound, unknown.Code, "Not found.", unknown.Message),
            ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                => Problem(StatusCodes.Status409Conflict, "stale-version",
                    "The resource has changed since the version you sent.",
                    "Someone else changed it first. Read it again, check the change, and send the command with the new version."),
            BadHttpRequestException { InnerException: JsonException json } => Problem(StatusCodes.Status400BadRequest,
                "unreadable-body", "The request body is not valid JSON for this operation.", json.Message),
            JsonException json => Problem(StatusCodes.Status400BadRequest,
                "unreadable-body", "The request body is not valid JSON for this operation.", json.Message),
            BadHttpRequestException bad => Problem(bad.StatusCode, "bad-request", "The request is malformed.", bad.Message),
            _ => null,
        };

    private static ProblemDetails Problem(int status, string code, string title, string detail) => new()
    {
        Status = status,
        Type = TypePrefix + code,
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
