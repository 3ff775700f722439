using Fachwerk.Host.Database;
using Fachwerk.Host.Development.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>
/// Once the API listens (Development with DemoWorld:Enabled, see <see cref="FachwerkDevelopment"/>), adds whatever part of the
/// demo world is missing: everything on an empty store, nothing on a second run or on a second node. Existing data is never changed.
/// </summary>
public sealed class DemoWorldOnStartup(
    IHostApplicationLifetime lifetime, IServer server, IServiceProvider services, TimeProvider clock,
    ILogger<DemoWorldOnStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellation)
    {
        try
        {
            if (services.GetService<DevelopmentTokenIssuer>() is not { } tokens)
            {
                logger.LogWarning("Demo world: needs the development token issuer (Development, Authentication:DevelopmentTokens) to send its commands; nothing seeded");
                return;
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                          ?? throw new InvalidOperationException("The server listens on no address.");
            using var api = new HttpClient { BaseAddress = new Uri(LocalAddress(address)) };
            // Several nodes on one database seed one after another; the later ones find the world in place (issue 24).
            var database = services.GetRequiredService<FachwerkDatabase>().ConnectionString;
            await DemoWorldGate.RunAloneAsync(database, new DemoWorldSeeder(api, tokens, logger, clock).SeedAsync, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Demo world: seeding failed");
        }
    }

    // "http://[::]:5080" or "http://+:5080" listen everywhere; the seeder talks to this machine.
    private static string LocalAddress(string address) =>
        address.Replace("[::]", "localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
}
