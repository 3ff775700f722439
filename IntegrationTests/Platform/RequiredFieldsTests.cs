using System.Text.Json;
using System.Text.Json.Nodes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The contract holds in both directions (ADR 0056): every field the OpenAPI document lists as required is refused with 400
/// naming it when it is missing from the operation's example body (a missing enum or flag used to be read as its default:
/// an alliance without <c>federalState</c> was founded in Baden-Württemberg), and no field it leaves optional is refused for
/// being missing.
/// </summary>
public class RequiredFieldsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Each_required_field_of_each_command_is_refused_when_missing_and_no_optional_one_is()
    {
        var wrong = new List<string>();
        var checkedFields = 0;
        foreach (var operation in await OpenApiOperation.AllAsync(Host))
        {
            if (operation.ExampleBody() is not { } example) continue;
            var user = PagingBoundsTests.UserFor(operation.Key);
            foreach (var field in BodyField.Of(operation, example))
            {
                var body = example.DeepClone().AsObject();
                field.Parent(body).Remove(field.Name);
                var (status, answer) = await Send(operation, user, body);
                var said = status == 400 && JsonDocument.Parse(answer).RootElement.TryGetProperty("errors", out var errors) &&
                           errors.TryGetProperty(field.Path, out var messages)
                    ? messages.EnumerateArray().Select(m => m.GetString()).ToList()
                    : [];
                checkedFields++;
                if (field.Required && (!said.Contains(Required) || !answer.Contains("\"code\":\"validation\"", StringComparison.Ordinal)))
                    wrong.Add($"{operation.Key} without required {field.Path}: {status} {answer}");
                // An optional field may still be needed by a rule on the others (the amount of an approval), never as such.
                else if (!field.Required && said.Contains(Required))
                    wrong.Add($"{operation.Key} without optional {field.Path}: {status} {answer}");
            }
        }

        checkedFields.ShouldBeGreaterThan(150);
        wrong.ShouldBeEmpty();
    }

    private const string Required = "This field is required.";

    private async Task<(int Status, string Body)> Send(OpenApiOperation operation, DemoUser user, JsonObject body)
    {
        var url = operation.Url();
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user, url);
            var request = operation.Method switch { "PUT" => s.Put, _ => s.Post };
            request.Text(body.ToJsonString()).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }
}
