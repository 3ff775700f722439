using Fachwerk.Application.Common;
using Fachwerk.Application.Operations;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Wolverine.Http;

namespace Fachwerk.Host;

/// <summary>
/// Traces and metrics (ADR 0083): ASP.NET Core's, Wolverine's, Marten's and Npgsql's own instrumentation and the service's
/// business metrics (<see cref="FachwerkMetrics"/>). Metrics are always collected and served at <see cref="MetricsPath"/> for
/// Prometheus; traces are recorded only when something takes them: an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
/// <c>Telemetry:Otlp:Endpoint</c>), or <c>Telemetry:Tracing=true</c> for exporters a host adds in code (the tests).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "fachwerk";

    /// <summary>The instrumentation of the libraries, by the names of their ActivitySource.</summary>
    private static readonly string[] LibrarySources = ["Wolverine", "Marten"];

    /// <summary>Their meters: Marten's is "Marten", Wolverine's "Wolverine:" and the service's name.</summary>
    private static readonly string[] LibraryMeters = ["Wolverine*", "Marten*"];

    /// <summary>
    /// The labels kept on Npgsql's metrics: its pool name is the connection string (host, port, database, user), which an open
    /// /metrics should not tell. Without it the pools share one series; the service's work goes through Marten's pool.
    /// </summary>
    private static readonly string[] NpgsqlLabels = ["db.client.connection.state", "db.system", "db.system.name", "error.type"];

    /// <summary>The OTLP endpoint, if one is configured: the standard variable or the section <c>Telemetry:Otlp</c>.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["Telemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null;
    }

    public static void AddFachwerkTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<OperationalFigures>();
        var meterName = builder.Configuration["Telemetry:MeterName"] ?? FachwerkMetrics.MeterName;
        services.AddSingleton(provider => new FachwerkMetrics(
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), provider.GetRequiredService<OperationalFigures>(), meterName));

        // Every log line written inside a request or a traced message names its trace: the JSON console writes the scope.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var otlp = OtlpEndpoint(builder.Configuration);
        var tracing = otlp is not null || builder.Configuration.GetValue("Telemetry:Tracing", false);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter(meterName)
                    .AddMeter(LibraryMeters)
                    .AddNpgsqlInstrumentation()
                    .AddView(instrument => instrument.Meter.Name == "Npgsql" ? new MetricStreamConfiguration { TagKeys = NpgsqlLabels } : null)
                    // A scrape reads the figures fresh: Prometheus asks every 15 s or so, and a cached answer would hide a change.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        if (!tracing) return;

        telemetry.WithTracing(traces =>
        {
            // Probes and scrapes every few seconds are no work of the service worth a trace.
            traces.AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(MetricsPath) && !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(LibrarySources)
                .AddNpgsql();
            if (otlp is not null) traces.AddOtlpExporter(o => o.Endpoint = otlp);
        });
        // Marten's span per connection stays off (its default): a session traced by it cannot begin its transaction before its
        // first read (Marten 9.58-9.62 wraps the connection in a lifetime that cannot start one), and every command does that
        // (ADR 0132). Npgsql's spans, one per statement or batch, sit under the request's and the handlers' spans.
    }

    /// <summary>
    /// <see cref="MetricsPath"/> for Prometheus, open like the health endpoints (ADR 0083): it names command kinds, statuses,
    /// projection and programme names and counts, nothing about a person. Command answers are counted from here on.
    /// </summary>
    public static void UseFachwerkTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The gauges exist from the start, not from the first command.
        var metrics = app.Services.GetRequiredService<FachwerkMetrics>();
        app.Use((context, next) => CountCommandAnswer(context, next, metrics));
    }

    public static void MapFachwerkTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }

    /// <summary>
    /// Every command's answer passes here, whatever wrote it: the handler, a validator, the authorization, the version check, the
    /// exception handler further in. A command is an endpoint whose body is an <see cref="ICommand"/>; its kind is the type's name.
    /// </summary>
    private static async Task CountCommandAnswer(HttpContext context, RequestDelegate next, FachwerkMetrics metrics)
    {
        var command = context.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is { HasRequestType: true } chain
                      && chain.RequestType!.IsAssignableTo(typeof(ICommand))
            ? chain.RequestType.Name
            : null;
        if (command is null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            metrics.CommandAnswered(command, context.Response.StatusCode);
        }
    }
}
