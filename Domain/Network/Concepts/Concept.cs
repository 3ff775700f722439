using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Concepts;

/// <summary>A concept's project: its title, lead organisation and the day it was adopted.</summary>
public sealed record ConceptProject(string Title, NetworkParty Lead, DateOnly AdoptedOn);

/// <summary>Write model of a concept: developed in a cohort, possibly a project, possibly realised by a funding application.</summary>
public sealed record Concept(Guid Id, Guid CohortId, string Title, DateOnly DevelopedOn, ConceptProject? Project, Guid? ApplicationId)
    : IEventSourced<Concept>
{
    public static Concept Evolve(Concept? concept, object @event) => (concept, @event) switch
    {
        (null, ConceptDeveloped developed) => new Concept(developed.ConceptId, developed.CohortId, developed.Title, developed.DevelopedOn, null, null),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Concept), @event),
        (_, ConceptAdoptedAsProject adopted) => concept with { Project = new ConceptProject(adopted.ProjectTitle, adopted.Lead, adopted.AdoptedOn) },
        (_, ConceptLinkedToApplication linked) => concept with { ApplicationId = linked.ApplicationId },
        _ => concept,
    };
}
