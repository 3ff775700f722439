using Npgsql;

namespace Fachwerk.Host.Database;

/// <summary>
/// Where the event store lives: the configured connection string ("ConnectionStrings:Fachwerk", e.g. from the
/// environment variable ConnectionStrings__Fachwerk), or else a local cluster started from this machine's
/// PostgreSQL binaries in a data folder under the repository (created on first run, reused, stopped with the host).
/// </summary>
public sealed class FachwerkDatabase : IDisposable
{
    public const string ConnectionStringName = "Fachwerk";

    private readonly Lazy<string> _connectionString;
    private LocalPostgresCluster? _localCluster;

    public FachwerkDatabase(IConfiguration configuration, IHostEnvironment environment, ILogger<FachwerkDatabase> logger)
    {
        _connectionString = new Lazy<string>(() => WithStatementPreparation(ConfiguredOrLocal()));

        string ConfiguredOrLocal()
        {
            var configured = configuration.GetConnectionString(ConnectionStringName);
            if (!string.IsNullOrWhiteSpace(configured)) return configured;

            var dataDirectory = configuration["LocalPostgres:DataDirectory"] ?? DefaultDataDirectory(environment.ContentRootPath);
            var cluster = LocalPostgresCluster.Persistent(dataDirectory, configuration["LocalPostgres:BinDirectory"]);
            var port = configuration.GetValue("LocalPostgres:Port", LocalPostgresCluster.DefaultPort);
            logger.LogInformation("No connection string configured; starting the local PostgreSQL cluster in {DataDirectory}", cluster.DataDirectory);
            cluster.Start(port);
            logger.LogInformation("Local PostgreSQL cluster listens on 127.0.0.1:{Port} (database {Database})", cluster.Port, LocalPostgresCluster.DatabaseName);
            _localCluster = cluster;
            return cluster.ConnectionString;
        }
    }

    /// <summary>Statements a connection prepares automatically unless the connection string says otherwise (ADR 0020).</summary>
    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again (the append, the document upserts and loads
    /// of every command are the same few texts): PostgreSQL then plans them once per connection, not on every command.
    /// Because prepared statements exist, Npgsql's reset of a pooled connection also keeps the cached plans of Marten's
    /// PL/pgSQL functions and of the hash-chain trigger instead of dropping them with DISCARD ALL (ADR 0020). A
    /// <c>Max Auto Prepare</c> in the configured connection string wins (0 turns it off).
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        // Npgsql's builder claims every keyword it knows; the generic builder sees what the string itself sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    /// <summary>The connection string; the first call starts the local cluster when none is configured.</summary>
    public string ConnectionString => _connectionString.Value;

    public bool UsesLocalCluster => _localCluster is not null;

    public void Dispose() => _localCluster?.Stop();

    /// <summary>.fachwerk/postgres beside the solution file, so every checkout has its own cluster.</summary>
    private static string DefaultDataDirectory(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fachwerk.slnx")))
                return Path.Combine(directory.FullName, ".fachwerk", "postgres");
        }

        return Path.Combine(contentRoot, ".fachwerk", "postgres");
    }
}
