using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>How the tests host the real Program: Development, a test database, no demo world at start, the development tokens, their clock.</summary>
public static class TestHost
{
    public static void Configure(IWebHostBuilder builder, string connectionString, TimeProvider clock, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Fachwerk", connectionString);
        builder.UseSetting("DemoWorld:Enabled", "false");
        builder.UseSetting("Authentication:DevelopmentTokens", "true");
        builder.ConfigureServices(collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton(clock));
            services?.Invoke(collection);
            collection.MartenDaemonModeIsSolo();
            collection.RunWolverineInSoloMode();
        });
    }
}
