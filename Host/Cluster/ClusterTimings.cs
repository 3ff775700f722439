using Marten;
using Wolverine;

namespace Fachwerk.Host.Cluster;

/// <summary>
/// How quickly the nodes of a cluster notice that one of them died and take over its work (ADR 0125): the projection daemon's
/// leadership, Wolverine's node health checks and the recovery of the messages and scheduled deadlines a dead node owned.
/// Section <c>Cluster</c>; the defaults bring a killed node's work back within seconds instead of a minute.
/// </summary>
public sealed class ClusterTimings
{
    public const string Section = "Cluster";

    /// <summary>How often a node that does not run the projections tries to take the daemon's lock (Marten's default: 5 s).</summary>
    public TimeSpan ProjectionLeadershipPolling { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often every node writes its heartbeat and looks at the others' (Wolverine's default: 10 s).</summary>
    public TimeSpan HealthCheckPolling { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Age of a node's last heartbeat after which it counts as dead, its messages and agents are taken over (Wolverine's
    /// default: 1 min). Several missed heartbeats, so that a pause of the process or the database does not eject a live node.
    /// </summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often messages of nodes found dead are reassigned and orphaned messages released (Wolverine: 5 s).</summary>
    public TimeSpan RecoveryPolling { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often scheduled messages (deadlines, retries) that are due are run (Wolverine's default: 5 s).</summary>
    public TimeSpan ScheduledJobPolling { get; set; } = TimeSpan.FromSeconds(1);

    public static ClusterTimings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterTimings>() ?? new ClusterTimings();

    public void ApplyTo(StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Projections.LeadershipPollingTime = (int)ProjectionLeadershipPolling.TotalMilliseconds;
    }

    public void ApplyTo(DurabilitySettings durability)
    {
        ArgumentNullException.ThrowIfNull(durability);
        durability.HealthCheckPollingTime = HealthCheckPolling;
        durability.FirstHealthCheckExecution = TimeSpan.Zero;
        durability.StaleNodeTimeout = StaleNodeTimeout;
        durability.NodeReassignmentPollingTime = RecoveryPolling;
        durability.OrphanedMessageSweepPollingTime = RecoveryPolling;
        durability.ScheduledJobPollingTime = ScheduledJobPolling;
        durability.ScheduledJobFirstExecution = TimeSpan.Zero;
    }
}
