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
        _connectionString = new Lazy<string>(() => WithConnectionDefaults(ConfiguredOrLocal()));

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

    /// <summary>Connections a node's pool opens at most unless the connection string says otherwise (ADR 0024).</summary>
    public const int DefaultMaxPoolSize = 32;

    /// <summary>
    /// The connection settings of the command path, each unless the configured connection string sets it itself:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=200</c>: Npgsql prepares the statements a connection runs again and again (the append, the
    /// document upserts and loads of every command are the same few texts), so PostgreSQL plans them once per connection,
    /// not on every command; and because prepared statements exist, Npgsql's reset of a pooled connection keeps the cached
    /// plans of Marten's PL/pgSQL functions and of the hash-chain trigger instead of dropping them with DISCARD ALL
    /// (ADR 0020). 0 turns it off.</item>
    /// <item><c>Maximum Pool Size=32</c> instead of Npgsql's 100: when the database slows for a moment, requests pile up and
    /// each would open a connection of its own; a new PostgreSQL backend costs a process, its caches, and the compilation
    /// and planning of every statement and function again, which slowed a two-core database for seconds (ADR 0024).
    /// Requests beyond the pool wait for a connection instead.</item>
    /// </list>
    /// </summary>
    public static string WithConnectionDefaults(string connectionString)
    {
        // Npgsql's builder claims every keyword it knows; the generic builder sees what the string itself sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var result = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare", "MaxAutoPrepare")) result.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!Sets(given, "Maximum Pool Size", "MaxPoolSize")) result.MaxPoolSize = DefaultMaxPoolSize;
        return result.ConnectionString;
    }

    private static bool Sets(System.Data.Common.DbConnectionStringBuilder given, params string[] keywords) => keywords.Any(given.ContainsKey);

    /// <summary>The connection string; the first call starts the local cluster when none is configured.</summary>
    public string ConnectionString => _connectionString.Value;

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
