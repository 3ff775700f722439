using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>A place in a JSON body: its path as the API names it (<c>sources[0].name</c>) and how to reach it.</summary>
internal sealed record BodyField(string Path, JsonElement Schema, bool Required, Func<JsonObject, JsonObject> Parent, string Name)
{
    /// <summary>Every property of the example body, nested objects and the first entry of lists of objects included.</summary>
    public static List<BodyField> Of(OpenApiOperation operation, JsonObject example)
    {
        var fields = new List<BodyField>();
        if (operation.BodySchema() is { } schema) Walk(operation, schema, example, "", o => o, fields);
        return fields;
    }

    private static void Walk(OpenApiOperation operation, JsonElement schema, JsonObject value, string path, Func<JsonObject, JsonObject> reach, List<BodyField> fields)
    {
        if (!schema.TryGetProperty("properties", out var properties)) return;
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            if (!value.ContainsKey(property.Name)) continue;
            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var propertySchema = operation.Resolve(property.Value);
            fields.Add(new BodyField(propertyPath, propertySchema, required.Contains(property.Name), reach, property.Name));

            var name = property.Name;
            switch (value[name])
            {
                case JsonObject nested when propertySchema.TryGetProperty("properties", out _):
                    Walk(operation, propertySchema, nested, propertyPath, o => reach(o)[name]!.AsObject(), fields);
                    break;
                case JsonArray { Count: > 0 } list when list[0] is JsonObject first && propertySchema.TryGetProperty("items", out var items):
                    Walk(operation, operation.Resolve(items), first, $"{propertyPath}[0]", o => reach(o)[name]!.AsArray()[0]!.AsObject(), fields);
                    break;
            }
        }
    }
}
