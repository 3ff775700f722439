using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fachwerk.Application.Common;

/// <summary>
/// The JSON the API speaks, written once: the web defaults (camelCase names, case-insensitive reading, numbers from strings
/// where a client sends them) and enums as their names. The host configures its endpoints with it; clients of the API (the
/// web UI, the demo world, the tests, the benchmark harness) read and write with the same options.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds what the API needs beyond the web defaults to <paramref name="options"/> (the host's own options object).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
