using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// Makes each operation readable: its group in the domain's words (<see cref="ApiTags"/>), a readable id
/// (<see cref="OperationIds"/>), summary and description from the XML comment of the endpoint method (else its class, else
/// its command), who may call it, an example body (<see cref="CommandExamples"/>), and every answer it can give, each error
/// with the problem types it can carry. Wolverine's endpoints are generated classes; the method the code was written in
/// is the chain's <see cref="HttpChain.Method"/>.
/// </summary>
public sealed partial class OperationDocumentation(
    XmlDocumentation xml, IApiDescriptionGroupCollectionProvider descriptions, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    private readonly Lazy<HashSet<Type>> _sharedCommands = new(() => descriptions.ApiDescriptionGroups.Items
        .SelectMany(g => g.Items)
        .Select(BodyType)
        .Where(t => t is not null && t.IsAssignableTo(typeof(ICommand)))
        .GroupBy(t => t!)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet());

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var api = context.Description;
        var route = "/" + (api.RelativePath ?? "").Split('?')[0].TrimStart('/');
        var chain = (api.ActionDescriptor as WolverineActionDescriptor)?.Chain;
        var method = chain?.Method.Method;
        var body = BodyType(api);
        var command = body is not null && body.IsAssignableTo(typeof(ICommand)) ? body : null;
        var metadata = api.ActionDescriptor.EndpointMetadata;

        operation.Tags = ApiTags.For(route) is { } tag ? new HashSet<OpenApiTagReference> { new(tag, context.Document) } : null;
        operation.OperationId = command is not null
            ? OperationIds.ForCommand(command, route, _sharedCommands.Value.Contains(command))
            : OperationIds.ForRoute(api.HttpMethod ?? "GET", route, AnswersACollection(api));

        DescribeParameters(operation, route, chain?.ComplexQueryStringType);
        var access = Access.Of(metadata);
        if (method is not null) Describe(operation, method, command, access);

        var refusals = chain is null ? new Refusals(new HashSet<string>(), new HashSet<string>(), false) : RefusalScan.Of(EntryPoints(chain));
        DocumentAnswers(operation, context.Document!, api, method, command, body, access, refusals);

        if (body is not null && CommandExamples.ByCommand.TryGetValue(body, out var example) &&
            operation.RequestBody?.Content?.TryGetValue("application/json", out var content) == true)
            content.Example = JsonSerializer.SerializeToNode(example, body, json.Value.SerializerOptions);

        return Task.CompletedTask;
    }

    /// <summary>
    /// Query parameters by their JSON names (binding ignores case), each described by its property's comment; a route
    /// parameter by what it identifies, the route segment before it (<c>/payment-requests/{number}</c>: the payment request).
    /// </summary>
    private void DescribeParameters(OpenApiOperation operation, string route, Type? query)
    {
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path) ?? [])
        {
            var index = Array.IndexOf(segments, "{" + parameter.Name + "}");
            if (index <= 0 || parameter.Description is not null) continue;
            var noun = OperationIds.Words(segments[index - 1]);
            var named = parameter.Name!.EndsWith("Id", StringComparison.Ordinal) ? parameter.Name[..^2] : "";
            parameter.Description = named.Length > 0 && !noun.Replace(" ", "", StringComparison.Ordinal).Equals(named, StringComparison.OrdinalIgnoreCase)
                ? $"Identifies the {noun}: the {named}'s id."
                : $"Identifies the {noun}.";
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            var property = query?.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (property is not null) parameter.Description ??= xml.Summary(property);
        }
    }

    /// <summary>Who may call an operation: anyone, anyone signed in, or the roles named.</summary>
    private sealed record Access(bool Anonymous, IReadOnlyList<string> Roles)
    {
        public static Access Of(IList<object> metadata) => new(
            metadata.OfType<IAllowAnonymous>().Any(),
            metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct().ToList());

        public override string ToString() =>
            Anonymous ? "anyone, without a token" : Roles.Count == 0 ? "anyone signed in" : string.Join(", ", Roles);
    }

    private void Describe(OpenApiOperation operation, MethodInfo method, Type? command, Access access)
    {
        var text = xml.Summary(method) ?? xml.Summary(method.DeclaringType!) ?? (command is null ? null : xml.Summary(command));
        operation.Summary = text is null ? null : FirstSentence(text);

        var description = new StringBuilder();
        if (text is not null) description.Append(text);
        if ((xml.Remarks(method) ?? xml.Remarks(method.DeclaringType!)) is { } remarks) description.Append("\n\n").Append(remarks);
        description.Append("\n\n**Who may call it:** ").Append(access).Append('.');
        operation.Description = description.ToString().Trim();
    }

    private void DocumentAnswers(
        OpenApiOperation operation, OpenApiDocument document, ApiDescription api, MethodInfo? method, Type? command, Type? body,
        Access access, Refusals refusals)
    {
        operation.Responses ??= [];
        var responses = operation.Responses;
        var metadata = api.ActionDescriptor.EndpointMetadata;

        // Wolverine declares 404 for every endpoint that answers a resource, lists included; only an id can be unknown.
        var routeIds = api.ParameterDescriptions.Where(p => p.Source == BindingSource.Path).Select(p => p.Name).ToList();
        var loadsReferences = method?.GetParameters().Any(p => p.GetCustomAttributes().Any(a => a.GetType().Name is
            "ReadAggregateAttribute" or "WriteAggregateAttribute" or "AggregateAttribute" or "DocumentAttribute" or "EntityAttribute")) == true;
        var declares404 = method?.GetCustomAttributes<ProducesResponseTypeAttribute>().Any(a => a.StatusCode == 404) == true;
        var mayBeUnknown = routeIds.Count > 0 || loadsReferences || declares404 || refusals.UnknownEntityCodes.Count > 0;
        if (!mayBeUnknown) responses.Remove("404");

        // An endpoint answering IResult is described by its [ProducesResponseType]; Wolverine's 200 "IResult" is not an answer.
        foreach (var bogus in responses.Where(r => r.Value.Content?.Values.Any(c => c.Schema is OpenApiSchemaReference { Reference.Id: "IResult" }) == true)
                     .Select(r => r.Key).ToList())
            responses.Remove(bogus);

        if (method is not null && xml.Returns(method) is { } returns)
            foreach (var success in responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
                success.Description = returns;

        var validated = responses.ContainsKey("400") || (command is not null && CommandValidators.Exists(command));
        if (body is not null || validated)
        {
            var kinds = new List<string>();
            if (validated) kinds.Add($"`{Problem(Problems.ValidationCode)}`: a field (or query value) breaks its rule; `errors` names each such field by its JSON path.");
            if (body is not null) kinds.Add($"`{Problem(Problems.UnreadableBodyCode)}`: the body is not JSON of this operation's shape; `errors` names the JSON path and what was expected there.");
            Answer(responses, document, 400, "The request is invalid.", kinds, ValidationProblemSchema);
        }

        if (!access.Anonymous)
            Answer(responses, document, 401, "No valid bearer token was sent.", [$"`{Problem("unauthenticated")}`"]);

        if (access.Roles.Count > 0 || refusals.ChecksBinding)
        {
            var kinds = new List<string>();
            if (access.Roles.Count > 0) kinds.Add($"the caller's role may not call it (only {access});");
            if (refusals.ChecksBinding) kinds.Add("the caller does not act for this organisation, alliance or pilot project;");
            Answer(responses, document, 403, $"The caller may not do this (`{Problem(Problems.ForbiddenCode)}`), checked before anything else:", kinds);
        }

        if (mayBeUnknown)
        {
            var what = routeIds.Count > 0 ? $"the {string.Join(" or ", routeIds.Select(i => $"`{i}`"))} in the route" : "an id the request names";
            List<string> kinds = [$"`{Problem(Problems.NotFoundCode)}`: nothing is known under {what}."];
            kinds.AddRange(refusals.UnknownEntityCodes.Select(code => $"`{Problem(code)}`"));
            Answer(responses, document, 404, "Not found.", kinds);
        }

        if (command is not null || responses.ContainsKey("409"))
        {
            var kinds = new List<string>();
            if (command is not null && command.IsAssignableTo(typeof(IChangeCommand)))
                kinds.Add($"`{Problem(Problems.StaleVersionCode)}`: `expectedVersion` is not the current version (someone changed it first); `{Problems.CurrentVersion}` names it.");
            if (refusals.RuleCodes.Count > 0)
                kinds.Add("a business rule refuses the command in the current state: " +
                          string.Join(", ", refusals.RuleCodes.Select(code => $"`{Problem(code)}`")) + ".");
            else if (command is not null)
                kinds.Add("a business rule refuses the command in the current state (`urn:fachwerk:problem:<rule>`).");
            Answer(responses, document, 409, "Refused in the current state; nothing was recorded.", kinds);
        }

        if (body is not null)
        {
            Answer(responses, document, 413, $"The body is larger than {Composition.MaxRequestBodyBytes / 1024} KiB.", [$"`{Problem(Problems.TooLargeCode)}`"]);
            Answer(responses, document, 415, "The body is not sent as `application/json`.", [$"`{Problem(Problems.UnsupportedMediaTypeCode)}`"]);
        }

        if (responses.ContainsKey("422"))
            Answer(responses, document, 422, "The `Idempotency-Key` was already used for a different request: send a new key for a new request.",
                [$"`{Problem("idempotency-key-reused")}`"]);

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Answer(responses, document, 429, "Too many requests of this kind from you: wait the seconds `Retry-After` names.",
                [$"`{Problem(Problems.TooManyRequestsCode)}`"]);

        // Every operation reads or writes the database; while it is away (a restart, a failover) the answer says when to come back.
        List<string> unavailable = [$"`{Problem(Problems.DatabaseUnavailableCode)}`: nothing was recorded; send the request again after the `Retry-After` seconds."];
        if (!HttpMethods.IsGet(api.HttpMethod ?? "GET"))
            unavailable.Add($"`{Problem(Problems.OutcomeUnknownCode)}`: the database failed while the command was processed, so it may have been recorded: " +
                            "repeat a creating command with the same `Idempotency-Key`, or read the resource (a change sent again with the same `expectedVersion` is refused if it was recorded).");
        Answer(responses, document, 503, "The database is not available at the moment; the answer carries a `Retry-After` header.", unavailable);

        operation.Responses = Ordered(responses);
    }

    private static void Answer(OpenApiResponses responses, OpenApiDocument document, int status, string text, List<string> problemTypes,
        string schema = ProblemSchema)
    {
        var description = problemTypes.Count == 0 ? text : text + "\n\n" + string.Join("\n", problemTypes.Select(t => "- " + t));
        responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static OpenApiResponses Ordered(OpenApiResponses responses)
    {
        var ordered = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal)) ordered[status] = response;
        return ordered;
    }

    private static string Problem(string code) => Problems.TypeOf(code);

    /// <summary>The endpoint method and the middleware Wolverine runs around it (where access checks and loads may live).</summary>
    private static IEnumerable<MethodBase> EntryPoints(HttpChain chain) =>
        new[] { chain.Method.Method }
            .Concat(chain.Middleware.OfType<JasperFx.CodeGeneration.Frames.MethodCall>().Select(c => c.Method))
            .Concat(chain.Postprocessors.OfType<JasperFx.CodeGeneration.Frames.MethodCall>().Select(c => c.Method));

    private static Type? BodyType(ApiDescription api) =>
        api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;

    private static bool AnswersACollection(ApiDescription api) =>
        api.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300).Select(r => r.Type).Any(t =>
            t is not null && t != typeof(string) && t != typeof(byte[]) &&
            ((t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Page<>)) || t.IsAssignableTo(typeof(System.Collections.IEnumerable))));

    /// <summary>The first sentence up to its first semicolon, without its full stop: the operation's title in the reference.</summary>
    private static string FirstSentence(string text)
    {
        var match = SentenceEnd().Match(text);
        var first = match.Success ? text[..match.Index] : text;
        var clause = first.IndexOf("; ", StringComparison.Ordinal);
        return (clause > 0 ? first[..clause] : first).TrimEnd('.', ' ');
    }

    /// <summary>A full stop followed by a new sentence, not one ending "e.g." or "i.e.".</summary>
    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|Art|cf|No|approx))\.\s+(?=[A-Z(`""])")]
    private static partial Regex SentenceEnd();
}
