using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// Gives request and response schemas their meaning: descriptions of types and properties from the XML comments, enums
/// as strings with their values explained, numbers as numbers (the API also reads numbers sent as strings, but no client
/// should), money as decimals, and schema names that are unique (two types called <c>FundingSource</c> once shared one
/// schema, so a pilot's funding sources were shown with the programme's fields).
/// </summary>
public sealed class SchemaDocumentation(XmlDocumentation xml) : IOpenApiSchemaTransformer
{
    /// <summary>Types of the framework the API answers with, whose comments are not in our XML files.</summary>
    private static readonly Dictionary<Type, string> FrameworkTypes = new()
    {
        [typeof(ProblemDetails)] = "An error, as RFC 9457 problem details. `type` names the problem (`urn:fachwerk:problem:...` for Fachwerk's own), " +
                                   "`traceId` is the request's W3C trace id: the `TraceId` of its log lines and, with OTLP, its trace.",
        [typeof(JasperFx.Events.Projections.ProjectionLifecycle)] =
            "How a projection is kept: `Inline` in the command's transaction, `Async` by the projection daemon shortly after, " +
            "`Live` folded from the events whenever it is read (nothing stored).",
        [typeof(HttpValidationProblemDetails)] = "A refused request, as RFC 9457 problem details; `errors` lists what is wrong with each field, " +
                                                 "keyed by its JSON path (`fundingPeriod.to`).",
    };

    private static readonly Dictionary<string, string> ProblemDetailsMembers = new(StringComparer.Ordinal)
    {
        ["type"] = "The problem: `urn:fachwerk:problem:<code>` for Fachwerk's own problems, else a link to the HTTP status's definition.",
        ["title"] = "A short summary of the problem, the same for every occurrence of its type.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong in this case, for a person to read.",
        ["instance"] = "The request the problem occurred in.",
        ["errors"] = "For each field that breaks a rule, keyed by its JSON path: what is wrong with it.",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;

        if (context.JsonPropertyInfo is { } property)
        {
            schema.Description ??= PropertyDescription(property, property.DeclaringType);
        }
        else
        {
            schema.Description ??= TypeDescription(type);
            DescribeProperties(schema, context.JsonTypeInfo);
        }

        if (type.IsEnum) DescribeEnum(schema, type);
        NumbersAsNumbers(schema, type);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Unique schema names: a type whose name another of our types shares is prefixed with its area
    /// (<c>Fachwerk.Domain.Pilots.FundingSource</c> becomes <c>PilotFundingSource</c>).
    /// </summary>
    public static string? SchemaReferenceId(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        var type = typeInfo.Type;
        return id is not null && SharedNames.Value.Contains(type.Name) && type.Namespace is { } ns
            ? Singular(ns[(ns.LastIndexOf('.') + 1)..]) + id
            : id;
    }

    private static readonly Lazy<HashSet<string>> SharedNames = new(() =>
        XmlDocumentation.Assemblies.SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal));

    private static string Singular(string area) => area.EndsWith('s') ? area[..^1] : area;

    private string? TypeDescription(Type type) =>
        FrameworkTypes.TryGetValue(type, out var framework) ? framework : xml.Summary(type);

    /// <summary>The comment of a property of <paramref name="owner"/> (the type serialized, which may inherit the property).</summary>
    private string? PropertyDescription(JsonPropertyInfo property, Type owner)
    {
        if (owner.IsAssignableTo(typeof(ProblemDetails)) && ProblemDetailsMembers.TryGetValue(property.Name, out var member))
            return member;
        return property.AttributeProvider is PropertyInfo info ? xml.Summary(info, owner) : null;
    }

    /// <summary>
    /// Describes the properties from the owning type's comments. A property whose schema is a reference to another
    /// (<c>"rules": {"$ref": ".../ProgrammeRules"}</c>) carries its own description beside the reference, so the referenced
    /// schema's description stays the type's (a nullable one is wrapped in <c>oneOf</c> later; <see cref="ApiReference"/> moves it there).
    /// </summary>
    private void DescribeProperties(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        if (schema.Properties is null) return;
        foreach (var property in typeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var propertySchema)) continue;
            var description = PropertyDescription(property, typeInfo.Type);
            switch (propertySchema)
            {
                case OpenApiSchemaReference reference:
                    reference.Description ??= description;
                    break;
                case OpenApiSchema inline:
                    inline.Description ??= description;
                    break;
            }
        }
    }

    /// <summary>Enums are sent and answered by name: the schema says string, and lists each value with its comment where it has one.</summary>
    private void DescribeEnum(OpenApiSchema schema, Type type)
    {
        if (schema.Enum is null || schema.Enum.Count == 0) return;
        schema.Type = (schema.Type ?? 0) | JsonSchemaType.String;

        var explained = new StringBuilder();
        foreach (var name in Enum.GetNames(type))
        {
            if (xml.Summary(type, name) is { } meaning) explained.Append("\n- `").Append(name).Append("`: ").Append(meaning);
        }

        if (explained.Length > 0) schema.Description = (schema.Description ?? "One of:") + "\n" + explained;
    }

    /// <summary>
    /// System.Text.Json's web defaults also read numbers written as strings, so the generated schema allows both and adds a
    /// pattern. Clients should send numbers: the schema says number (or integer) only. Money is a decimal, not a double.
    /// </summary>
    private static void NumbersAsNumbers(OpenApiSchema schema, Type type)
    {
        if (schema.Type is not { } kinds || (kinds & (JsonSchemaType.Number | JsonSchemaType.Integer)) == 0 || (kinds & JsonSchemaType.String) == 0) return;
        schema.Type = kinds & ~JsonSchemaType.String;
        schema.Pattern = null;
        if (type == typeof(decimal)) schema.Format = "decimal";
    }
}
