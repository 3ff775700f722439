using System.Collections.Concurrent;
using System.Net;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Fachwerk.Web.Api;
using JasperFx.CommandLine;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The real host on Kestrel (a free loopback port) with its own database and the demo world loaded through the API, as a
/// fresh <c>dotnet run</c> has it; and one headless Debian chromium for the whole run (each test opens its own context).
/// Time is real time that tests can move forward (<see cref="BrowserClock"/>), so they can let a session run out without waiting.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; Playwright never downloads a browser here.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserClock Clock { get; } = new();

    /// <summary>The name of the web UI's session cookie (Web/Account/SessionSignIn.cs); ASP.NET Core adds C1, C2 … to its chunks.</summary>
    public const string SessionCookie = "fachwerk.session";

    /// <summary>
    /// The session cookies of each demo user's last sign-in through the provider's page, by user id: the next test that signs in
    /// as that user brings them along instead of going through the provider again, while the host still accepts them
    /// (<see cref="BrowserTest"/>.SignInAsync). About a second a sign-in, and the tests sign in some 140 times.
    /// </summary>
    public ConcurrentDictionary<string, Microsoft.Playwright.Cookie[]> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>The host's warnings and errors so far.</summary>
    public CapturedLog Log { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host did not start.");

    /// <summary>Where the host listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; private set; } = null!;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        JasperFxEnvironment.AutoStartHost = true;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            TestHost.Configure(builder, _database.ConnectionString, Clock);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Log)));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        _factory = factory;
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        using (var http = new HttpClient { BaseAddress = Address })
            await new DemoWorldSeeder(http, Services.GetRequiredService<DevelopmentTokenIssuer>(), NullLogger.Instance, Clock)
                .SeedAsync(TestContext.Current.CancellationToken);
        // The dashboards run as in a real host (the test coordinator starts no daemon by itself).
        await Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().StartAllAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>An API client acting as <paramref name="user"/> with a token of the development provider (with the bindings given).</summary>
    public FachwerkApiClient Api(DemoUser user, Guid? organisation = null, Guid? alliance = null)
    {
        var token = Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user, organisation, alliance);
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new FachwerkApiClient(http);
    }

    /// <summary>Runs <paramref name="action"/> and waits until the messages it set off (the budget workflow) have been handled.</summary>
    public Task WaitForMessagesAsync(Func<Task> action) =>
        Services.GetRequiredService<IHost>().ExecuteAndWaitAsync(action, 60_000);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
