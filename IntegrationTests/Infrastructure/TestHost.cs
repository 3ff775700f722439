using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>How the tests host the real Program: Development, a test database, no demo world at start, the development tokens, their clock, no request limits.</summary>
public static class TestHost
{
    /// <summary>
    /// The key ring of personal data of every test host in this run (generated in Development on the first start), so that hosts
    /// on the same database open the same keys and the tests write nothing into the checkout.
    /// </summary>
    public static string KeyRingFile { get; } = Path.Combine(Path.GetTempPath(), $"fachwerk-test-keys-{Guid.NewGuid():N}.json");

    /// <summary>Where the test hosts write their mails (no SMTP server is configured for them).</summary>
    public static string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"fachwerk-test-mail-{Guid.NewGuid():N}");

    /// <summary>The keys the test hosts share like the nodes of a cluster (data protection, the development tokens' signing key).</summary>
    public static string KeyFolder { get; } = Path.Combine(Path.GetTempPath(), $"fachwerk-test-cluster-keys-{Guid.NewGuid():N}");

    public static void Configure(IWebHostBuilder builder, string connectionString, TimeProvider clock, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Fachwerk", connectionString);
        builder.UseSetting("DemoWorld:Enabled", "false");
        builder.UseSetting("Authentication:DevelopmentTokens", "true");
        builder.UseSetting("PersonalData:KeyRingFile", KeyRingFile);
        builder.UseSetting("Cluster:KeyFolder", KeyFolder);
        // Mails go into a folder of this run, not the checkout's .fachwerk (NotificationTests start their own SMTP server).
        builder.UseSetting("Notifications:MailFolder", MailFolder);
        // The tests send thousands of requests as a handful of users; RateLimitTests switch the limits on, small.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Small enough that a test sends one byte more than the limit quickly; larger than the 1 MB other requests may carry.
        builder.UseSetting("Documents:MaxBytes", "2097152");
        builder.ConfigureServices(collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton(clock));
            services?.Invoke(collection);
            collection.MartenDaemonModeIsSolo();
            collection.RunWolverineInSoloMode();
        });
    }

    /// <summary>Mails of the host go to <paramref name="server"/> over SMTP without TLS.</summary>
    public static void MailTo(IWebHostBuilder builder, TestSmtpServer server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:Sender", "fachwerk@behoerde.invalid");
    }
}
