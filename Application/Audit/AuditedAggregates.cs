using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;
using Marten;

namespace Fachwerk.Application.Audit;

/// <summary>
/// One kind of stream the auditors can replay: the event that starts it, its write model (folded by the domain's Evolve) and
/// its detail read model (folded by its projection). Both are aggregated by Marten up to any version.
/// </summary>
public sealed class AuditedAggregate
{
    private readonly Func<IQuerySession, Guid, long, CancellationToken, Task<object?>> _writeModel;
    private readonly Func<IQuerySession, Guid, long, CancellationToken, Task<object?>> _details;

    private AuditedAggregate(
        string kind, Label label, Type startedBy, Type writeModel, Type details,
        Func<IQuerySession, Guid, long, CancellationToken, Task<object?>> loadWriteModel,
        Func<IQuerySession, Guid, long, CancellationToken, Task<object?>> loadDetails)
    {
        Kind = kind;
        Label = label;
        StartedBy = startedBy;
        WriteModel = writeModel;
        Details = details;
        _writeModel = loadWriteModel;
        _details = loadDetails;
    }

    public string Kind { get; }
    public Label Label { get; }
    public Type StartedBy { get; }
    public Type WriteModel { get; }
    public Type Details { get; }

    public static AuditedAggregate Of<TStart, TWriteModel, TDetails>(string kind, Label label)
        where TWriteModel : class where TDetails : class =>
        new(kind, label, typeof(TStart), typeof(TWriteModel), typeof(TDetails),
            async (session, id, version, cancellation) => await session.Events.AggregateStreamAsync<TWriteModel>(id, version, token: cancellation),
            async (session, id, version, cancellation) => await session.Events.AggregateStreamAsync<TDetails>(id, version, token: cancellation));

    /// <summary>The write model as it stood at <paramref name="version"/>.</summary>
    public Task<object?> WriteModelAsync(IQuerySession session, Guid id, long version, CancellationToken cancellation) =>
        _writeModel(session, id, version, cancellation);

    /// <summary>The detail read model as it stood at <paramref name="version"/>: what a user saw on the detail screen then.</summary>
    public Task<object?> DetailsAsync(IQuerySession session, Guid id, long version, CancellationToken cancellation) =>
        _details(session, id, version, cancellation);
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
        // A sample has no read model of its own: its detail is the recorded selection itself.
        AuditedAggregate.Of<InDepthSampleDrawn, InDepthSample, InDepthSample>("in-depth-sample", new("Stichprobe", "In-depth check sample")),
    ];

    public static readonly Label Unknown = new("Unbekannte Art", "Unknown kind");

    /// <summary>The kind of a stream, from the type of its first event.</summary>
    public static AuditedAggregate? StartedBy(Type? firstEventType) => All.FirstOrDefault(a => a.StartedBy == firstEventType);
}
