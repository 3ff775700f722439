using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// The spans of the traces a test starts itself, kept in memory. The test host records only traces whose caller asked for it (a
/// sampled <c>traceparent</c>): every other request of the suite records nothing, so tracing costs the other tests nothing.
/// </summary>
public sealed class TraceSink : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    /// <summary>The finished spans of the trace <paramref name="traceId"/>.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    public override void OnEnd(Activity data) => _spans.Enqueue(data);

    /// <summary>Adds the sink to a host's tracing, and switches tracing on (it is off unless something takes the spans).</summary>
    public void AddTo(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Telemetry:Tracing", "true");
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(traces => traces
            .SetSampler(new ParentBasedSampler(new AlwaysOffSampler()))
            .AddProcessor(this)));
    }

    /// <summary>A <c>traceparent</c> header that starts a sampled trace, and its trace id.</summary>
    public static (string Header, ActivityTraceId TraceId) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01", traceId);
    }
}
