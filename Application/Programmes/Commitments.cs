using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Marten.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// One <see cref="Commitment"/> document per application that holds money of a programme, written in the same transaction as
/// the budget step that reserves or releases it. The budget steps load it beside the programme's write model, which keeps
/// only the sums (ADR 0021).
/// </summary>
public sealed class CommitmentProjection : MultiStreamProjection<Commitment, Guid>
{
    public const string ProjectionName = "Commitment";

    public CommitmentProjection()
    {
        Name = ProjectionName;
        Identity<FundsCommitted>(e => e.ApplicationId);
        Identity<FundsReleased>(e => e.ApplicationId);
        Identity<CommitmentAdjusted>(e => e.ApplicationId);
    }

    public override Commitment? Evolve(Commitment? snapshot, Guid id, IEvent e) => Commitment.Evolve(snapshot, e.Data);

    public static void ConfigureStore(StoreOptions opts)
    {
        opts.Projections.Add(new CommitmentProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Commitment>().Identity(c => c.ApplicationId);
    }
}

/// <summary>
/// Brings a store written before commitments were documents of their own up to date when the service starts: if any
/// programme snapshot still lists every commitment (the old shape, without <c>committedByAlliance</c>), the commitment
/// documents and the programme snapshots are rebuilt from the events. Without that, the budget steps of such a store would
/// find no commitment to release and programme snapshots without sums. Marten runs it after applying the schema and before
/// Wolverine handles messages; an advisory lock keeps nodes that start together from rebuilding twice. Afterwards no
/// snapshot of the old shape is left, so later starts only ask (one query over one row per programme).
/// </summary>
public sealed class CommitmentsUpgrade(ILogger<CommitmentsUpgrade> logger) : IInitialData
{
    // Any number unique among the advisory locks on this database: "Fachwerk" in ASCII, plus the ADR's number.
    private const long LockId = 0x4661_6368_7765_0021;

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        if (!await OldSnapshotsRemainAsync(store, connection, cancellation)) return;

        await ExecuteAsync(connection, "select pg_advisory_lock($1)", cancellation);
        try
        {
            if (!await OldSnapshotsRemainAsync(store, connection, cancellation)) return;
            logger.LogWarning("Building the commitment documents and the programme snapshots from the events (once, ADR 0021)");
            await EventTableStatistics.RefreshIfStaleAsync(store, logger, cancellation);
            using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
            await daemon.RebuildProjectionAsync(CommitmentProjection.ProjectionName, TimeSpan.FromMinutes(10), cancellation);
            await daemon.RebuildProjectionAsync(nameof(FundingProgramme), TimeSpan.FromMinutes(10), cancellation);
        }
        finally
        {
            await ExecuteAsync(connection, "select pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    private static async Task<bool> OldSnapshotsRemainAsync(IDocumentStore store, NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select exists(select 1 from {store.Options.DatabaseSchemaName}.mt_doc_fundingprogramme where not data ? 'committedByAlliance')", connection);
        try
        {
            return (bool)(await command.ExecuteScalarAsync(cancellation))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Only when the host was told not to apply the schema (Database:ApplySchemaOnStartup=false).
            throw new InvalidOperationException(
                $"The database schema is missing or older than this release ({e.MessageText}). Apply it first with db-apply (docs/running.md).", e);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = LockId } } };
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
