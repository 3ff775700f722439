using System.Text.Json;
using System.Text.Json.Nodes;
using Fachwerk.Application.Common;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>One generated bad request: what is wrong with it, and the request.</summary>
internal sealed record BadRequest(string What, string Method, string Url, string? Body, string ContentType = "application/json",
    (string Name, string Value)? Header = null)
{
    /// <summary>Longer than any text the API takes (reasons: 2,000 characters), far below the body limit.</summary>
    private const int OverLong = 10_000;

    private const string LoneSurrogate = "__lone_surrogate__";

    /// <summary>Characters no text may hold, one line or many: C0 but tab and line breaks, DEL, C1.</summary>
    private static readonly char[] Forbidden =
    [
        .. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
        '\u007f', .. Enumerable.Range(0x80, 32).Select(c => (char)c),
    ];

    /// <summary>
    /// Bad variants of one operation of the OpenAPI document, drawn from <paramref name="random"/> where a choice is made: bad route
    /// values, bad query values, whole bodies that are no command, and for every field of the example body (nested ones and list
    /// entries included) a missing or null value where it is required, wrong types, control characters, broken Unicode, over-long
    /// text, unreadable ids, dates and enum values, and numbers out of range. Every one must be refused (a read may answer).
    /// </summary>
    public static IEnumerable<BadRequest> For(OpenApiOperation operation, Random random)
    {
        var example = operation.ExampleBody();
        var body = example?.ToJsonString();
        string Url() => operation.Url(_ => NewId(random));

        foreach (var parameter in operation.Parameters("path"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var value in RouteValues(OpenApiOperation.TypeOf(parameter.GetProperty("schema")), random))
                yield return new BadRequest($"route {name}={Shown(value)}", operation.Method, operation.Url(n => n == name ? value : NewId(random)), body);
        }

        foreach (var parameter in operation.Parameters("query"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = operation.Resolve(parameter.GetProperty("schema"));
            foreach (var value in QueryValues(schema, random))
                yield return new BadRequest($"query {name}={Shown(value)}", operation.Method, $"{Url()}?{name}={value}", body);
        }

        if (example is null) yield break;

        foreach (var (what, whole) in WholeBodies(operation))
            yield return new BadRequest(what, operation.Method, Url(), whole);
        yield return new BadRequest("text/plain body", operation.Method, Url(), body, "text/plain");
        yield return new BadRequest("XML body", operation.Method, Url(), "<command/>", "application/xml");
        yield return new BadRequest("Idempotency-Key with spaces", operation.Method, Url(), body, Header: ("Idempotency-Key", "key with spaces"));
        yield return new BadRequest("X-Correlation-ID with a name", operation.Method, Url(), body, Header: (CommandMetadata.CorrelationIdHeader, "Anna Antrag"));
        yield return new BadRequest("X-Causation-ID over-long", operation.Method, Url(), body, Header: (CommandMetadata.CausationIdHeader, new string('b', 65)));

        foreach (var field in BodyField.Of(operation, example))
        {
            foreach (var (what, value) in FieldValues(field, random))
            {
                var changed = example.DeepClone().AsObject();
                var parent = field.Parent(changed);
                if (ReferenceEquals(value, Missing)) parent.Remove(field.Name);
                else parent[field.Name] = value?.DeepClone();
                yield return new BadRequest($"{field.Path}: {what}", operation.Method, Url(), WithLoneSurrogate(changed.ToJsonString()));
            }
        }
    }

    private static IEnumerable<(string, string)> WholeBodies(OpenApiOperation operation)
    {
        yield return ("empty body", "");
        yield return ("body null", "null");
        yield return ("body a list", "[]");
        yield return ("body a text", "\"command\"");
        yield return ("body a number", "42");
        yield return ("body cut off", "{\"expectedVersion\":");
        yield return ("body not JSON", "{expectedVersion=1}");
        yield return ("body nested 200 deep", new string('[', 200) + new string(']', 200));
        yield return ("body an object nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100));
        if (operation.BodySchema() is { } schema && schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0)
            yield return ("body empty object", "{}");
    }

    private static IEnumerable<string> RouteValues(string type, Random random) => type switch
    {
        // A NUL in the path Kestrel refuses before any code of ours runs (ADR 0056); the test server cannot even send it.
        "uuid" => ["not-a-uuid", "%01", "%C2%85", "12345", new string('a', 2000), Uri.EscapeDataString(ControlText(random, "id").Replace('\0', '\u0001'))],
        "integer" => ["abc", "99999999999999999999", "1.5"],
        _ => ["%01", "%1B%5B2J", new string('x', 2000)],
    };

    private static IEnumerable<string> QueryValues(JsonElement schema, Random random)
    {
        yield return Uri.EscapeDataString(ControlText(random, "filter"));
        yield return "%0A";
        var type = OpenApiOperation.TypeOf(schema);
        if (schema.TryGetProperty("enum", out _)) { yield return "NoSuchValue"; yield return "99"; }
        else if (type == "integer") { yield return "abc"; yield return "2147483648"; yield return "-2147483649"; yield return "1.5"; }
        else if (type == "number") { yield return "abc"; yield return new string('9', 40); }
        else if (type == "boolean") yield return "maybe";
        else if (type == "uuid") yield return "not-a-uuid";
        else if (Format(schema) == "date") { yield return "2026-13-45"; yield return "31.12.2026"; }
    }

    /// <summary>Bad values for one field; <see cref="Missing"/> for a field left out.</summary>
    private static IEnumerable<(string, JsonNode?)> FieldValues(BodyField field, Random random)
    {
        var schema = field.Schema;
        var type = OpenApiOperation.TypeOf(schema);
        var nullable = schema.TryGetProperty("type", out var types) && types.ValueKind == JsonValueKind.Array &&
                       types.EnumerateArray().Any(t => t.GetString() == "null");
        if (field.Required) yield return ("missing", Missing);
        if (field.Required && !nullable) yield return ("null", null);

        switch (type)
        {
            case "integer" or "number":
                yield return ("a text", "twelve");
                yield return ("true", true);
                yield return ("an object", new JsonObject());
                yield return ("40 digits", JsonNode.Parse(new string('9', 40)));
                yield return ("-40 digits", JsonNode.Parse("-" + new string('9', 40)));
                yield return ("random digits beyond any number", JsonNode.Parse(RandomDigits(random)));
                if (type == "integer") yield return ("a fraction", 1.5m);
                break;
            case "boolean":
                yield return ("a text", "yes");
                yield return ("a number", 1);
                break;
            case "array":
                yield return ("a text", "entries");
                yield return ("an object", new JsonObject());
                yield return ("a null entry", new JsonArray((JsonNode?)null));
                if (schema.TryGetProperty("items", out var items) && OpenApiOperation.TypeOf(items) == "string")
                {
                    yield return ("an entry with a control character", new JsonArray(ControlText(random, "entry")));
                    yield return ("an over-long entry", new JsonArray(new string('x', OverLong)));
                }

                break;
            case "object":
                yield return ("a text", "object");
                yield return ("a number", 42);
                yield return ("a list", new JsonArray());
                break;
            default:
                foreach (var bad in TextValues(schema, type, field, random)) yield return bad;
                break;
        }
    }

    private static IEnumerable<(string, JsonNode?)> TextValues(JsonElement schema, string type, BodyField field, Random random)
    {
        yield return ("a number", 12345);
        yield return ("an object", new JsonObject());
        yield return ("a list", new JsonArray());
        yield return ("a control character", ControlText(random, "text"));
        yield return ("another control character", ControlText(random, "text"));
        yield return ("a lone surrogate", LoneSurrogate);
        yield return ("over-long", new string('x', OverLong));
        if (schema.TryGetProperty("enum", out _)) yield return ("no such value", "NoSuchValue");
        else if (type == "uuid") yield return ("not an id", "not-a-uuid");
        else if (Format(schema) == "date")
        {
            yield return ("no such day", "2026-02-30");
            yield return ("year 1", "0001-01-01");
            yield return ("a German date", "31.12.2026");
        }
        else if (Format(schema) == "date-time") yield return ("not a moment", "yesterday");
        else if (!InputRules.IsMultiLine(char.ToUpperInvariant(field.Name[0]) + field.Name[1..])) yield return ("a line break", "two\nlines");
    }

    private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>A short word with a character no text may hold at a random place.</summary>
    private static string ControlText(Random random, string word)
    {
        var at = random.Next(word.Length + 1);
        return word[..at] + Forbidden[random.Next(Forbidden.Length)] + word[at..];
    }

    private static string RandomDigits(Random random) =>
        (random.Next(2) == 0 ? "" : "-") + (char)('1' + random.Next(9)) + string.Concat(Enumerable.Range(0, 29 + random.Next(40)).Select(_ => (char)('0' + random.Next(10))));

    /// <summary>An id drawn from the seeded generator, so a run can be repeated request by request.</summary>
    private static string NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>A lone surrogate cannot pass through a JSON writer; it is put into the text as its escape.</summary>
    private static string WithLoneSurrogate(string json) => json.Replace(LoneSurrogate, "a\\ud800b", StringComparison.Ordinal);

    private static string Shown(string value) => value.Length > 40 ? $"{value[..10]}… ({value.Length} characters)" : value;

    public override string ToString() =>
        $"{Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)} [{What}]";

    /// <summary>Marks a field left out of the body (compared by reference, never sent).</summary>
    private static readonly JsonNode Missing = JsonValue.Create("__missing__");
}
