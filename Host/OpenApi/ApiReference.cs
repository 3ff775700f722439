using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and the API reference page on it (<c>/scalar</c>): registered here so the
/// composition root says only that there is one (docs/adr/0045-api-reference-from-code.md).
/// </summary>
public static class ApiReference
{
    public static void AddFachwerkOpenApi(this IServiceCollection services)
    {
        services.AddSingleton(_ => XmlDocumentation.ForFachwerk());
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaDocumentation.SchemaReferenceId;
            o.AddSchemaTransformer<SchemaDocumentation>();
            o.AddOperationTransformer<OperationDocumentation>();
            o.AddDocumentTransformer(DescribeDocument);
        });
    }

    /// <summary>The reference page: the product's title, the request tester kept, the vendor's buttons, AI chat and telemetry off.</summary>
    public static void MapFachwerkApiReference(this WebApplication app, string path, string openApiPath)
    {
        app.MapOpenApi(openApiPath).AllowAnonymous();
        app.MapScalarApiReference(path, o =>
        {
            o.WithTitle("Fachwerk API").WithOpenApiRoutePattern(openApiPath);
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never; // "Configure", "Share", "Generate SDK", "Deploy"
            o.HideClientButton = true;                             // "Open API Client"
            o.DocumentDownloadType = DocumentDownloadType.None;      // no download button: the document is at /openapi/v1.json
            o.Telemetry = false;
            o.DefaultFonts = false;                                // fonts from the vendor's CDN
            o.OperationTitleSource = OperationTitleSource.Summary;
            o.HideModels = false;
            o.DisableAgent().DisableMcp();                         // "Ask AI"
            o.WithCustomCss(HidePoweredBy);
        }).AllowAnonymous();
    }

    /// <summary>The sidebar's "Powered by Scalar" link has no option of its own.</summary>
    private const string HidePoweredBy = ".darklight-reference-promo, a[href*='scalar.com'] { display: none !important; }";

    private static async Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Fachwerk API",
            Version = "v1",
            Description = "Back office for regional skilled-labour programmes: alliances, funding programmes, " +
                          "funding applications and pilot projects. Errors are RFC 9457 problem details. " +
                          "Sign in with a bearer token (in Development: POST /dev/token).\n\n" +
                          "Every command on an existing record carries the `expectedVersion` it was based on; the answer names " +
                          "the new `version`. Creating commands accept an `Idempotency-Key` header: a retry with the same key " +
                          "creates nothing and answers as the first time.",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[JwtBearerDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the OpenID Connect provider (in Development: from POST /dev/token).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(JwtBearerDefaults.AuthenticationScheme, document)] = [],
        });

        // The groups in the order of the rule table, each with its description.
        document.Tags = new SortedSet<OpenApiTag>(
            ApiTags.Rules.Select(r => new OpenApiTag { Name = r.Tag, Description = r.Description }),
            Comparer<OpenApiTag>.Create((a, b) => Order(a).CompareTo(Order(b))));

        // Paths in the order of their routes, so an area's reads and commands stand together.
        var paths = new OpenApiPaths();
        foreach (var (route, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal)) paths[route] = item;
        document.Paths = paths;

        // Wolverine describes an endpoint answering IResult as answering an "IResult" object; those answers were replaced.
        document.Components.Schemas?.Remove("IResult");

        // A nullable reference becomes "oneOf: [null, $ref]" after the schema transformers ran: its description belongs on the oneOf.
        foreach (var property in document.Components.Schemas?.Values.OfType<OpenApiSchema>().SelectMany(s => s.Properties?.Values ?? []) ?? [])
        {
            if (property is OpenApiSchema { OneOf.Count: > 0, Description: null } nullable &&
                nullable.OneOf.OfType<OpenApiSchemaReference>().FirstOrDefault(r => r.Description is not null) is { } described)
            {
                nullable.Description = described.Description;
                described.Description = null;
            }
        }

        // The error answers refer to these; make sure they exist even if no endpoint declared them itself.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (id, type) in new[] { (OperationDocumentation.ProblemSchema, typeof(ProblemDetails)), (OperationDocumentation.ValidationProblemSchema, typeof(HttpValidationProblemDetails)) })
        {
            if (!document.Components.Schemas.ContainsKey(id))
                document.Components.Schemas[id] = await context.GetOrCreateSchemaAsync(type, null, cancellation);
        }
    }

    private static int Order(OpenApiTag tag) =>
        ApiTags.Rules.Select((rule, index) => (rule, index)).FirstOrDefault(r => r.rule.Tag == tag.Name, (null!, int.MaxValue)).index;
}
