using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Host.OpenApi;
using Fachwerk.IntegrationTests.Infrastructure;
using FluentValidation;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Fachwerk.IntegrationTests.Platform.AccessMatrixTests;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Walks the OpenAPI document the way a reader of the API reference (or a generated client) meets it: every operation in
/// a group of the domain's words, with a summary, a readable id, and every answer it can give; every schema property
/// described; every command with an example body that the command's validator and schema accept.
/// Who may call what comes from the access matrix (<see cref="AccessMatrixTests"/>), which is checked against the host.
/// </summary>
public partial class OpenApiDocumentTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Every_operation_has_a_group_in_the_domains_words()
    {
        var wrong = await Where((_, _, operation) =>
            operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() == 1 &&
            ApiTags.Rules.Any(r => r.Tag == tags[0].GetString())
                ? null
                : "no group, or one that is not in ApiTags.Rules");

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_operation_has_a_unique_readable_operation_id()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var ids = ServedOpenApiDocument.Operations(document)
            .Select(o => (Key: $"{o.Method} {o.Path}", Id: o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null))
            .ToList();

        ids.Where(o => o.Id is null || !CamelCase().IsMatch(o.Id)).Select(o => $"{o.Key}: {o.Id}").ShouldBeEmpty("operation ids must be camelCase words");
        ids.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("operation ids must be unique");
        ids.ShouldContain(("POST /api/applications/{applicationId}/decision-proposal", "proposeDecision"));
        ids.ShouldContain(("GET /api/applications", "listApplications"));
        ids.ShouldContain(("GET /api/applications/{id}", "getApplication"));
    }

    [Fact]
    public async Task Every_operation_has_a_summary()
    {
        var wrong = await Where((_, _, operation) =>
            operation.TryGetProperty("summary", out var summary) && summary.GetString() is { Length: > 0 } text && !text.Contains('_', StringComparison.Ordinal)
                ? null
                : "no summary (add a <summary> to the endpoint method or its command)");

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_operation_documents_a_success_and_each_error_it_can_answer()
    {
        var wrong = await Where((method, path, operation, schemas) =>
        {
            var allowed = Matrix.GetValueOrDefault($"{method} {path}");
            if (allowed is null) return "not in the access matrix";
            var responses = operation.GetProperty("responses");
            var has = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
            var missing = new List<string>();
            if (!has.Any(s => s.StartsWith('2'))) missing.Add("a success (2xx)");
            if (!allowed.Contains(Anyone)) Expect(has, "401", missing);
            if (!allowed.Contains(Anyone) && !allowed.Contains(SignedIn)) Expect(has, "403", missing);
            if (path.Contains('{', StringComparison.Ordinal)) Expect(has, "404", missing);
            if (operation.TryGetProperty("requestBody", out _) || Parameters(operation).Any(p => p.GetProperty("in").GetString() == "query"))
                Expect(has, "400", missing);
            if (IsChangeCommand(schemas, operation))
            {
                Expect(has, "409", missing);
                if (has.Contains("409") && !Description(responses.GetProperty("409")).Contains("urn:fachwerk:problem:stale-version", StringComparison.Ordinal))
                    missing.Add("409 naming urn:fachwerk:problem:stale-version");
            }

            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                if (!error.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    missing.Add($"{error.Name} as application/problem+json");
            }

            return missing.Count == 0 ? null : "lacks " + string.Join(", ", missing);
        });

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refusal_lists_the_rules_the_domain_enforces_for_it()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var confirm = document.RootElement.GetProperty("paths").GetProperty("/api/applications/{applicationId}/decision-confirmation").GetProperty("post");

        Description(confirm.GetProperty("responses").GetProperty("409")).ShouldContain("`urn:fachwerk:problem:application.four-eyes`");
        Description(confirm.GetProperty("responses").GetProperty("403")).ShouldContain("approver");

        // A code handed to a helper that throws it, and an unknown entity inside the pilot's stream (404, not 409).
        var refer = document.RootElement.GetProperty("paths").GetProperty("/api/pilots/{pilotId}/participants/{participantId}/referrals")
            .GetProperty("post").GetProperty("responses");
        Description(refer.GetProperty("409")).ShouldContain("`urn:fachwerk:problem:pilot.before-enrolment`");
        Description(refer.GetProperty("404")).ShouldContain("`urn:fachwerk:problem:pilot.unknown-participant`");
        Description(refer.GetProperty("409")).ShouldNotContain("unknown-participant");
    }

    [Fact]
    public async Task Every_schema_and_schema_property_has_a_description()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var missing = new List<string>();
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("description", out _)) missing.Add(schema.Name);
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            missing.AddRange(properties.EnumerateObject().Where(p => !p.Value.TryGetProperty("description", out _)).Select(p => $"{schema.Name}.{p.Name}"));
        }

        missing.ShouldBeEmpty("add a <summary> to the type, or a <param> to the record for each property");
    }

    [Fact]
    public async Task Enums_are_strings_with_their_values()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var enums = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("enum", out _)).ToList();

        enums.ShouldNotBeEmpty();
        enums.Where(s => s.Value.GetProperty("type").ToString() != "string" || s.Value.GetProperty("enum").EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            .Select(s => s.Name).ShouldBeEmpty();
    }

    /// <summary>Two types called FundingSource once shared a schema: a pilot was shown the programme's {name, share}.</summary>
    [Fact]
    public async Task A_pilots_funding_sources_have_the_pilots_fields()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var items = schemas.GetProperty("LaunchPilot").GetProperty("properties").GetProperty("fundingSources").GetProperty("items");

        var source = Resolve(schemas, items);
        source.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "kind", "amount", "euFundingPeriod", "costCategories"], ignoreOrder: true);
        Resolve(schemas, schemas.GetProperty("LaunchProgramme").GetProperty("properties").GetProperty("sources").GetProperty("items"))
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "share", "kind", "euFundingPeriod"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_command_has_an_example_that_its_schema_and_validator_accept()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var options = Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var wrong = new List<string>();
        var checkedCommands = new HashSet<Type>();
        foreach (var (method, path, operation) in ServedOpenApiDocument.Operations(document))
        {
            if (!operation.TryGetProperty("requestBody", out var body)) continue;
            var content = body.GetProperty("content").GetProperty("application/json");
            var schemaName = Reference(content.GetProperty("schema"));
            var command = CommandExamples.ByCommand.Keys.SingleOrDefault(t => t.Name == schemaName);
            if (command is null)
            {
                // Only the development token request is not a command of the application.
                if (path.StartsWith("/api/", StringComparison.Ordinal)) wrong.Add($"{method} {path}: {schemaName} has no example in CommandExamples");
                continue;
            }

            checkedCommands.Add(command);
            if (!content.TryGetProperty("example", out var example))
            {
                wrong.Add($"{method} {path}: no example");
                continue;
            }

            var problems = SchemaProblems(schemas, schemaName!, example)
                .Concat(ShapeProblems(schemas, content.GetProperty("schema"), example, "$"))
                .Concat(ValidatorProblems(command, JsonSerializer.Deserialize(example.GetRawText(), command, options)!))
                .ToList();
            if (problems.Count > 0) wrong.Add($"{method} {path}: {string.Join("; ", problems)}");
        }

        wrong.ShouldBeEmpty();
        checkedCommands.Count.ShouldBe(CommandExamples.ByCommand.Count, "every command of the table is the body of an operation");
    }

    /// <summary>The examples of the creating commands that name no other record (no <c>...Id</c> or <c>...Ids</c>) are sent as they are: each creates its record.</summary>
    [Fact]
    public async Task The_examples_of_creating_commands_create_their_records_in_a_fresh_store()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var sent = new List<string>();
        foreach (var (method, path, operation) in ServedOpenApiDocument.Operations(document))
        {
            if (method != "POST" || path.Contains('{', StringComparison.Ordinal) || !operation.TryGetProperty("requestBody", out var body) ||
                !body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out var example) ||
                NamesOtherRecords(example) || !Matrix.TryGetValue($"{method} {path}", out var allowed)
                // An audit read that takes a file in its body (the digest comparison) creates nothing.
                || path.StartsWith("/api/audit/", StringComparison.Ordinal))
                continue;

            var user = UserOf[allowed.First(r => UserOf.ContainsKey(r))];
            await Host.Scenario(s =>
            {
                Authorize(s, user);
                s.Post.Text(example.GetRawText()).ToUrl(path);
                s.WithRequestHeader("Content-Type", "application/json");
                s.StatusCodeShouldBe(201);
            });
            sent.Add(path);
        }

        sent.ShouldBe(["/api/alliances", "/api/organisations", "/api/pilots", "/api/programmes"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_API_reference_carries_the_products_title_and_none_of_the_vendors_buttons()
    {
        var page = await (await Host.Scenario(s => s.Get.Url("/scalar/"))).ReadAsTextAsync();

        page.ShouldContain("<title>Fachwerk API</title>");
        page.ShouldContain("\"showDeveloperTools\":\"never\"");   // Configure, Share, Generate SDK, Deploy
        page.ShouldContain("\"hideClientButton\":true");           // Open API Client
        page.ShouldContain("\"documentDownloadType\":\"none\"");
        page.ShouldContain("\"agent\":{\"disabled\":true}");       // Ask AI
        page.ShouldContain("\"telemetry\":false");
        page.ShouldNotContain("\"hideTestRequestButton\":true");   // the request tester stays
    }

    private static void Expect(HashSet<string> has, string status, List<string> missing)
    {
        if (!has.Contains(status)) missing.Add(status);
    }

    /// <summary>What is wrong with each operation (the callback answers null for a good one).</summary>
    private async Task<List<string>> Where(Func<string, string, JsonElement, string?> problem) =>
        await Where((method, path, operation, _) => problem(method, path, operation));

    private async Task<List<string>> Where(Func<string, string, JsonElement, JsonElement, string?> problem)
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        return ServedOpenApiDocument.Operations(document)
            .Select(o => problem(o.Method, o.Path, o.Operation, schemas) is { } p ? $"{o.Method} {o.Path}: {p}" : null)
            .OfType<string>()
            .ToList();
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    private static string Description(JsonElement element) =>
        element.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "";

    /// <summary>A change command on the wire: its body carries the <c>expectedVersion</c> it was based on.</summary>
    private static bool IsChangeCommand(JsonElement schemas, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) &&
        Resolve(schemas, body.GetProperty("content").GetProperty("application/json").GetProperty("schema")) is var schema &&
        schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("expectedVersion", out _);

    private static bool NamesOtherRecords(JsonElement example) =>
        example.EnumerateObject().Any(p => p.Name.EndsWith("Id", StringComparison.Ordinal) || p.Name.EndsWith("Ids", StringComparison.Ordinal));

    private static string? Reference(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? reference.GetString()![(reference.GetString()!.LastIndexOf('/') + 1)..] : null;

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        Reference(schema) is { } name ? schemas.GetProperty(name) : schema;

    /// <summary>Validates the example against the schema with a JSON Schema validator (OpenAPI 3.1 schemas are JSON Schema 2020-12).</summary>
    private static IEnumerable<string> SchemaProblems(JsonElement schemas, string schemaName, JsonElement example)
    {
        var definitions = schemas.GetRawText().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var text = $$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {{definitions}}, "$ref": "#/$defs/{{schemaName}}"}""";
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://fachwerk.test/{schemaName}"));
        var result = schema.Evaluate(example, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .DefaultIfEmpty("does not match its schema");
    }

    /// <summary>The example (serialized from the command record) has exactly the properties its schema names, at every level.</summary>
    private static IEnumerable<string> ShapeProblems(JsonElement schemas, JsonElement schema, JsonElement example, string at)
    {
        schema = Resolve(schemas, schema);
        if (example.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var expected = properties.EnumerateObject().Select(p => p.Name).Order().ToList();
            var actual = example.EnumerateObject().Select(p => p.Name).Order().ToList();
            if (!expected.SequenceEqual(actual))
                yield return $"{at} has {{{string.Join(", ", actual)}}} but its schema names {{{string.Join(", ", expected)}}}";
            foreach (var property in example.EnumerateObject().Where(p => properties.TryGetProperty(p.Name, out _)))
            {
                foreach (var problem in ShapeProblems(schemas, properties.GetProperty(property.Name), property.Value, $"{at}.{property.Name}"))
                    yield return problem;
            }
        }
        else if (example.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var (item, index) in example.EnumerateArray().Select((item, index) => (item, index)))
            {
                foreach (var problem in ShapeProblems(schemas, items, item, $"{at}[{index}]"))
                    yield return problem;
            }
        }
    }

    private static IEnumerable<string> ValidatorProblems(Type command, object body)
    {
        if (!CommandValidators.Exists(command)) return ["no validator"];
        var validator = (IValidator)typeof(CommandValidators).GetMethod(nameof(CommandValidators.For))!.MakeGenericMethod(command).Invoke(null, null)!;
        var result = validator.Validate(new ValidationContext<object>(body));
        return result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}");
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
