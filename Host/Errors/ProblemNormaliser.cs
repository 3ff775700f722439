using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.Host.Errors;

/// <summary>
/// Every problem details answer passes through here on its way out (ASP.NET Core's <c>CustomizeProblemDetails</c>), also those
/// that the framework and Wolverine write themselves: unknown ids, unreadable JSON, unparseable query values, empty 4xx
/// answers (status code pages). Ours already carry a <c>urn:fachwerk:problem:</c> type; the others get one, and their texts are
/// said in the API's words, never naming a .NET type. Every problem gets the request's <c>traceId</c>, the trace id its log lines carry.
/// </summary>
public static partial class ProblemNormaliser
{
    public static void Normalise(ProblemDetails problem, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(http);
        // Overwritten: ASP.NET Core puts the whole W3C activity id (with the span) here for the answers it writes itself.
        problem.Extensions["traceId"] = CommandMetadata.TraceId(http);
        if (problem.Type?.StartsWith(Problems.TypePrefix, StringComparison.Ordinal) == true) return;

        var status = problem.Status ?? http.Response.StatusCode;
        var normalised = status switch
        {
            StatusCodes.Status400BadRequest when problem.Title == "Invalid JSON format" => UnreadableJson(problem.Detail),
            StatusCodes.Status400BadRequest when problem.Extensions.TryGetValue("parameter", out var parameter) =>
                Problems.Validation(new Dictionary<string, string[]>
                {
                    [Lower(parameter?.ToString() ?? "query")] = [$"Not a valid value here: expected {ExpectedFromTypeName(TypeNameAfter(problem.Detail, "expected type "))}."],
                }),
            StatusCodes.Status400BadRequest when problem is HttpValidationProblemDetails validation => Problems.Validation(validation.Errors),
            StatusCodes.Status400BadRequest => Problems.BadRequest(Sanitised(problem.Detail) ?? "The request cannot be read."),
            StatusCodes.Status401Unauthorized => Problems.Create(status, "unauthenticated", "Sign-in required.",
                "Send a valid bearer token from the identity provider (in Development: POST /dev/token)."),
            StatusCodes.Status403Forbidden => Problems.Forbidden(Sanitised(problem.Detail) ?? "Your roles do not allow this operation."),
            StatusCodes.Status404NotFound => Problems.NotFound(NotFoundDetail(problem.Detail, http)),
            StatusCodes.Status405MethodNotAllowed => Problems.Create(status, "method-not-allowed", "This method is not allowed here.",
                $"{http.Request.Method} is not an operation of {http.Request.Path}; the API reference lists the operations."),
            StatusCodes.Status406NotAcceptable => Problems.Create(status, "not-acceptable", "The answer is JSON.",
                "Accept application/json (or application/problem+json)."),
            StatusCodes.Status413PayloadTooLarge => Problems.Create(status, Problems.TooLargeCode, "The request body is too large.",
                Sanitised(problem.Detail) ?? "The request body is larger than this operation accepts."),
            StatusCodes.Status415UnsupportedMediaType => Problems.UnsupportedMediaType(http.Request.ContentType),
            // Wolverine answers 422 when an Idempotency-Key comes again with a different request.
            StatusCodes.Status422UnprocessableEntity => Problems.Create(status, "idempotency-key-reused", "This Idempotency-Key belongs to another request.",
                "A retry sends the same request with the same key; a new request needs a new key."),
            StatusCodes.Status429TooManyRequests => Problems.Create(status, Problems.TooManyRequestsCode, "Too many requests.", "Wait a moment and try again."),
            _ => Problems.Create(status, status >= 500 ? Problems.InternalCode : "http-" + status, problem.Title ?? "The request failed.",
                Sanitised(problem.Detail) ?? ""),
        };

        problem.Type = normalised.Type;
        problem.Title = normalised.Title;
        problem.Detail = normalised.Detail;
        problem.Status = normalised.Status;
        // What the framework or Wolverine added (positions, "exceptionType", "targetType" naming .NET types) is not ours to answer.
        foreach (var key in problem.Extensions.Keys.Where(k => k != "traceId").ToList()) problem.Extensions.Remove(key);
        foreach (var (key, value) in normalised.Extensions) problem.Extensions[key] = value;
        if (normalised is HttpValidationProblemDetails withErrors)
            problem.Extensions["errors"] = withErrors.Errors;
    }

    /// <summary>
    /// System.Text.Json's message, said again in the API's words: where in the body (the JSON path) and what was expected there.
    /// </summary>
    public static HttpValidationProblemDetails UnreadableJson(string? message)
    {
        message ??= "";
        var path = JsonPath().Match(message) is { Success: true } p ? Key(p.Groups["path"].Value) : "body";
        string expectation;
        if (TypeNameAfter(message, "could not be converted to ") is { } target)
            expectation = $"Not a valid value here: expected {ExpectedAt(target, path)}.";
        else if (MissingProperties().Match(message) is { Success: true } missing)
        {
            // A field the API reference lists as required is missing: a field breaking its rule, as the validators say it.
            var names = missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => Lower(n.Trim('\'', '"')));
            return Problems.Validation(names.Distinct().ToDictionary(n => path == "body" ? n : $"{path}.{n}", _ => new[] { "This field is required." }));
        }
        else if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.OrdinalIgnoreCase))
            return Problems.Validation(new Dictionary<string, string[]> { [path] = [InputRules.MissingValue] });
        else
            expectation = "This is not valid JSON: " + (Sanitised(message.Split(" Path:")[0]) ?? "it cannot be read") +
                          (Position().Match(message) is { Success: true } at ? $" (line {int.Parse(at.Groups["line"].Value) + 1}, byte {at.Groups["byte"].Value})." : "");

        return Problems.UnreadableBody(new Dictionary<string, string[]> { [path] = [expectation] },
            $"The body could not be read at '{path}'. See 'errors' for what is expected there.");
    }

    /// <summary>What a JSON value of a .NET type looks like, in the API's words.</summary>
    public static string ExpectedFromTypeName(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName)) return "a value of the documented type";
        var nullable = NullableOf().Match(typeName);
        if (nullable.Success) return ExpectedFromTypeName(nullable.Groups["inner"].Value) + " or null";
        if (typeName.EndsWith("[]", StringComparison.Ordinal) || ListType().IsMatch(typeName)) return "a list (a JSON array)";
        if (typeName.Contains("Dictionary", StringComparison.Ordinal)) return "an object of names and values";
        return typeName switch
        {
            "System.Decimal" or "System.Double" or "System.Single" => "a number (e.g. 1234.56)",
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Boolean" => "true or false",
            "System.DateOnly" => "a date (YYYY-MM-DD)",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time (ISO 8601, e.g. 2026-03-02T08:00:00Z)",
            "System.TimeOnly" => "a time of day (HH:MM)",
            "System.Guid" => "an id (a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)",
            "System.String" => "a text",
            _ when FindType(typeName) is { IsEnum: true } enumType => "one of " + string.Join(", ", Enum.GetNames(enumType)),
            _ => "an object with the fields the API reference lists",
        };
    }

    /// <summary>
    /// What the value at <paramref name="path"/> should be. System.Text.Json names the type that failed: the value's own type,
    /// or, for records read through their constructor, the record holding it; then the path is walked from there.
    /// </summary>
    private static string ExpectedAt(string typeName, string path)
    {
        var type = FindType(typeName);
        if (type is null || type.IsEnum) return ExpectedFromTypeName(typeName);
        var segments = path.Split('.');
        for (var skip = 0; skip < segments.Length; skip++)
        {
            if (Walk(type, segments[skip..]) is { } found) return ExpectedFromTypeName(found.FullName ?? found.Name);
        }

        return ExpectedFromTypeName(typeName);
    }

    /// <summary>The type found by following property names (and <c>[n]</c> indexes) from <paramref name="type"/>, if they all exist.</summary>
    private static Type? Walk(Type type, string[] segments)
    {
        var current = type;
        foreach (var segment in segments)
        {
            var name = segment.Split('[')[0];
            var property = current.GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            if (property is null) return null;
            current = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            for (var index = segment.Count(c => c == '['); index > 0; index--)
                current = ElementOf(current) ?? current;
        }

        return current;
    }

    private static Type? ElementOf(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var element = enumerable?.GetGenericArguments()[0];
        return element is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? pair.GetGenericArguments()[1] : element;
    }

    private static string NotFoundDetail(string? detail, HttpContext http)
    {
        if (detail is not null && UnknownIdentity().Match(detail) is { Success: true } unknown)
            return $"There is no {Problems.NameOf(unknown.Groups["type"].Value)} with id {unknown.Groups["id"].Value}.";
        return Sanitised(detail) is { Length: > 0 } said ? said : $"There is nothing at {http.Request.Path}.";
    }

    /// <summary>Text from the framework with anything that names a .NET type or namespace taken out.</summary>
    private static string? Sanitised(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = DotNetName().Replace(text, "the value").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string? TypeNameAfter(string? text, string marker)
    {
        if (text is null) return null;
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = text[(at + marker.Length)..];
        var end = rest.IndexOf(". Path:", StringComparison.Ordinal);
        return (end >= 0 ? rest[..end] : rest).TrimEnd('.', ' ');
    }

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Fachwerk.", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName.Split('[')[0], throwOnError: false))
            .FirstOrDefault(t => t is not null);

    /// <summary>"$.plan.totalCosts" becomes "plan.totalCosts", "$['sources'][0]" "sources[0]".</summary>
    private static string Key(string jsonPath)
    {
        var key = jsonPath.TrimStart('$').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return key.Length == 0 ? "body" : key;
    }

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"Path: (?<path>\$[^\s|]*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"missing required properties[^:]*: (?<names>[^.]+)")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"(List|Enumerable|Collection|Array|Set)`1")]
    private static partial Regex ListType();

    [GeneratedRegex(@"Unknown (?<type>[\w.]+) with identity (?<id>\S+)")]
    private static partial Regex UnknownIdentity();

    /// <summary>A namespaced .NET name (System.Decimal, Fachwerk.Domain.Applications.ProjectPlan, generic arity and all).</summary>
    [GeneratedRegex(@"'?\b(System|Fachwerk|Microsoft|Marten|Wolverine|JasperFx)(\.[\w`\[\], =]+)+'?")]
    private static partial Regex DotNetName();
}
