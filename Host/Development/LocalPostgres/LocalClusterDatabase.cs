using Fachwerk.Host.Database;

namespace Fachwerk.Host.Development.LocalPostgres;

/// <summary>
/// The database of a plain <c>dotnet run --project Host</c> (Development, nothing configured): a cluster from this machine's
/// PostgreSQL binaries in a data folder under the repository, created on first run, reused afterwards, stopped with the host.
/// Settings: <c>LocalPostgres:DataDirectory</c>, <c>LocalPostgres:BinDirectory</c>, <c>LocalPostgres:Port</c>.
/// </summary>
public sealed class LocalClusterDatabase(IConfiguration configuration, IHostEnvironment environment, ILogger<LocalClusterDatabase> logger)
    : IFallbackDatabase, IDisposable
{
    private LocalPostgresCluster? _cluster;

    public string Start()
    {
        var dataDirectory = configuration["LocalPostgres:DataDirectory"] ?? Path.Combine(DevelopmentFolder.Of(environment.ContentRootPath), "postgres");
        var cluster = LocalPostgresCluster.Persistent(dataDirectory, configuration["LocalPostgres:BinDirectory"]);
        var port = configuration.GetValue("LocalPostgres:Port", LocalPostgresCluster.DefaultPort);
        logger.LogInformation("No connection string configured; starting the local PostgreSQL cluster in {DataDirectory}", cluster.DataDirectory);
        cluster.Start(port);
        logger.LogInformation("Local PostgreSQL cluster listens on 127.0.0.1:{Port} (database {Database})", cluster.Port, LocalPostgresCluster.DatabaseName);
        _cluster = cluster;
        return cluster.ConnectionString;
    }

    public void Dispose() => _cluster?.Stop();
}
