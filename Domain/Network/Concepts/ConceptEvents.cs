using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Concepts;

/// <summary>Participants of a cohort developed a concept (e.g. "Expedition Job" in the leadership programme).</summary>
public sealed record ConceptDeveloped(
    Guid ConceptId,
    Guid CohortId,
    string Cohort,
    string Title,
    string Summary,
    IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<Guid> DevelopedBy,
    DateOnly DevelopedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The concept became a project, led by an organisation (e.g. Haus Steinstraße e.V. for "Expedition Job").</summary>
public sealed record ConceptAdoptedAsProject(
    Guid ConceptId,
    string ProjectTitle,
    NetworkParty Lead,
    DateOnly AdoptedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The project of the concept applied for funding: this funding application realises it.</summary>
public sealed record ConceptLinkedToApplication(
    Guid ConceptId,
    Guid ApplicationId,
    string ApplicationTitle,
    DateOnly LinkedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
