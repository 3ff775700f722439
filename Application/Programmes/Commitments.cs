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
    }

    public override Commitment? Evolve(Commitment? snapshot, Guid id, IEvent e) => Commitment.Evolve(snapshot, e.Data);

    public static void ConfigureStore(StoreOptions opts)
    {
        opts.Projections.Add(new CommitmentProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Commitment>().Identity(c => c.ApplicationId);
        opts.RegisterDocumentType<StoreUpgrade>();
    }
}

/// <summary>A change to stored data that was made once, and when (see <see cref="CommitmentsUpgrade"/>).</summary>
public sealed record StoreUpgrade(string Id, DateTimeOffset AppliedAt);

/// <summary>
/// Brings a store written before commitments were documents of their own up to date, once, when the service starts: the
/// commitment documents and the programmes' snapshots are rebuilt from the events. Without it the budget steps of such a store
/// would find no commitment to release and programme snapshots of the old shape. Marten runs it after applying the schema and
/// before Wolverine handles messages; a marker document records that it ran, an advisory lock keeps nodes that start together
/// from running it twice. A store with no programme yet (a new one) only gets the marker.
/// </summary>
public sealed class CommitmentsUpgrade(TimeProvider clock, ILogger<CommitmentsUpgrade> logger) : IInitialData
{
    public const string MarkerId = "commitments-as-documents";

    // Any number unique among the advisory locks on this database: "Fachwerk" in ASCII, plus the ADR's number.
    private const long LockId = 0x4661_6368_7765_0021;

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        try
        {
            await using var query = store.QuerySession();
            if (await query.LoadAsync<StoreUpgrade>(MarkerId, cancellation) is not null) return;
        }
        catch (Marten.Exceptions.MartenCommandException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } missing)
        {
            // Only when the host was told not to apply the schema (Database:ApplySchemaOnStartup=false).
            throw new InvalidOperationException(
                $"The database schema is missing or older than this release ({missing.MessageText}). Apply it first with db-apply (docs/running.md).", e);
        }

        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await LockAsync(connection, "select pg_advisory_lock($1)", cancellation);
        try
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<StoreUpgrade>(MarkerId, cancellation) is not null) return;

            if (await session.Events.QueryRawEventDataOnly<FundingProgrammeLaunched>().AnyAsync(cancellation))
            {
                logger.LogWarning("Building the commitment documents and the programme snapshots from the events (once, ADR 0021)");
                using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
                await daemon.RebuildProjectionAsync(CommitmentProjection.ProjectionName, TimeSpan.FromMinutes(10), cancellation);
                await daemon.RebuildProjectionAsync(nameof(FundingProgramme), TimeSpan.FromMinutes(10), cancellation);
            }

            session.Store(new StoreUpgrade(MarkerId, clock.GetUtcNow()));
            await session.SaveChangesAsync(cancellation);
        }
        finally
        {
            await LockAsync(connection, "select pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = LockId } } };
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
