using Alba;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// One host for all integration tests: the real Program with its real database, the projection daemon in Solo mode,
/// and a fake clock the tests move forward instead of sleeping.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>A Monday morning; tests advance the clock from here, never back.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    private IAlbaHost? _host;

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("The host did not start.");

    /// <summary>Every log entry the host writes, for tests of what is (and is not) logged.</summary>
    public LogSink Logs { get; } = new();

    /// <summary>The spans of the traces tests start with a sampled <c>traceparent</c> (no other request records any).</summary>
    public TraceSink Traces { get; } = new();
    private readonly TestClock _clock = new();

    /// <summary>The fake clock of the current test; <see cref="ResetClock"/> gives every test a fresh one at <see cref="Start"/>.</summary>
    public FakeTimeProvider Clock => _clock.Current;

    public void ResetClock() => _clock.Current = new FakeTimeProvider(Start);
    public string ConnectionString => _database!.ConnectionString;

    /// <summary>The SMTP server the host mails to (NotificationTests read what it received).</summary>
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    /// <summary>The key-encryption keys of the test hosts (generated on the first start, deleted with the fixture).</summary>
    public string KeyRingFile => TestHost.KeyRingFile;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        JasperFxEnvironment.AutoStartHost = true;

        _host = await AlbaHost.For<Program>(builder =>
        {
            TestHost.Configure(builder, _database.ConnectionString, _clock,
                services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
            TestHost.MailTo(builder, Smtp);
            Traces.AddTo(builder);
            // Other hosts in this process (the browser tests', short-lived ones) create their own "Fachwerk" meter; this host's
            // /metrics counts its own commands only.
            builder.UseSetting("Telemetry:MeterName", "Fachwerk.ApiTests");
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        if (_database is not null) await _database.DisposeAsync();
        await Smtp.DisposeAsync();
        File.Delete(KeyRingFile);
    }
}

/// <summary>The host's clock: delegates to a fake clock that each test replaces, so every test starts on the same morning.</summary>
internal sealed class TestClock : TimeProvider
{
    public FakeTimeProvider Current { get; set; } = new(AppFixture.Start);

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}
