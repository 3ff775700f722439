using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Fachwerk.Application.Common;
using Wolverine.Http;

namespace Fachwerk.Host.Errors;

/// <summary>
/// Checks a JSON body for every field its operation requires before the endpoint reads it, and answers 400 <c>validation</c>
/// naming each missing one by its JSON path (<c>fundingPeriod.from</c>, <c>receipts[1].amount</c>); System.Text.Json, which
/// refuses them too (<see cref="ApiJson"/>), names only the record that lacks them. Required is what the API reference says
/// is: a record's constructor parameter without a default value (ADR 0056).
/// </summary>
public static class RequiredFields
{
    public static async Task Check(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is not { HasRequestType: true } chain || !context.Request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        List<string> missing = [];
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            // A body of JSON null is no command (Wolverine would hand the endpoint a null).
            if (body.RootElement.ValueKind == JsonValueKind.Null) missing.Add("body");
            else Walk(body.RootElement, chain.RequestType!, "", missing, 0);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint says so in its own words (ProblemNormaliser).
        }

        context.Request.Body.Position = 0;
        if (missing.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Validation(missing.Distinct().ToDictionary(p => p, _ => new[] { "This field is required." })),
        });
    }

    private const int MaxDepth = 10;

    private static void Walk(JsonElement json, Type type, string path, List<string> missing, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > MaxDepth || type == typeof(string) || type.IsPrimitive || type.IsEnum) return;

        var shape = ShapeOf(type);
        if (json.ValueKind == JsonValueKind.Array && shape.Element is { } element)
        {
            var index = 0;
            foreach (var item in json.EnumerateArray()) Walk(item, element, $"{path}[{index++}]", missing, depth + 1);
            return;
        }

        if (json.ValueKind != JsonValueKind.Object || !shape.Ours) return;

        var present = json.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in shape.Required.Where(n => !present.Contains(n)))
            missing.Add(Join(path, char.ToLowerInvariant(name[0]) + name[1..]));

        foreach (var property in json.EnumerateObject())
        {
            if (shape.Properties.TryGetValue(property.Name, out var declared))
                Walk(property.Value, declared, Join(path, property.Name), missing, depth + 1);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable &&
          !type.IsAssignableTo(typeof(System.Collections.IDictionary)) && type != typeof(string)
            ? enumerable.GetGenericArguments()[0]
            : null;

    /// <summary>
    /// What the walk needs of a type, found by reflection once per type rather than with every request: whether it is one of
    /// ours, the parameters without a default value of its record's constructor (the one taking the most), its public
    /// properties by name in any case (the first of two that differ only in case), and its element type if it is a collection.
    /// </summary>
    private sealed record Shape(bool Ours, string[] Required, Dictionary<string, Type> Properties, Type? Element);

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, t =>
    {
        var properties = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance)) properties.TryAdd(property.Name, property.PropertyType);
        var required = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters()
            .Where(p => !p.HasDefaultValue && p.Name is not null).Select(p => p.Name!).ToArray() ?? [];
        return new Shape(t.Namespace?.StartsWith("Fachwerk.", StringComparison.Ordinal) == true, required, properties, ElementOf(t));
    });
}
