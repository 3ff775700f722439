using JasperFx;
using Fachwerk.Application;
using Fachwerk.Application.Programmes;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Fachwerk.Application.People;
using Fachwerk.Application.Privacy;
using Microsoft.AspNetCore.Authentication;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Cluster;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.SignIn;
using Fachwerk.Web;
using Fachwerk.Host.Errors;
using Fachwerk.Host.Health;
using Fachwerk.Host.OpenApi;
using Fachwerk.Host.Security;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Polly;
using Polly.Retry;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Host;

/// <summary>The composition root, in the order Program.cs calls it.</summary>
public static class Composition
{
    public const string ApiReferencePath = "/scalar";
    public const string OpenApiPath = "/openapi/v1.json";

    private static readonly HashSet<string> CommandCategories = [.. FachwerkApplication.Assembly.GetTypes()
        .Where(t => t.IsAssignableTo(typeof(ICommand)) && t.FullName is not null).Select(t => t.FullName!)];

    public static void AddFachwerkLogging(this WebApplicationBuilder builder)
    {
        // Structured logs: JSON lines outside Development (for log shippers), readable lines in Development.
        builder.Logging.ClearProviders();
        // Wolverine logs a body it cannot read as an error under the command's type; it is the client's mistake, answered 400 in
        // our words (ProblemNormaliser), and no error of the service.
        // One rule per command category: a filter for every category would outrank the configured levels ("Default":
        // "Information") and let every library's debug lines through.
        foreach (var category in CommandCategories)
            builder.Logging.AddFilter(category, level => level is >= LogLevel.Information and < LogLevel.Error);
        // Development may ask for the JSON lines too (Logging:Console:FormatterName=json), as the benchmark harness does to read
        // Npgsql's statement log.
        if (builder.Environment.IsDevelopment() && builder.Configuration["Logging:Console:FormatterName"] != ConsoleFormatterNames.Json)
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });
    }

    /// <summary>
    /// <c>Database:ApplySchemaOnStartup</c> (default true): whether the host brings the database schema up to date when it
    /// starts. Deployments that apply it beforehand (<c>db-apply</c>) set it to false: the host then starts faster and needs
    /// no right to change the schema.
    /// </summary>
    public static bool AppliesSchemaOnStartup(IConfiguration configuration) => configuration.GetValue("Database:ApplySchemaOnStartup", true);

    /// <summary>
    /// <c>Database:StatementLogging</c> (default false): whether Npgsql writes its own log lines through the host's logging, at the
    /// levels configured for its categories (<c>Npgsql.Command</c> at Debug names every statement and batch sent, with its
    /// connection; <c>Npgsql.Transaction</c> every commit). For diagnosis and the benchmark harness's count of round trips by
    /// origin; off by default, since Marten 9 keeps Npgsql's logging apart for its volume.
    /// </summary>
    public static bool LogsStatements(IConfiguration configuration) => configuration.GetValue("Database:StatementLogging", false);

    private const string StatementLoggingSource = "fachwerk:statement-logging";

    public static void AddFachwerkPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var applySchema = AppliesSchemaOnStartup(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FachwerkDatabase>();
        services.AddSingleton<Application.Applications.ApplicationParties>();
        // The key-encryption keys of personal data, held outside the database (ADR 0061).
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PersonalDataOptions>>().Value.Load());
        services.AddSingleton<PersonalDataVault>();

        // With statement logging, the store's data source logs through the host's logging; the container disposes it.
        var logsStatements = LogsStatements(configuration);
        if (logsStatements)
            services.AddKeyedSingleton(StatementLoggingSource, (sp, _) => new NpgsqlDataSourceBuilder(sp.GetRequiredService<FachwerkDatabase>().ConnectionString)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build());
        var marten = services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                if (logsStatements)
                    opts.Connection(sp.GetRequiredKeyedService<NpgsqlDataSource>(StatementLoggingSource));
                else
                    opts.Connection(sp.GetRequiredService<FachwerkDatabase>().ConnectionString);
                FachwerkApplication.ConfigureStore(opts);
                opts.Events.TimeProvider = sp.GetRequiredService<TimeProvider>();
                // Needed with DistributedLock.Postgres 1.3.1 for the HotCold daemon to take its lock (docs/adr/0003).
                opts.Events.UseAdvisoryLockTransaction = true;
                // A survivor takes the projections over within seconds of a node's death (ADR 0125).
                ClusterTimings.From(configuration).ApplyTo(opts);
                // Reads are retried when the failure may pass (a lost connection, a timeout), not when PostgreSQL refused the
                // statement itself: that answer would be the same three times over, 350 ms later (ADR 0055).
                opts.ConfigurePolly(retry => retry.AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = failure => ValueTask.FromResult(FailedStatementReset.MayPass(failure.Outcome.Exception)),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(50),
                    BackoffType = DelayBackoffType.Exponential,
                }));
                if (!applySchema) opts.AutoCreateSchemaObjects = AutoCreate.None;
                return opts;
            })
            .UseLightweightSessions()
            // Once per store, after the schema and before any message is handled: commitments as documents (ADR 0021).
            .InitializeWith<CommitmentsUpgrade>()
            // Once per store: data keys stored before they were wrapped are wrapped by the key-encryption key (ADR 0061).
            .InitializeWith<PersonalDataKeysUpgrade>()
            // Once per process: no command asks the pool for a second connection to check the schema (ADR 0138).
            .InitializeWith<Fachwerk.Host.Database.SchemaCheckedAtStart>()
            .IntegrateWithWolverine()
            // Notifications are derived from the stored events by a subscription of the daemon (ADR 0091).
            .SubscribeToEventsWithServices<Fachwerk.Application.Notifications.NotificationSubscription>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
        if (applySchema) marten.ApplyAllDatabaseChangesOnStartup();

        // Marten gives the store its logger when it builds it; a failed statement's connection is reset before its next use (ADR 0055).
        var store = services.Last(d => d.ServiceType == typeof(IDocumentStore) && d.ImplementationFactory is not null);
        services.Remove(store);
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var built = (IDocumentStore)store.ImplementationFactory!(sp);
            FailedStatementReset.Apply(sp.GetRequiredService<StoreOptions>(), sp.GetRequiredService<ILogger<FailedStatementReset>>());
            return built;
        });
    }

    public static void UseFachwerkMessaging(this IHostBuilder host, IConfiguration configuration) =>
        host.UseWolverine(opts =>
        {
            FachwerkApplication.ConfigureMessaging(opts);
            // A dead node's messages and deadlines are taken over within seconds, not after a minute (ADR 0125).
            ClusterTimings.From(configuration).ApplyTo(opts.Durability);
            // Mail failures are retried as configured (Notifications:Retry), then dead-lettered (docs/notifications.md).
            opts.Policies.Add(new Fachwerk.Application.Notifications.MailRetryPolicy(
                configuration.GetSection(Fachwerk.Application.Notifications.NotificationOptions.Section).Get<Fachwerk.Application.Notifications.NotificationOptions>()?.Retry
                ?? new Fachwerk.Application.Notifications.MailRetries()));
            if (!AppliesSchemaOnStartup(configuration)) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
        });

    /// <summary>Largest request body accepted (1 MiB): larger ones answer 413 before anything reads them.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void AddFachwerkApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddWolverineHttp();
        services.Configure<FundingOptions>(configuration.GetSection(FundingOptions.Section));
        services.Configure<TeamOptions>(configuration.GetSection(TeamOptions.Section));
        services.AddFachwerkAudit();
        services.AddFachwerkDocuments(configuration);
        Notifications.NotificationComposition.AddFachwerkNotifications(builder);

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        // Every problem answer, also those the framework and Wolverine write, in one format (Problems, ProblemNormaliser).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => ProblemNormaliser.Normalise(c.ProblemDetails, c.HttpContext));
        services.AddExceptionHandler<ExceptionProblemDetails>();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.AddServerHeader = false; // no "Server: Kestrel" banner
        });
        services.AddHsts(o =>
        {
            o.MaxAge = ProtocolSettings.StrictTransportSecurityMaxAge;
            o.IncludeSubDomains = true;
        });

        AddTokenAuthentication(builder);
        services.AddAuthorization(o =>
        {
            // Every endpoint needs a signed-in user unless it says [AllowAnonymous] (health, API reference). An external expert reads
            // only the applications assigned to them (ADR 0093): not even what every other signed-in user reads of the API (the
            // registries, budgets, dashboards), only operations that name their role. The UI's pages call the API, which decides.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => !(c.Resource is HttpContext http && FachwerkWeb.IsApiRequest(http.Request.Path) && c.User.IsOnlyExternalExpert()))
                .Build();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
        services.AddFachwerkRateLimits(configuration);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddFachwerkOpenApi();
    }

    /// <summary>
    /// JWT bearer tokens from the configured OpenID Connect provider (in Development also the development token issuer's,
    /// registered by <see cref="Development.FachwerkDevelopment"/>).
    /// </summary>
    private static void AddTokenAuthentication(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        builder.Services.AddSingleton(settings);

        // The API answers bearer tokens; the UI's pages a session that its sign-in started (ADR 0050). The path decides.
        builder.Services.AddAuthentication(UserScheme)
            .AddPolicyScheme(UserScheme, "API bearer token or UI session", o => o.ForwardDefaultSelector = context =>
                FachwerkWeb.IsApiRequest(context.Request.Path) ? JwtBearerDefaults.AuthenticationScheme : FachwerkWeb.SessionScheme)
            .AddJwtBearer();
        // What a user acts for comes from the person's records as well as the token's claims (ADR 0060), for the API and the UI.
        // A command reads them in its own transaction instead (ADR 0134): the transformation looks at the request's endpoint.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IClaimsTransformation, RecordedBindings>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((options, provider) =>
            {
                TokenAuthentication.ConfigureJwtBearer(options, settings, provider.GetRequiredService<TimeProvider>());
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        SecurityLog.AuthenticationFailed(context.HttpContext.Logger(), context.Request.Method, context.Request.Path,
                            SecurityLog.NetworkOf(context.HttpContext), context.Exception.GetType().Name);
                        return Task.CompletedTask;
                    },
                    // Signed, in time, for our audience, and still refused: no user, or not an access token (401, ADR 0057).
                    OnTokenValidated = context =>
                    {
                        if (context.SecurityToken is not JsonWebToken token || context.Principal is null)
                            context.Fail("The token is not a JSON web token.");
                        else if (TokenAuthentication.Refusal(token, context.Principal) is { } reason)
                        {
                            SecurityLog.AuthenticationFailed(context.HttpContext.Logger(), context.Request.Method, context.Request.Path,
                                SecurityLog.NetworkOf(context.HttpContext), reason);
                            context.Fail(reason);
                        }

                        return Task.CompletedTask;
                    },
                };
            });
    }

    /// <summary>The scheme every request authenticates with: bearer tokens for the API, the session for the UI.</summary>
    public const string UserScheme = "fachwerk";

    /// <summary>
    /// The web UI signs people in at the API's provider; in Development without one, at the service's own provider. The UI
    /// calls the API over HTTP with the signed-in user's token, like any other client.
    /// </summary>
    public static void AddFachwerkUi(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        builder.AddFachwerkWeb(new WebSignIn(settings.Authority, settings.RequireHttpsMetadata, settings.RoleClaim,
            FachwerkDevelopment.HasOwnSignInProvider(builder) ? DevelopmentIdentityProvider.Metadata : null));
    }

    /// <summary>
    /// Refuses bodies over the limit by their declared length (Kestrel also stops longer streamed ones), and closes the connection:
    /// the unread rest of the body would otherwise be taken for the next request on it.
    /// </summary>
    private static Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        var limit = MaxRequestBodyBytes;
        if (AttachDocumentEndpoint.IsUpload(context.Request))
        {
            // An upload may carry a file up to the documents' limit (ADR 0086); the endpoint counts the file's bytes itself.
            var maxBytes = context.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes;
            limit = maxBytes + DocumentOptions.EnvelopeBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit) limit = maxBytes;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.TooLarge(limit),
            }).AsTask();
        }

        return next(context);
    }

    public static void UseFachwerkApi(this WebApplication app)
    {
        // Outermost: every command's answer is counted, whatever layer wrote it (ADR 0083).
        app.UseFachwerkTelemetry();
        // X-Forwarded-For/-Proto from the configured proxies only (RateLimits).
        app.UseForwardedHeaders();
        // Security headers on every answer; outside Development HTTPS only for the API, HSTS, redirects for the rest (ADR 0057).
        app.UseFachwerkProtocol(ApiReferencePath);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        app.UseAuthentication();
        // The user's profile for notifications, from the claims (ADR 0092).
        Notifications.NotificationComposition.UseFachwerkNotifications(app);
        // After authentication: requests are counted per user, or per client address without a valid token (ADR 0057).
        app.UseRateLimiter();
        app.UseAuthorization();
        // After the role check (403 comes first), before the endpoint reads anything (ADR 0056).
        app.Use(RequestInputRules.Check);
        app.Use(RequiredFields.Check);

        var apiReference = ProtocolSettings.ApiReferenceEnabled(app.Configuration, app.Environment);
        // The web UI serves "/".
        if (apiReference) app.MapFachwerkApiReference(ApiReferencePath, OpenApiPath);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        // Open like the health endpoints, for Prometheus (ADR 0083).
        app.MapFachwerkTelemetry();

        app.MapWolverineEndpoints(FachwerkApplication.ConfigureHttp);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                if (apiReference)
                    app.Logger.LogInformation("Fachwerk is running. Web UI: {Ui} API reference: {Url}", address.TrimEnd('/') + "/",
                        address.TrimEnd('/') + ApiReferencePath + "/");
                else app.Logger.LogInformation("Fachwerk is running. Web UI: {Ui} (the API reference is off: ApiReference:Enabled).", address.TrimEnd('/') + "/");
            }
        });
    }
}
