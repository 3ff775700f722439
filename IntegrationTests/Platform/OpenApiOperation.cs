using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The operations of the served OpenAPI document as the generated input tests use them: the route with its parameters filled
/// in, the query parameters, the example body and the schemas to walk it with.
/// </summary>
internal sealed partial record OpenApiOperation(string Method, string Template, JsonElement Operation, JsonElement Document)
{
    public string Key => $"{Method} {Template}";

    /// <summary>The route with every parameter filled in: a new id for an id, 1 for a number, <c>final</c> for a name.</summary>
    public string Url(Func<string, string>? value = null)
    {
        var parameters = Parameters("path").ToDictionary(p => p.GetProperty("name").GetString()!, p => TypeOf(p.GetProperty("schema")));
        return RouteParameter().Replace(Template, m => value?.Invoke(m.Groups[1].Value) ?? parameters.GetValueOrDefault(m.Groups[1].Value) switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "integer" => "1",
            _ => "final",
        });
    }

    public IEnumerable<JsonElement> Parameters(string location) =>
        Operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == location)
            : [];

    /// <summary>The example body of the operation, if it takes a JSON body.</summary>
    public JsonObject? ExampleBody() =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json) &&
        json.TryGetProperty("example", out var example)
            ? JsonNode.Parse(example.GetRawText())!.AsObject()
            : null;

    /// <summary>The schema of the body.</summary>
    public JsonElement? BodySchema() =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? Resolve(json.GetProperty("schema"))
            : null;

    /// <summary>A schema with its reference followed (and a nullable <c>oneOf [null, $ref]</c> unwrapped).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(Document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("$ref", out _)) is { ValueKind: JsonValueKind.Object } referenced)
            return Resolve(referenced);
        return schema;
    }

    public static string TypeOf(JsonElement schema) =>
        schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" ? "uuid"
        : schema.TryGetProperty("type", out var type) ? (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")! : type.GetString()!)
        : "object";

    [GeneratedRegex("{([^}]+)}")]
    private static partial Regex RouteParameter();

    public static async Task<List<OpenApiOperation>> AllAsync(Alba.IAlbaHost host)
    {
        using var document = await ServedOpenApiDocument.LoadAsync(host);
        var root = document.RootElement.Clone();
        return [.. ServedOpenApiDocument.Operations(document).Select(o => new OpenApiOperation(o.Method, o.Path, o.Operation.Clone(), root))];
    }
}
