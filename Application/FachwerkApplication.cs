using System.Reflection;
using Fachwerk.Application.Common;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Persistence;

namespace Fachwerk.Application;

/// <summary>
/// How the application's event store, projections, handlers and endpoints are registered.
/// The host calls these from its composition root; tests and benchmarks use the same host.
/// </summary>
public static class FachwerkApplication
{
    public const string SchemaName = "fachwerk";

    public static Assembly Assembly => typeof(FachwerkApplication).Assembly;

    public static void ConfigureStore(StoreOptions opts)
    {
        opts.DatabaseSchemaName = SchemaName;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        // Who, why, correlation and causation of every event (see docs/architecture.md, "Metadata").
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        // Timestamps come from the application's TimeProvider, so tests with a fake clock see consistent times.
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        opts.Events.UseIdentityMapForAggregates = true;
        // The daemon looks again half a second after finding a gap in the sequence (a concurrent append still committing)
        // or nothing new, instead of Marten's full second: the dashboards lag a command by at most about that (ADR 0022).
        opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
        // A gap a dead node left in the event sequence is passed after a second instead of Marten's three (failover, ADR 0125).
        // Safe: Marten skips a stale gap only when no live transaction could still fill it (transaction evidence, on by default).
        opts.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(1);
        // A session keeps its connection from first use to disposal: a command's loads, append and upserts take one
        // connection from the pool instead of one per round trip (ADR 0020).
        opts.UseStickyConnectionLifetimes = true;

        // Each area registers its write models, read models and documents (FachwerkModule).
        foreach (var module in FachwerkModule.All) module.ConfigureStore(opts);
    }

    public static void ConfigureMessaging(WolverineOptions opts)
    {
        opts.ApplicationAssembly = Assembly;
        opts.Policies.AutoApplyTransactions();
        opts.Policies.Add<CommandTransactionPolicy>();
        opts.CodeGeneration.MethodPreCompilation.Add(new StepReadsCheckPolicy());
        // Unknown ids answer 404 with a ProblemDetails body, on every [Document]/[WriteAggregate]/[ReadAggregate].
        opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
        // Creating commands accept an Idempotency-Key header: a retry with the same key answers the first response again.
        opts.Durability.EnableDeduplicatedResponses = true;
        opts.Durability.DeduplicationWindow = TimeSpan.FromHours(24);

        // Outgoing messages are stored with the events that caused them; local queues survive a restart.
        opts.Policies.UseDurableLocalQueues();
        // Messages a user's command sends carry the user; their events record it as user_name.
        opts.EnableRelayOfUserName = true;

        // A handler that lost a race on a stream's version is retried with fresh state.
        opts.OnException<ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
                TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        // ... and so is one whose append the database refused in the race (a unique key of the event tables, ADR 0079).
        opts.OnException(e => AppendRaces.LostIn(e) is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }, "append lost a race")
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
                TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        // A database that is away for a moment (restart, failover, too many connections) is waited for, never a reason to give a
        // message up: retried at once with short pauses, then rescheduled with growing delays for about twenty minutes before it
        // goes to the dead letters an administrator can replay (ADR 0080). Safe because every handler decides from the streams'
        // current state and versions: a step that did commit before its connection broke changes nothing when it runs again.
        opts.OnException(DatabaseFailures.IsTransient, "transient database failure")
            .RetryWithCooldown(TransientRetryPauses)
            .Then.ScheduleRetry(TransientRetryDelays);
        foreach (var module in FachwerkModule.All) module.ConfigureMessaging(opts);
    }

    /// <summary>Pauses before a handler runs again at once after a transient database failure.</summary>
    public static readonly TimeSpan[] TransientRetryPauses = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>Delays of the rescheduled attempts after <see cref="TransientRetryPauses"/>, about twenty minutes in all.</summary>
    public static readonly TimeSpan[] TransientRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
    ];

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.AddPolicy<CommandValidationPolicy>();
        // After the validation, which it places itself behind.
        opts.AddPolicy<CommandTransactionPolicy>();
        opts.AddPolicy<CommandMetadataPolicy>();
        // After the endpoints' own Before steps (access checks) and before the version check, like them.
        opts.AddPolicy<Applications.SeparationOfDutiesPolicy>();
        // After the endpoints' own Before steps (access checks), so a caller who may not act learns nothing of the version.
        opts.AddPolicy<ExpectedVersionPolicy>();
    }
}
