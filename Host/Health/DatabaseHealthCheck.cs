using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fachwerk.Host.Health;

/// <summary>Ready means the event store's database answers.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
