using System.Text.Json;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Authentication;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.Host.Errors;

/// <summary>
/// Turns the exceptions a command can end with into RFC 9457 problem details: refused rules and stale versions are 409,
/// unreadable bodies 400 (nothing is committed in these cases: the exception escapes before Marten's SaveChangesAsync), a
/// database that is away 503 with <c>Retry-After</c> (saying whether the outcome is unknown, ADR 0080), anything else 500
/// without internals.
/// </summary>
public sealed class ExceptionProblemDetails(
    IProblemDetailsService problemDetails, IDocumentStore store, ILogger<ExceptionProblemDetails> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ConcurrencyException { Id: Guid streamId } stale =>
                await StaleOrMissingStream(streamId, (stale as EventStreamUnexpectedMaxEventIdException)?.AggregateType?.Name, cancellationToken),
            // Npgsql redacts the stream id from the database's refusal unless errors carry their detail: the command knows it.
            ConcurrencyException when ExpectedVersion.Of(httpContext) is { } written =>
                await StaleOrMissingStream(written.Id, written.Aggregate, cancellationToken),
            // Two appends to one stream at the same moment that the database, not Marten's version check, told apart.
            _ when AppendRaces.IsLost(exception) && ExpectedVersion.Of(httpContext) is { } written =>
                await LostRace(written, cancellationToken),
            _ when AppendRaces.LostIn(exception) is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => Problems.ConcurrentChange("record"),
            _ => Map(exception),
        };

        // Security events go to the security log with the user and the operation (ADR 0060).
        var securityEvent = true;
        if (exception is AccessDenied { Kind: AccessDenial.SeparationOfDuties })
            SecurityLog.Refused(httpContext, SecurityLog.AccessSeparationOfDuties, exception.Message);
        else if (exception is AccessDenied)
            SecurityLog.Denied(httpContext, exception.Message);
        else if (exception is RuleViolation violation && Duties.Guards(violation))
            SecurityLog.Refused(httpContext, violation.Code, violation.Message);
        else
            securityEvent = false;

        var changes = !HttpMethods.IsGet(httpContext.Request.Method) && !HttpMethods.IsHead(httpContext.Request.Method);
        if (problem is null && DatabaseFailures.TransientIn(exception) is { } failure)
        {
            // The client is told when to come back; the log keeps one line per request, not a stack trace each.
            logger.LogWarning("The database failed while processing {Method} {Path}: {Failure}", httpContext.Request.Method, httpContext.Request.Path,
                failure.Message);
            problem = changes && !DatabaseFailures.BeforeConnecting(failure) ? Problems.OutcomeUnknown() : Problems.DatabaseUnavailable();
            httpContext.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem is null)
        {
            logger.LogError(exception, "Unhandled error while processing {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.Internal(changes);
        }
        else if (!securityEvent)
        {
            logger.LogInformation("Refused {Method} {Path}: {Type} {Detail}", httpContext.Request.Method, httpContext.Request.Path, problem.Type, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // A body too large for the limit was not read to its end: the connection cannot carry another request.
        if (problem.Status == StatusCodes.Status413PayloadTooLarge) httpContext.Response.Headers.Connection = "close";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A stream whose version moved on between loading and appending: 404 when the stream does not exist at all, otherwise
    /// 409 naming the current version.
    /// </summary>
    private async Task<ProblemDetails> StaleOrMissingStream(Guid streamId, string? aggregate, CancellationToken cancellation)
    {
        StreamState? state;
        await using (var session = store.QuerySession())
        {
            state = await session.Events.FetchStreamStateAsync(streamId, cancellation);
        }

        var what = (aggregate ?? state?.AggregateType?.Name) is { } name ? Problems.NameOf(name) : "stream";
        return state is null
            ? Problems.NotFound($"There is no {what} with id {streamId}.")
            : Problems.StaleVersion(what, state.Version);
    }

    /// <summary>
    /// An append the database refused in a race (ADR 0079): the command's transaction was rolled back. When the stream has moved
    /// on the other change won (409 stale, naming the version); when it has not, both failed and the same command may simply be
    /// sent again.
    /// </summary>
    private async Task<ProblemDetails> LostRace(WrittenStream written, CancellationToken cancellation)
    {
        StreamState? state;
        await using (var session = store.QuerySession())
        {
            state = await session.Events.FetchStreamStateAsync(written.Id, cancellation);
        }

        var what = Problems.NameOf(written.Aggregate);
        return state is not null && state.Version != written.ExpectedVersion
            ? Problems.StaleVersion(what, state.Version)
            : Problems.ConcurrentChange(what);
    }

    private static ProblemDetails? Map(Exception exception) =>
        exception switch
        {
            RuleViolation violation => Problems.RuleRefused(violation.Code, violation.Message),
            InvalidFields invalid => Problems.Invalid(invalid),
            AccessDenied denied => Problems.Forbidden(denied.Message),
            UnknownEntity unknown => Problems.UnknownEntity(unknown.Code, unknown.Message),
            ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                => Problems.StaleVersion("stream", null),
            BadHttpRequestException { InnerException: JsonException json } => ProblemNormaliser.UnreadableJson(json.Message),
            JsonException json => ProblemNormaliser.UnreadableJson(json.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.TooLarge(Composition.MaxRequestBodyBytes),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, Problems.BadRequestCode, "The request is malformed.", bad.Message),
            _ => null,
        };
}
