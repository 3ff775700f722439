using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Concepts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Concepts;

/// <summary>The project a concept became.</summary>
/// <param name="Title">The project's title.</param>
/// <param name="Lead">The organisation that leads it.</param>
/// <param name="AdoptedOn">The day the concept became the project.</param>
public sealed record ConceptProjectRecord(string Title, NetworkParty Lead, DateOnly AdoptedOn);

/// <summary>The funding application that realises a concept's project.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Title">Its project title.</param>
/// <param name="LinkedOn">The day the link was made.</param>
public sealed record ConceptApplicationRecord(Guid ApplicationId, string Title, DateOnly LinkedOn);

/// <summary>
/// A concept and its line to funding: the cohort it was developed in, the project it became, the application that realises it.
/// Updated inline.
/// </summary>
public sealed record ConceptDetails
{
    /// <summary>The concept's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the concept.</summary>
    public long Version { get; init; }
    /// <summary>The cohort it was developed in.</summary>
    public Guid CohortId { get; init; }
    /// <summary>The cohort's programme and run.</summary>
    public string Cohort { get; init; } = "";
    /// <summary>Its title.</summary>
    public string Title { get; init; } = "";
    /// <summary>What it proposes.</summary>
    public string Summary { get; init; } = "";
    /// <summary>The groups it is for.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    /// <summary>The participants who developed it.</summary>
    public IReadOnlyList<Guid> DevelopedBy { get; init; } = [];
    /// <summary>The day it was finished.</summary>
    public DateOnly DevelopedOn { get; init; }
    /// <summary>The project it became, if it did.</summary>
    public ConceptProjectRecord? Project { get; init; }
    /// <summary>The funding application that realises the project, if one does.</summary>
    public ConceptApplicationRecord? Application { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class ConceptDetailsProjection : SingleStreamProjection<ConceptDetails, Guid>
{
    public static ConceptDetails Create(IEvent<ConceptDeveloped> e) => new()
    {
        Id = e.Data.ConceptId,
        Version = e.Version,
        CohortId = e.Data.CohortId,
        Cohort = e.Data.Cohort,
        Title = e.Data.Title,
        Summary = e.Data.Summary,
        TargetGroups = e.Data.TargetGroups,
        DevelopedBy = e.Data.DevelopedBy,
        DevelopedOn = e.Data.DevelopedOn,
        LastChangedAt = e.Timestamp,
    };

    public static ConceptDetails Apply(IEvent<ConceptAdoptedAsProject> e, ConceptDetails concept) =>
        concept with
        {
            Version = e.Version, LastChangedAt = e.Timestamp, Project = new ConceptProjectRecord(e.Data.ProjectTitle, e.Data.Lead, e.Data.AdoptedOn),
        };

    public static ConceptDetails Apply(IEvent<ConceptLinkedToApplication> e, ConceptDetails concept) =>
        concept with
        {
            Version = e.Version, LastChangedAt = e.Timestamp,
            Application = new ConceptApplicationRecord(e.Data.ApplicationId, e.Data.ApplicationTitle, e.Data.LinkedOn),
        };
}
