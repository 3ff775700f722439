using System.Reflection;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;
using JasperFx;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using JasperFx.Events.Projections;
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
        // A session keeps its connection from first use to disposal: a command's loads, append and upserts take one
        // connection from the pool instead of one per round trip (ADR 0020).
        opts.UseStickyConnectionLifetimes = true;

        // Write models, folded live for each command by the domain's own Evolve functions.
        opts.Projections.Add(new WriteModelProjection<Organisation>(), ProjectionLifecycle.Live);
        opts.Projections.Add(new WriteModelProjection<Alliance>(), ProjectionLifecycle.Live);
        opts.Projections.Add(new WriteModelProjection<FundingApplication>(), ProjectionLifecycle.Live);
        opts.Projections.Add(new WriteModelProjection<InDepthSample>(), ProjectionLifecycle.Live);
        // A programme's stream grows with every commitment: its write model is kept as an inline snapshot of its sums, and
        // what each application holds is a document of its own, so neither grows with the applications funded (ADR 0021).
        opts.Projections.Add(new WriteModelProjection<FundingProgramme>(), ProjectionLifecycle.Inline);
        CommitmentProjection.ConfigureStore(opts);

        // Read models.
        opts.Projections.Add<OrganisationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DeMinimisLedgerProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<AllianceDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProgrammeDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ApplicationSummaryProjection>(ProjectionLifecycle.Inline);
        // Dashboards may lag a moment behind; the async daemon keeps them.
        opts.Projections.Add<ProgrammeBudgetProjection>(ProjectionLifecycle.Async);

        // Audit: the hash chain over every stored event, and the rule re-checks (docs/architecture.md, "Audit").
        Audit.AuditRegistration.ConfigureStore(opts);

        // The columns and indexes of the summary and inbox tables are declared on the documents themselves
        // (ApplicationSummary.ConfigureMarten, InboxTask.ConfigureMarten): only there can a column go without an index.
        // The inbox tasks are written by the summary projection, not by a projection of their own: registered here so
        // their table is part of the schema applied on startup or by db-apply.
        opts.RegisterDocumentType<InboxTask>();
        // The application summary keeps its open tasks as InboxTask documents, in the same transaction.
        opts.Events.EnableSideEffectsOnInlineProjections = true;

        // Pilot projects: one stream per pilot; personal data sealed with per-person keys in their own table (docs/pilots.md).
        opts.Projections.Add(new WriteModelProjection<Pilot>(), ProjectionLifecycle.Live);
        opts.Projections.Add<PilotDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ParticipantRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PilotDemandProjection>(ProjectionLifecycle.Async);
        PersonalDataVault.ConfigureStore(opts);
    }

    public static void ConfigureMessaging(WolverineOptions opts)
    {
        opts.ApplicationAssembly = Assembly;
        opts.Policies.AutoApplyTransactions();
        // Unknown ids answer 404 with a ProblemDetails body, on every [Document]/[WriteAggregate]/[ReadAggregate].
        opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
        // Creating commands accept an Idempotency-Key header: a retry with the same key answers the first response again.
        opts.Durability.EnableDeduplicatedResponses = true;
        opts.Durability.DeduplicationWindow = TimeSpan.FromHours(24);

        // Outgoing messages are stored with the events that caused them; local queues survive a restart.
        opts.Policies.UseDurableLocalQueues();
        // Messages a user's command sends carry the user; their events record it as user_name.
        opts.EnableRelayOfUserName = true;

        BudgetWorkflow.ConfigureMessaging(opts);
        // A handler that lost a race on a stream's version is retried with fresh state.
        opts.OnException<ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
                TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        EvaluatePilotPhase.ConfigureMessaging(opts);
    }

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.AddPolicy<CommandValidationPolicy>();
        opts.AddPolicy<CommandMetadataPolicy>();
        // After the endpoints' own Before steps (access checks), so a caller who may not act learns nothing of the version.
        opts.AddPolicy<ExpectedVersionPolicy>();
    }
}
