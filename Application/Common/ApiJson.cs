using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Fachwerk.Application.Common;

/// <summary>
/// The JSON of Fachwerk's HTTP API, written once: camelCase names, enums as their names, numbers also read from strings
/// (the web defaults). The service reads and writes with these options; its clients (the web UI, the demo world, the tests
/// and the benchmark harness) use the same.
/// <para>
/// What the API reference says is required is required (ADR 0056): a record's constructor parameter without a default value
/// must be in the body (a missing enum, number or flag is refused instead of read as its default), and a value that is not
/// nullable in the record may not be <c>null</c>. Only reading is held to the annotations: an answer is written as it is.
/// </para>
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to options the framework created (ASP.NET Core's and Wolverine's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter());
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WriteAsItIs).WithAddedModifier(RequireStructParameters);
        return options;
    }

    /// <summary>
    /// A record struct (<c>Period</c>) is read through its properties, not its constructor, so the constructor's parameters
    /// without a default are marked required here, as <see cref="JsonSerializerOptions.RespectRequiredConstructorParameters"/>
    /// does for records that are classes.
    /// </summary>
    private static void RequireStructParameters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !type.Type.IsValueType) return;
        var constructor = type.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var parameter in constructor?.GetParameters().Where(p => !p.HasDefaultValue) ?? [])
        {
            foreach (var property in type.Properties.Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                                                                || (p.AttributeProvider as System.Reflection.MemberInfo)?.Name == parameter.Name))
                property.IsRequired = true;
        }
    }

    /// <summary>The nullability annotations hold for what the API reads; what it writes is never refused for them.</summary>
    private static void WriteAsItIs(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => !p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null))
            property.IsGetNullable = true;
    }
}
