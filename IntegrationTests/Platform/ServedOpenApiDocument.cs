using System.Text.Json;
using Alba;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>The OpenAPI document the host serves, as the API reference and generated clients read it.</summary>
internal static class ServedOpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static async Task<JsonDocument> LoadAsync(IAlbaHost host)
    {
        var result = await host.Scenario(s => s.Get.Url(Path));
        return JsonDocument.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>Every operation: its HTTP method in capitals, its route template, and its description in the document.</summary>
    public static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonDocument document)
    {
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
                yield return (method.Name.ToUpperInvariant(), path.Name, method.Value);
        }
    }
}
