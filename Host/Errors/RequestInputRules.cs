using Fachwerk.Application.Common;

namespace Fachwerk.Host.Errors;

/// <summary>
/// The <see cref="InputRules"/> over what a request carries besides its body, before any endpoint reads it: the path (a
/// <c>%00</c> segment), every query parameter, and the headers the service reads itself (<c>X-Correlation-ID</c> and
/// <c>X-Causation-ID</c>, stored with every event; <c>Idempotency-Key</c>, stored with the answer). A break answers 400
/// <c>validation</c> naming the parameter or header (ADR 0056).
/// </summary>
public static class RequestInputRules
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static Task Check(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = Breaks(context.Request);
        if (errors.Count == 0) return next(context);

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Validation(errors),
        }).AsTask();
    }

    /// <summary>What breaks the rules in the request's path, query string and headers, by parameter or header name.</summary>
    public static Dictionary<string, string[]> Breaks(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (InputRules.TextProblem(request.Path.Value ?? "") is { } inPath) errors["path"] = [inPath];

        foreach (var (name, values) in request.Query)
        {
            var key = InputRules.TextProblem(name) is null && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : "query";
            var problem = InputRules.TextProblem(name) ?? values.Select(v => v is null ? null : InputRules.TextProblem(v)).FirstOrDefault(p => p is not null);
            if (problem is not null) errors[key] = [problem];
        }

        foreach (var header in (string[])[CommandMetadata.CorrelationIdHeader, CommandMetadata.CausationIdHeader])
        {
            if (request.Headers.TryGetValue(header, out var values) && values.Any(v => v is null || !InputRules.IsTraceIdentifier(v)))
                errors[header] = [InputRules.TraceIdentifierRule];
        }

        if (request.Headers.TryGetValue(IdempotencyKeyHeader, out var keys) && keys.Any(k => k is null || !InputRules.IsIdempotencyKey(k)))
            errors[IdempotencyKeyHeader] = [InputRules.IdempotencyKeyRule];
        return errors;
    }
}
