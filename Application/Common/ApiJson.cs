using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fachwerk.Application.Common;

/// <summary>
/// The JSON of Fachwerk's HTTP API, written once: camelCase names, enums as their names, numbers also read from strings
/// (the web defaults). The service reads and writes with these options; its clients (the web UI, the demo world, the tests
/// and the benchmark harness) use the same.
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
        return options;
    }
}
