using Fachwerk.Application;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.DemoWorld;
using Fachwerk.Host.Errors;
using Fachwerk.Host.Health;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Host;

/// <summary>The composition root, in the order Program.cs calls it.</summary>
public static class Composition
{
    public const string ApiReferencePath = "/scalar";
    public const string OpenApiPath = "/openapi/v1.json";

    public static void AddFachwerkLogging(this WebApplicationBuilder builder)
    {
        // Structured logs: JSON lines outside Development (for log shippers), readable lines in Development.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });
    }

    public static void AddFachwerkPersistence(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FachwerkDatabase>();

        services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(sp.GetRequiredService<FachwerkDatabase>().ConnectionString);
                FachwerkApplication.ConfigureStore(opts);
                opts.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                // Needed with DistributedLock.Postgres 1.3.1 for the HotCold daemon to take its lock (docs/adr/0003).
                opts.Events.UseAdvisoryLockTransaction = true;
                return opts;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
    }

    public static void UseFachwerkMessaging(this IHostBuilder host) =>
        host.UseWolverine(FachwerkApplication.ConfigureMessaging);

    public static void AddFachwerkApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWolverineHttp();
        services.AddFachwerkValidators();
        services.AddFachwerkAudit();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ExceptionProblemDetails>();

        var authentication = services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName);
        if (configuration.GetValue("Authentication:Development", false))
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            // Every endpoint needs a signed-in user unless it says [AllowAnonymous] (health, API reference).
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Fachwerk API",
                Version = "v1",
                Description = "Back office for regional skilled-labour programmes: alliances, funding programmes, " +
                              "funding applications and pilot projects. Errors are RFC 9457 problem details.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[DevelopmentAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = DevelopmentAuthenticationHandler.HeaderName,
                Description = "Development only: the id of a demo user, e.g. sabine.sachbearbeitung.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(DevelopmentAuthenticationHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        }));
    }

    public static void UseFachwerkApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        app.MapScalarApiReference(ApiReferencePath, o => o.WithTitle("Fachwerk API").WithOpenApiRoutePattern(OpenApiPath)).AllowAnonymous();
        app.MapGet("/", () => Results.Redirect(ApiReferencePath + "/")).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.MapWolverineEndpoints(FachwerkApplication.ConfigureHttp);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                app.Logger.LogInformation("Fachwerk is running. API reference: {Url}", address.TrimEnd('/') + ApiReferencePath + "/");
        });
    }
}
