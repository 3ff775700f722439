using Npgsql;

namespace Fachwerk.Host.Database;

/// <summary>
/// Where the event store lives: the configured connection string ("ConnectionStrings:Fachwerk", e.g. from the environment
/// variable ConnectionStrings__Fachwerk). Without one, the Development environment falls back to its local PostgreSQL cluster
/// (<see cref="IFallbackDatabase"/>); every other environment refuses to start, naming the setting.
/// </summary>
public sealed class FachwerkDatabase
{
    public const string ConnectionStringName = "Fachwerk";

    /// <summary>The environment variable that sets the connection string.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__" + ConnectionStringName;

    private readonly Lazy<string> _connectionString;

    public FachwerkDatabase(IConfiguration configuration, IFallbackDatabase? fallback = null) =>
        _connectionString = new Lazy<string>(() =>
        {
            var configured = configuration.GetConnectionString(ConnectionStringName);
            var node = NodeName(configuration);
            if (!string.IsNullOrWhiteSpace(configured)) return WithConnectionDefaults(configured, node);
            return WithConnectionDefaults(fallback?.Start() ?? throw new DatabaseUnavailableException(
                $"No database is configured. Set {ConnectionStringVariable} to the connection string of the PostgreSQL database " +
                "(only in the Development environment does the host start a local cluster instead)."), node);
        });

    /// <summary>
    /// The node's name (<c>Cluster:NodeName</c>, else the machine's name): the application name of its database sessions, so
    /// that <c>pg_stat_activity</c> and the answers about the projections' node say which node a session belongs to.
    /// </summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["Cluster:NodeName"] is { Length: > 0 } configured ? configured : Environment.MachineName;

    /// <summary>What the sessions of a node call themselves in <c>pg_stat_activity</c> (PostgreSQL keeps 63 bytes of it).</summary>
    public static string ApplicationName(string node) =>
        (Fachwerk.Application.Audit.ProjectionRebuilds.NodeSessionPrefix + node) is var name && name.Length > 63 ? name[..63] : name;

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
    /// <item><c>Application Name=fachwerk {node}</c>: which node a session belongs to (several nodes, issue 24).</item>
    /// <item><c>No Reset On Close=true</c>: Npgsql would otherwise send seven statements (CLOSE ALL, UNLISTEN *, the advisory
    /// unlock, DISCARD SEQUENCES and TEMP, RESET ALL, SET SESSION AUTHORIZATION) each time a connection goes back to the pool,
    /// five or six times per command: 60 % of the statements PostgreSQL ran for the command path (ADR 0128). Nothing in the
    /// host leaves such state on a pooled connection: no SET, LISTEN or cursor; advisory locks are released where taken;
    /// Marten's temporary tables are dropped before they are created.</item>
    /// </list>
    /// </summary>
    public static string WithConnectionDefaults(string connectionString, string? node = null)
    {
        // Npgsql's builder claims every keyword it knows; the generic builder sees what the string itself sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var result = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare", "MaxAutoPrepare")) result.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!Sets(given, "Maximum Pool Size", "MaxPoolSize")) result.MaxPoolSize = DefaultMaxPoolSize;
        if (node is not null && !Sets(given, "Application Name", "ApplicationName")) result.ApplicationName = ApplicationName(node);
        if (!Sets(given, "No Reset On Close", "NoResetOnClose")) result.NoResetOnClose = true;
        return result.ConnectionString;
    }

    private static bool Sets(System.Data.Common.DbConnectionStringBuilder given, params string[] keywords) => keywords.Any(given.ContainsKey);

    /// <summary>
    /// The connection string; the first call starts the fallback database when none is configured, or throws
    /// <see cref="DatabaseUnavailableException"/> when there is none.
    /// </summary>
    public string ConnectionString => _connectionString.Value;
}
