using System.Text.Json;

namespace Fachwerk.Web.Api;

/// <summary>
/// An RFC 9457 problem the API answered (or, with status 0, that it could not be reached): the status, the problem type and
/// its <c>code</c>, the field errors by JSON path (400), and the <c>currentVersion</c> a stale-version refusal names (409).
/// </summary>
public sealed record ApiProblem(
    int Status,
    string? Type,
    string? Title,
    string? Detail,
    string? Code,
    long? CurrentVersion,
    IReadOnlyDictionary<string, string[]> Errors,
    string? TraceId)
{
    public const string StaleVersionCode = "stale-version";
    public const string UnreachableCode = "unreachable";

    /// <summary>Someone changed the stream since the version the caller sent.</summary>
    public bool IsStaleVersion => Status == 409 && Code == StaleVersionCode;

    /// <summary>A business rule refused the command (409 with the rule's code).</summary>
    public bool IsRuleRefusal => Status == 409 && !IsStaleVersion;

    /// <summary>The request itself was invalid; <see cref="Errors"/> names the fields.</summary>
    public bool IsValidation => Status == 400;

    /// <summary>A problem the client makes up when the API gave no answer at all.</summary>
    public static ApiProblem Unreachable(string detail) =>
        new(0, null, "The service could not be reached.", detail, UnreachableCode, null, NoErrors, null);

    /// <summary>Reads a problem body; anything unreadable becomes a problem with the status alone.</summary>
    public static ApiProblem Read(int status, string? reasonPhrase, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new ApiProblem(status, null, reasonPhrase, null, null, null, NoErrors, null);
            return new ApiProblem(
                root.TryGetProperty("status", out var s) && s.TryGetInt32(out var st) ? st : status,
                String(root, "type"),
                String(root, "title") ?? reasonPhrase,
                String(root, "detail"),
                String(root, "code"),
                root.TryGetProperty("currentVersion", out var v) && v.TryGetInt64(out var version) ? version : null,
                ErrorsOf(root),
                String(root, "traceId"));
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null, reasonPhrase, null, null, null, NoErrors, null);
        }
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]> ErrorsOf(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!root.TryGetProperty("errors", out var element) || element.ValueKind != JsonValueKind.Object) return errors;
        foreach (var field in element.EnumerateObject())
        {
            errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                : [field.Value.ToString()];
        }

        return errors;
    }
}
