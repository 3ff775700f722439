using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.Application.Common;

/// <summary>
/// Every RFC 9457 problem the service answers with is made here, so its type URIs (<c>urn:fachwerk:problem:&lt;code&gt;</c>),
/// titles and extensions are written once: refusals of rules, access, stale versions, unknown ids, invalid and unreadable
/// requests. Each problem also carries its <c>code</c> (the last part of the type) for clients that switch on it.
/// </summary>
public static partial class Problems
{
    public const string TypePrefix = "urn:fachwerk:problem:";

    public const string ValidationCode = "validation";
    public const string UnreadableBodyCode = "unreadable-body";
    public const string UnsupportedMediaTypeCode = "unsupported-media-type";
    public const string NotFoundCode = "not-found";
    public const string ForbiddenCode = "forbidden";
    public const string StaleVersionCode = "stale-version";
    public const string BadRequestCode = "bad-request";
    public const string TooLargeCode = "too-large";
    public const string TooManyRequestsCode = "too-many-requests";
    public const string InternalCode = "internal";
    public const string DatabaseUnavailableCode = "database-unavailable";
    public const string OutcomeUnknownCode = "outcome-unknown";
    public const string ConcurrentChangeCode = "concurrent-change";

    /// <summary>Seconds a client waits before sending again while the database is away (the <c>Retry-After</c> of a 503).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The extension naming the stream's current version on a stale-version answer.</summary>
    public const string CurrentVersion = "currentVersion";

    public static string TypeOf(string code) => TypePrefix + code;

    public static ProblemDetails Create(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Type = TypeOf(code), Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails NotFound(string detail) => Create(StatusCodes.Status404NotFound, NotFoundCode, "Not found.", detail);

    /// <summary>Something inside an aggregate that does not exist there (a pilot's participant): 404 with the domain's code.</summary>
    public static ProblemDetails UnknownEntity(string code, string detail) => Create(StatusCodes.Status404NotFound, code, "Not found.", detail);

    /// <summary>A rate limit is reached (429); the same number of seconds goes into <c>Retry-After</c>.</summary>
    public static ProblemDetails TooManyRequests(int retryAfterSeconds) =>
        Create(StatusCodes.Status429TooManyRequests, TooManyRequestsCode, "Too many requests.",
            $"Too many requests in a short time: try again in {retryAfterSeconds} seconds.");

    public static ProblemDetails Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, ForbiddenCode, "You may not do this.", detail);

    /// <summary>A business rule refuses the command in the current state; <paramref name="code"/> names the rule.</summary>
    public static ProblemDetails RuleRefused(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, "The command is not allowed in the current state.", detail);

    /// <summary>The command was based on an older version of the stream; names the current one when it is known.</summary>
    public static ProblemDetails StaleVersion(string what, long? currentVersion)
    {
        var problem = Create(StatusCodes.Status409Conflict, StaleVersionCode, "The resource has changed since the version you sent.",
            currentVersion is { } version
                ? $"The {what} is at version {version}. Someone else changed it first: read it again, check the change, and send the command with the new version."
                : "Someone else changed it first. Read it again, check the change, and send the command with the new version.");
        if (currentVersion is not null) problem.Extensions[CurrentVersion] = currentVersion;
        return problem;
    }

    /// <summary>
    /// Another change of the same record was being recorded at the same moment and the database let only one of them through:
    /// nothing of this command was recorded, and the record is still at the version the command named.
    /// </summary>
    public static ProblemDetails ConcurrentChange(string what) =>
        Create(StatusCodes.Status409Conflict, ConcurrentChangeCode, "Another change was recorded at the same moment.",
            $"Another change to the same {what} was being recorded at the same moment; nothing of yours was recorded. Read it again and send the command again.");

    /// <summary>Fields that break their rules, keyed by JSON path (<c>fundingPeriod.to</c>).</summary>
    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypeOf(ValidationCode),
            Title = "The request is invalid.",
            Detail = "See 'errors' for the fields that need correcting.",
        };
        problem.Extensions["code"] = ValidationCode;
        return problem;
    }

    /// <summary>A body that is not JSON of the operation's shape; <paramref name="errors"/> names the JSON path and what was expected there.</summary>
    public static HttpValidationProblemDetails UnreadableBody(IDictionary<string, string[]> errors, string detail)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypeOf(UnreadableBodyCode),
            Title = "The request body is not valid JSON for this operation.",
            Detail = detail,
        };
        problem.Extensions["code"] = UnreadableBodyCode;
        return problem;
    }

    public static ProblemDetails UnsupportedMediaType(string? contentType) =>
        Create(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaTypeCode, "The request body must be JSON.",
            $"Send the body as application/json{(string.IsNullOrEmpty(contentType) ? "" : $", not {contentType}")}.");

    public static ProblemDetails BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, BadRequestCode, "The request is malformed.", detail);

    public static ProblemDetails TooLarge(long maxBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, TooLargeCode, "The request body is too large.", $"At most {maxBytes:N0} bytes are accepted.");

    public const string HttpsRequiredCode = "https-required";

    /// <summary>A request to the API over plain HTTP (outside Development): refused, not redirected, since its token already crossed in the clear.</summary>
    public static ProblemDetails HttpsRequired() =>
        Create(StatusCodes.Status403Forbidden, HttpsRequiredCode, "HTTPS is required.",
            "The API answers over HTTPS only. Send the request to the https:// address, and treat a token sent over plain HTTP as disclosed.");

    /// <summary>
    /// An error of the service. A read changed nothing; a command may have failed before or after its commit, so the answer
    /// does not claim that nothing was recorded.
    /// </summary>
    public static ProblemDetails Internal(bool changes) =>
        Create(StatusCodes.Status500InternalServerError, InternalCode, "An unexpected error occurred.",
            changes
                ? "The error was logged. Whether the command was recorded is not known: read the resource before sending it again (a change sent again with the same expectedVersion is refused if the first one was recorded), or repeat a creating command with the same Idempotency-Key. Quote the traceId when you report it."
                : "The error was logged; nothing was changed. Quote the traceId when you report it.");

    /// <summary>The database could not be reached before anything was done: nothing was recorded, send the request again later.</summary>
    public static ProblemDetails DatabaseUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, DatabaseUnavailableCode, "The database is not available at the moment.",
            $"Nothing was recorded. Send the request again in {RetryAfterSeconds} seconds (Retry-After).");

    /// <summary>
    /// The database connection failed while a command was being processed: it may have been committed with its answer lost.
    /// Said so rather than guessed; the client finds out by reading or by repeating with the same key or version.
    /// </summary>
    public static ProblemDetails OutcomeUnknown() =>
        Create(StatusCodes.Status503ServiceUnavailable, OutcomeUnknownCode, "The database failed while the command was processed; its outcome is unknown.",
            "The command may or may not have been recorded. Once the database is back (Retry-After), repeat a creating command with the same " +
            "Idempotency-Key: it answers the first outcome if it was recorded, and runs it otherwise. A change sent again with the same " +
            "expectedVersion is refused as stale if the first one was recorded: read the resource to see.");

    /// <summary>The problem as an endpoint result (written as application/problem+json).</summary>
    public static IResult AsResult(this ProblemDetails problem) => Results.Problem(problem);

    /// <summary>What a record type is called in the API's words: "ApplicationDetails" is a "funding application".</summary>
    public static string NameOf(string typeName)
    {
        var name = typeName.Split('.')[^1];
        foreach (var suffix in new[] { "Details", "Record", "Ledger" })
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)) name = name[..^suffix.Length];
        return name switch
        {
            "Pilot" => "pilot project",
            "Application" => "funding application",
            "Programme" => "funding programme",
            _ => string.Join(' ', CamelCaseWords().Matches(name).Select(m => m.Value.ToLowerInvariant())),
        };
    }

    [GeneratedRegex(@"[A-Z][a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex CamelCaseWords();
}
