using System.Collections.Concurrent;
using System.Security.Claims;
using Fachwerk.Application.Common;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>Whether a rebuild is running, completed or failed.</summary>
public enum RebuildState
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A projection rebuild and how far it got: <see cref="Processed"/> is the last event sequence the rebuilt projection has
/// applied, <see cref="Target"/> the last event sequence in the store when the rebuild started.
/// </summary>
/// <param name="Id">The rebuild's id.</param>
/// <param name="Projection">The projection rebuilt.</param>
/// <param name="State">Running, completed or failed.</param>
/// <param name="RequestedBy">Who started it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Target">The last event sequence in the store when it started.</param>
/// <param name="Processed">The last event sequence it has applied.</param>
/// <param name="Percent">How far it got, in percent of the target.</param>
/// <param name="Error">What went wrong, if it failed.</param>
public sealed record ProjectionRebuildStatus(
    Guid Id, string Projection, RebuildState State, string RequestedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, long Target,
    long Processed, int Percent, string? Error);

/// <summary>A projection of the event store: its lifecycle and how far it has applied the events.</summary>
/// <param name="Name">The projection's name, as used in the rebuild's address.</param>
/// <param name="Lifecycle">How it is kept: inline, by the async daemon, or live.</param>
/// <param name="Rebuildable">Whether it can be rebuilt (live ones store nothing).</param>
/// <param name="Processed">The last event sequence it has applied.</param>
/// <param name="HighWaterMark">The last event sequence in the store.</param>
public sealed record ProjectionInfo(string Name, ProjectionLifecycle Lifecycle, bool Rebuildable, long? Processed, long HighWaterMark);

/// <summary>
/// Runs projection rebuilds in the background with Marten's own machinery (the projection daemon's
/// <c>RebuildProjectionAsync</c>, the same the <c>projections rebuild</c> command uses) and follows their progress through the
/// daemon's shard-state tracker. One rebuild per projection at a time.
/// </summary>
public sealed class ProjectionRebuilds(IDocumentStore store, IServiceProvider services, TimeProvider clock, ILogger<ProjectionRebuilds> logger)
{
    public static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, RebuildJob> _jobs = new();
    private readonly Lock _starting = new();

    /// <summary>Async and inline projections can be rebuilt; live ones (the write models) are folded per command and have nothing stored.</summary>
    public IReadOnlyList<(string Name, ProjectionLifecycle Lifecycle)> Projections =>
        [.. store.Options.Events.Projections().Select(p => (p.Name, p.Lifecycle)).OrderBy(p => p.Name, StringComparer.Ordinal)];

    public bool IsRebuildable(string name) =>
        Projections.Any(p => p.Name == name && p.Lifecycle != ProjectionLifecycle.Live);

    public RebuildJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    public RebuildJob? RunningFor(string projection) =>
        _jobs.Values.FirstOrDefault(j => j.Projection == projection && j.Status.State == RebuildState.Running);

    public async Task<IReadOnlyList<ProjectionInfo>> DescribeAsync(CancellationToken cancellation)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellation);
        var highWater = await HighWaterMarkAsync(cancellation);
        return
        [
            .. Projections.Select(p => new ProjectionInfo(p.Name, p.Lifecycle, p.Lifecycle != ProjectionLifecycle.Live,
                progress.Where(s => s.ShardName.StartsWith(p.Name + ":", StringComparison.Ordinal)).Select(s => (long?)s.Sequence).Max(),
                highWater)),
        ];
    }

    /// <summary>
    /// With several nodes (HotCold) each async projection runs on the one node that holds its lock; a rebuild elsewhere would run
    /// beside that node's continuous agent. True when this node runs <paramref name="projection"/> (or is the only node).
    /// </summary>
    public async Task<bool> RunsProjectionAsync(string projection)
    {
        if (store.Options.Events.Daemon.AsyncMode != DaemonMode.HotCold) return true;
        var daemon = await DaemonAsync();
        return daemon.IsRunning && daemon.CurrentAgents().Any(agent => agent.Name.Name == projection);
    }

    /// <summary>
    /// The node that runs <paramref name="projection"/>: the application name (<c>fachwerk {node}</c>, ADR 0125) of the database
    /// session holding the advisory lock of one of its shards, whose ids Marten computes from the schema and the shard's name.
    /// Null when no node holds it right now (a takeover under way).
    /// </summary>
    public async Task<string?> ProjectionNodeAsync(string projection, CancellationToken cancellation)
    {
        var source = store.Options.Events.Projections().FirstOrDefault(p => p.Name == projection);
        if (source is null) return null;
        var baseId = ((StoreOptions)store.Options).Projections.DaemonLockId;
        long[] ids = [.. source.ShardNames().Select(shard => (long)ProjectionLockIds.Compute(store.Options.Events.DatabaseSchemaName, shard, baseId))];

        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        return await LockHolderAsync(connection, ids, cancellation);
    }

    /// <summary>
    /// The node whose database session holds one of the advisory locks <paramref name="lockIds"/> in the connection's database, by
    /// the application name the host gives its sessions; null while no session holds one. Also used from outside the host (the
    /// harness, the tests of several nodes) to find the node running the projections.
    /// </summary>
    public static async Task<string?> LockHolderAsync(NpgsqlConnection connection, long[] lockIds, CancellationToken cancellation)
    {
        // pg_locks shows a bigint advisory key as its high (classid) and low (objid) 32 bits, with objsubid 1.
        await using var command = new NpgsqlCommand(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = ANY(@ids) " +
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1", connection);
        command.Parameters.AddWithValue("ids", lockIds);
        var name = await command.ExecuteScalarAsync(cancellation) as string;
        return string.IsNullOrEmpty(name) ? null : name.StartsWith(NodeSessionPrefix, StringComparison.Ordinal) ? name[NodeSessionPrefix.Length..] : name;
    }

    /// <summary>How a node's database sessions begin their application name, followed by the node's name (the host sets it).</summary>
    public const string NodeSessionPrefix = "fachwerk ";

    /// <summary>Starts rebuilding <paramref name="projection"/>; returns the running rebuild if there is one already.</summary>
    public async Task<(RebuildJob Job, bool Started)> StartAsync(string projection, string requestedBy, CancellationToken cancellation)
    {
        var target = await HighWaterMarkAsync(cancellation);
        var daemon = await DaemonAsync();
        lock (_starting)
        {
            if (RunningFor(projection) is { } running) return (running, false);
            var job = new RebuildJob(projection, requestedBy, clock.GetUtcNow(), target);
            _jobs[job.Id] = job;
            job.Run(store, daemon, clock, logger);
            return (job, true);
        }
    }

    /// <summary>
    /// The daemon of the node's projection coordinator (which pauses the projection's continuous agent while it rebuilds), or a
    /// daemon of its own when the async daemon is not configured.
    /// </summary>
    private async Task<IProjectionDaemon> DaemonAsync()
    {
        var coordinator = services.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        return coordinator is not null ? coordinator.DaemonForMainDatabase() : await store.BuildProjectionDaemonAsync();
    }

    private async Task<long> HighWaterMarkAsync(CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(seq_id), 0) FROM {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }
}

/// <summary>One rebuild: follows the rebuilt shards' states published by the daemon.</summary>
public sealed class RebuildJob : IObserver<ShardState>
{
    private readonly Lock _lock = new();
    private ProjectionRebuildStatus _status;

    internal RebuildJob(string projection, string requestedBy, DateTimeOffset startedAt, long target)
    {
        Projection = projection;
        _status = new ProjectionRebuildStatus(Guid.CreateVersion7(), projection, RebuildState.Running, requestedBy, startedAt, null, target, 0,
            target == 0 ? 100 : 0, null);
    }

    public Guid Id => _status.Id;
    public string Projection { get; }

    /// <summary>Completes when the rebuild has finished (successfully or not).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public ProjectionRebuildStatus Status
    {
        get
        {
            lock (_lock) return _status;
        }
    }

    internal void Run(IDocumentStore store, IProjectionDaemon daemon, TimeProvider clock, ILogger logger)
    {
        Completion = Task.Run(async () =>
        {
            using var subscription = daemon.Tracker.Subscribe(this);
            try
            {
                logger.LogInformation("Rebuilding projection {Projection} (requested by {User})", Projection, _status.RequestedBy);
                await EventTableStatistics.RefreshIfStaleAsync(store, logger, CancellationToken.None);
                // The rebuild stops the projection's continuous agents on this node and does not start them again (by
                // JasperFx's contract the caller does); those that were running resume from the rebuilt position.
                var running = daemon.CurrentAgents()
                    .Where(a => a.Name.Name == Projection && a.Status == JasperFx.AgentStatus.Running)
                    .Select(a => a.Name)
                    .ToList();
                await daemon.RebuildProjectionAsync(Projection, ProjectionRebuilds.ShardTimeout, CancellationToken.None);
                foreach (var shard in running)
                    await daemon.StartAgentAsync(shard, CancellationToken.None);
                Update(s => s with { State = RebuildState.Completed, FinishedAt = clock.GetUtcNow(), Processed = Math.Max(s.Processed, s.Target), Percent = 100 });
                logger.LogInformation("Rebuilt projection {Projection}", Projection);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Rebuilding projection {Projection} failed", Projection);
                Update(s => s with { State = RebuildState.Failed, FinishedAt = clock.GetUtcNow(), Error = e.Message });
            }
        });
    }

    public void OnNext(ShardState value)
    {
        if (!value.ShardName.StartsWith(Projection + ":", StringComparison.Ordinal)) return;
        Update(s => s.State != RebuildState.Running || value.Sequence <= s.Processed
            ? s
            : s with { Processed = value.Sequence, Percent = s.Target == 0 ? 100 : (int)Math.Min(99, value.Sequence * 100 / s.Target) });
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    private void Update(Func<ProjectionRebuildStatus, ProjectionRebuildStatus> change)
    {
        lock (_lock) _status = change(_status);
    }
}

public static class RebuildProjectionEndpoints
{
    /// <summary>Lists the projections (read models) with how they are kept and how far they have applied the events.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverineGet("/api/admin/projections")]
    public static Task<IReadOnlyList<ProjectionInfo>> List(ProjectionRebuilds rebuilds, CancellationToken cancellation) =>
        rebuilds.DescribeAsync(cancellation);

    /// <summary>
    /// Rebuilds a projection from the whole event history, in the background. Answers 202 with the rebuild's status and its
    /// address; reads go on being served meanwhile.
    /// </summary>
    /// <remarks>Reads are served from the partly rebuilt read model until the replay ends (docs/running.md).</remarks>
    [Authorize(Roles = Roles.Administrator)]
    [EnableRateLimiting(RateLimitPolicies.Expensive)]
    [WolverinePost("/api/admin/projections/{name}/rebuilds")]
    [ProducesResponseType<ProjectionRebuildStatus>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Start(string name, ProjectionRebuilds rebuilds, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (!rebuilds.IsRebuildable(name))
            return AuditProblems.NotFound(
                $"There is no stored projection named '{name}'. Projections: {string.Join(", ", rebuilds.Projections.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name))}.");

        if (!await rebuilds.RunsProjectionAsync(name))
        {
            // With several nodes one runs each projection (ADR 0125); this answer names it, so the request can go there.
            var node = await rebuilds.ProjectionNodeAsync(name, cancellation);
            var problem = Problems.Create(StatusCodes.Status409Conflict, "rebuild-not-on-leader", "This node does not run this projection.",
                node is null
                    ? "No node runs this projection at this moment (another node is taking it over); send the request again in a few seconds."
                    : $"Node '{node}' runs this projection and its rebuilds; send the request to that node.");
            if (node is not null) problem.Extensions["projectionNode"] = node;
            return Results.Problem(problem);
        }

        var (job, started) = await rebuilds.StartAsync(name, user.UserId(), cancellation);
        return started
            ? Results.Accepted($"/api/admin/projection-rebuilds/{job.Id}", job.Status)
            : AuditProblems.Problem(StatusCodes.Status409Conflict, "rebuild-running", "A rebuild of this projection is running.",
                $"Rebuild {job.Id} of {name} is still running: /api/admin/projection-rebuilds/{job.Id}.");
    }

    /// <summary>Shows how far a projection rebuild has come.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverineGet("/api/admin/projection-rebuilds/{id}")]
    [ProducesResponseType<ProjectionRebuildStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static IResult Get(Guid id, ProjectionRebuilds rebuilds) =>
        rebuilds.Find(id) is { } job ? Results.Ok(job.Status) : AuditProblems.NotFound($"There is no projection rebuild with id {id} (on this node).");
}
