using Fachwerk.Application.Applications;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;
using Marten;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Concepts;

/// <summary>A concept in a line: title, the project it became, the application that realises it.</summary>
/// <param name="Id">The concept's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="ProjectTitle">The project it became, if it did.</param>
/// <param name="Lead">The project's lead organisation.</param>
/// <param name="ApplicationId">The funding application that realises it, if one does.</param>
/// <param name="ApplicationTitle">That application's project title.</param>
public sealed record ConceptSummary(Guid Id, string Title, string? ProjectTitle, NetworkParty? Lead, Guid? ApplicationId, string? ApplicationTitle)
{
    public static ConceptSummary Of(ConceptDetails concept) =>
        new(concept.Id, concept.Title, concept.Project?.Title, concept.Project?.Lead, concept.Application?.ApplicationId, concept.Application?.Title);
}

/// <summary>An instrument that came from a concept.</summary>
/// <param name="Id">The instrument's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of format it is.</param>
public sealed record DerivedInstrument(Guid Id, string Name, InstrumentKind Kind);

/// <summary>
/// A concept with both ends of its line: the cohort it came from, the project and the application it led to (with where that
/// application stands), and the instruments that came of it.
/// </summary>
/// <param name="Concept">The concept.</param>
/// <param name="Funding">Where the application that realises it stands, if one does.</param>
/// <param name="Instruments">The instruments that came from it.</param>
public sealed record ConceptView(ConceptDetails Concept, ConceptFunding? Funding, IReadOnlyList<DerivedInstrument> Instruments);

/// <summary>Where the funding application that realises a concept stands.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Status">Where it stands (approved, closed, ...).</param>
public sealed record ConceptFunding(Guid ApplicationId, ApplicationStatus Status);

public static class GetConceptEndpoints
{
    /// <summary>Reads a concept with its line from the cohort to the project, the funding application and the instruments that came of it.</summary>
    [WolverineGet("/api/concepts/{id}")]
    public static async Task<ConceptView> Get([Document] ConceptDetails concept, IQuerySession session, CancellationToken cancellation)
    {
        var application = concept.Application is { } linked ? await session.LoadAsync<ApplicationSummary>(linked.ApplicationId, cancellation) : null;
        var instruments = await session.Query<InstrumentDetails>().Where(i => i.Origin!.ConceptId == concept.Id).OrderBy(i => i.Name)
            .ToListAsync(cancellation);
        return new ConceptView(concept, application is null ? null : new ConceptFunding(application.Id, application.Status), [.. instruments.Select(i => new DerivedInstrument(i.Id, i.Name, i.Kind))]);
    }

    /// <summary>Lists the concepts, newest first, each with the project and application it led to.</summary>
    [WolverineGet("/api/concepts")]
    public static async Task<IReadOnlyList<ConceptSummary>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<ConceptDetails>().OrderByDescending(c => c.DevelopedOn).ToListAsync(cancellation)).Select(ConceptSummary.Of)];
}
