using System.Diagnostics.Metrics;

namespace Fachwerk.Application.Operations;

/// <summary>
/// The service's own metrics, on the meter <see cref="MeterName"/> (System.Diagnostics.Metrics only: whoever hosts the
/// application decides how they are exported, ADR 0083). The command counters are counted where every command's answer passes
/// (the host's HTTP edge); the gauges read the database when a collector asks (<see cref="OperationalFigures"/>), so they cost
/// nothing between scrapes. docs/running.md ("Telemetry") lists them.
/// </summary>
public sealed class FachwerkMetrics
{
    public const string MeterName = "Fachwerk";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _failed;

    /// <param name="meters">The host's meter factory.</param>
    /// <param name="figures">What the gauges read.</param>
    /// <param name="meterName">The meter's name: <see cref="MeterName"/>, unless several hosts share a process (the tests) and each
    /// is to export its own figures only; OpenTelemetry listens to meters by name, whichever host created them.</param>
    public FachwerkMetrics(IMeterFactory meters, OperationalFigures figures, string meterName = MeterName)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrWhiteSpace(meterName);
        var meter = meters.Create(meterName);
        _accepted = meter.CreateCounter<long>("fachwerk.commands.accepted", "{command}", "Commands the service accepted, by kind.");
        _refused = meter.CreateCounter<long>("fachwerk.commands.refused", "{command}",
            "Commands the service refused (a 4xx answer: invalid, not allowed, stale, conflicting), by kind and status.");
        _failed = meter.CreateCounter<long>("fachwerk.commands.failed", "{command}", "Commands that failed in the service (a 5xx answer), by kind.");

        meter.CreateObservableGauge("fachwerk.applications", figures.ApplicationsByStatus, "{application}",
            "Applications by status, from the application list.");
        meter.CreateObservableGauge("fachwerk.budget.committed", figures.CommittedByProgramme, "EUR",
            "Money committed to approved applications, by programme, from the budget dashboard.");
        meter.CreateObservableGauge("fachwerk.projection.lag", figures.ProjectionLag, "{event}",
            "Events stored that a projection or subscription has not processed yet, by projection.");
        meter.CreateObservableGauge("fachwerk.outbox.messages", figures.OutboxMessages, "{message}",
            "Messages waiting in the durable outbox to be sent.");
        meter.CreateObservableGauge("fachwerk.dead_letters", figures.DeadLetters, "{message}",
            "Messages that failed for good and wait for an administrator (GET /api/admin/dead-letters).");
        meter.CreateObservableGauge("fachwerk.notifications.pending", figures.PendingNotifications, "{notification}",
            "Notifications whose mail has not gone out yet (waiting to be sent, or for the daily digest).");
    }

    /// <summary>
    /// Counts the answer to a command of <paramref name="kind"/> (its type's name): accepted below 400, refused from 400, failed
    /// from 500.
    /// </summary>
    public void CommandAnswered(string kind, int status)
    {
        var command = new KeyValuePair<string, object?>("command", kind);
        if (status < 400) _accepted.Add(1, command);
        else if (status < 500) _refused.Add(1, command, new KeyValuePair<string, object?>("status", status));
        else _failed.Add(1, command);
    }
}
