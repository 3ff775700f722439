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
        _connectionString = new Lazy<string>(() =>
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
        });
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
