using DotNet.Testcontainers.Builders;
using Fachwerk.Host.Development.LocalPostgres;
using Testcontainers.PostgreSql;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against, in this order: a connection string from FACHWERK_TEST_DATABASE;
/// a Testcontainers PostgreSQL when a Docker engine answers; a throwaway cluster from this machine's binaries.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ConnectionStringVariable = "FACHWERK_TEST_DATABASE";

    private PostgreSqlContainer? _container;
    private LocalPostgresCluster? _cluster;

    private TestDatabase(string connectionString, string source)
    {
        ConnectionString = connectionString;
        Source = source;
    }

    public string ConnectionString { get; }

    /// <summary>Where the database came from, for the test log.</summary>
    public string Source { get; }

    public static async Task<TestDatabase> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return new TestDatabase(configured, ConnectionStringVariable);

        PostgreSqlContainer? container = null;
        try
        {
            // Build() already asks the Docker engine and throws DockerUnavailableException quickly when none answers.
            container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            return new TestDatabase(container.GetConnectionString(), "Testcontainers") { _container = container };
        }
        catch (Exception e) when (e is DockerUnavailableException or InvalidOperationException or TimeoutException)
        {
            if (container is not null) await container.DisposeAsync();
        }

        var cluster = LocalPostgresCluster.Throwaway();
        cluster.Start(preferredPort: 0);
        return new TestDatabase(cluster.ConnectionString, $"local cluster in {cluster.DataDirectory}") { _cluster = cluster };
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        _cluster?.Stop();
    }
}
