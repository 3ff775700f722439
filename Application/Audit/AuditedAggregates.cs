using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Conversations;
using Fachwerk.Application.Experts;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Application.Network.Series;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Conversations;
using Fachwerk.Domain.Experts;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Network.Concepts;
using Fachwerk.Domain.Network.Cooperation;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;
using JasperFx.Events;
using Marten;
using Marten.Internal;

namespace Fachwerk.Application.Audit;

/// <summary>
/// One kind of stream the auditors can replay: the event that starts it, its write model (folded by the domain's Evolve) and
/// its detail read model (folded by its projection). Both are folded by Marten's aggregators from the events up to any version,
/// read once for both.
/// </summary>
public sealed class AuditedAggregate
{
    private readonly Func<IQuerySession, IReadOnlyList<IEvent>, CancellationToken, Task<object?>> _writeModel;
    private readonly Func<IQuerySession, IReadOnlyList<IEvent>, CancellationToken, Task<object?>> _details;

    private AuditedAggregate(
        string kind, Label label, Type startedBy, IReadOnlyList<Type> alsoStartedBy, Type writeModel, Type details,
        Func<IQuerySession, IReadOnlyList<IEvent>, CancellationToken, Task<object?>> loadWriteModel,
        Func<IQuerySession, IReadOnlyList<IEvent>, CancellationToken, Task<object?>> loadDetails)
    {
        Kind = kind;
        Label = label;
        StartedBy = startedBy;
        AlsoStartedBy = alsoStartedBy;
        WriteModel = writeModel;
        Details = details;
        _writeModel = loadWriteModel;
        _details = loadDetails;
    }

    public string Kind { get; }
    public Label Label { get; }
    public Type StartedBy { get; }

    /// <summary>Other events a stream of this kind may start with.</summary>
    public IReadOnlyList<Type> AlsoStartedBy { get; }
    public Type WriteModel { get; }
    public Type Details { get; }

    public static AuditedAggregate Of<TStart, TWriteModel, TDetails>(string kind, Label label, params Type[] alsoStartedBy)
        where TWriteModel : class where TDetails : class =>
        new(kind, label, typeof(TStart), alsoStartedBy, typeof(TWriteModel), typeof(TDetails),
            async (session, events, cancellation) => await FoldAsync<TWriteModel>(session, events, cancellation),
            async (session, events, cancellation) => await FoldAsync<TDetails>(session, events, cancellation));

    // Folds events already read with the store's own aggregator for T, as AggregateStreamAsync would, without reading them again.
    private static Task<T?> FoldAsync<T>(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken cancellation) where T : class =>
        ((IMartenSession)session).Options.Projections.AggregatorFor<T>().BuildAsync(events, session, null, cancellation).AsTask();

    /// <summary>The write model folded from <paramref name="events"/> (a stream from its start up to a moment).</summary>
    public Task<object?> WriteModelAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        _writeModel(session, events, cancellation);

    /// <summary>The detail read model folded from <paramref name="events"/>: what a user saw on the detail screen then.</summary>
    public Task<object?> DetailsAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
        _details(session, events, cancellation);
}

/// <summary>
/// The kinds of streams Fachwerk keeps. A test fails when a write model is registered with the event store but missing here.
/// Streams of kinds not listed still have a timeline and a chain; only their state is not folded.
/// </summary>
public static class AuditedAggregates
{
    public static readonly IReadOnlyList<AuditedAggregate> All =
    [
        AuditedAggregate.Of<ApplicationDrafted, FundingApplication, ApplicationDetails>("application", new("Förderantrag", "Funding application")),
        AuditedAggregate.Of<FundingProgrammeLaunched, FundingProgramme, ProgrammeDetails>("programme", new("Förderprogramm", "Funding programme")),
        AuditedAggregate.Of<AllianceFounded, Alliance, AllianceDetails>("alliance", new("Fachkräftebündnis", "Alliance")),
        AuditedAggregate.Of<OrganisationRegistered, Organisation, OrganisationDetails>("organisation", new("Organisation", "Organisation")),
        AuditedAggregate.Of<PilotLaunched, Pilot, PilotDetails>("pilot", new("Pilotprojekt", "Pilot project")),
        AuditedAggregate.Of<NetworkActorEstablished, NetworkActor, NetworkActorDetails>("network-actor", new("Netzwerkakteur", "Network actor")),
        AuditedAggregate.Of<CooperationAgreementConcluded, CooperationAgreement, CooperationAgreementDetails>("cooperation-agreement",
            new("Kooperationsvereinbarung", "Cooperation agreement")),
        AuditedAggregate.Of<ActivitySeriesStarted, ActivitySeries, ActivitySeriesDetails>("activity-series", new("Veranstaltungsreihe", "Activity series")),
        AuditedAggregate.Of<ActivityPlanned, Activity, ActivityDetails>("activity", new("Aktivität", "Activity")),
        AuditedAggregate.Of<InstrumentIntroduced, Instrument, InstrumentDetails>("instrument", new("Instrument", "Instrument")),
        AuditedAggregate.Of<CohortOpened, Cohort, CohortDetails>("cohort", new("Programmdurchlauf", "Cohort")),
        AuditedAggregate.Of<ConceptDeveloped, Concept, ConceptDetails>("concept", new("Konzept", "Concept")),
        AuditedAggregate.Of<ProjectIdeaRecorded, ProjectIdea, ProjectIdeaDetails>("project-idea", new("Projektidee", "Project idea")),
        AuditedAggregate.Of<RecommendationIssued, Recommendation, RecommendationDetails>("recommendation", new("Empfehlung", "Recommendation")),
        // A sample has no read model of its own: its detail is the recorded selection itself.
        AuditedAggregate.Of<InDepthSampleDrawn, InDepthSample, InDepthSample>("in-depth-sample", new("Stichprobe", "In-depth check sample")),
        // A person's record: the bindings granted and revoked; it may start with a revocation of what a token claims.
        // The conversation on an application: it starts with a message or with an internal note.
        AuditedAggregate.Of<MessageWritten, Conversation, ConversationView>("conversation", new("Nachrichten zum Antrag", "Conversation on an application"),
            typeof(InternalNoteWritten)),
        AuditedAggregate.Of<BindingGranted, Person, Person>("person", new("Person (Zuordnungen)", "Person (bindings)"), typeof(BindingRevoked)),
        AuditedAggregate.Of<ExpertRegistered, Expert, ExpertEntry>("expert", new("Eintrag im Gutachterverzeichnis", "Entry in the directory of experts")),
    ];

    public static readonly Label Unknown = new("Unbekannte Art", "Unknown kind");

    /// <summary>The kind of a stream, from the type of its first event.</summary>
    public static AuditedAggregate? StartedBy(Type? firstEventType) =>
        All.FirstOrDefault(a => a.StartedBy == firstEventType || (firstEventType is not null && a.AlsoStartedBy.Contains(firstEventType)));
}
