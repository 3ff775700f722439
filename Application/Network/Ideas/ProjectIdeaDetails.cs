using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Ideas;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>A partner that committed to an idea.</summary>
/// <param name="Partner">The organisation, alliance or actor.</param>
/// <param name="CommittedOn">The day it committed.</param>
public sealed record IdeaPartnerRecord(NetworkParty Partner, DateOnly CommittedOn);

/// <summary>The funding application that realises an idea.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Title">Its project title.</param>
/// <param name="District">The district it is in.</param>
/// <param name="RealisedOn">The day the link was made.</param>
public sealed record IdeaRealisationRecord(Guid ApplicationId, string Title, string District, DateOnly RealisedOn);

/// <summary>An alliance's project idea: the idea, partners sought and committed, target groups, where it stands. Updated inline.</summary>
public sealed record ProjectIdeaDetails
{
    /// <summary>The idea's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the idea.</summary>
    public long Version { get; init; }
    /// <summary>The alliance whose idea it is.</summary>
    public Guid AllianceId { get; init; }
    /// <summary>Its name.</summary>
    public string Alliance { get; init; } = "";
    /// <summary>The alliance's federal state.</summary>
    public FederalState FederalState { get; init; }
    /// <summary>The idea's title.</summary>
    public string Title { get; init; } = "";
    /// <summary>What the project would do.</summary>
    public string Idea { get; init; } = "";
    /// <summary>The partners it seeks.</summary>
    public IReadOnlyList<string> PartnersSought { get; init; } = [];
    /// <summary>The partners that committed.</summary>
    public IReadOnlyList<IdeaPartnerRecord> Partners { get; init; } = [];
    /// <summary>The groups it is for.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    /// <summary>The day it was recorded.</summary>
    public DateOnly RecordedOn { get; init; }
    /// <summary>Where it stands.</summary>
    public IdeaStatus Status { get; init; }
    /// <summary>The funding application that realises it, if one does.</summary>
    public IdeaRealisationRecord? Realisation { get; init; }
    /// <summary>The day it was given up, if it was.</summary>
    public DateOnly? DroppedOn { get; init; }
    /// <summary>Why it was given up.</summary>
    public string? DropReason { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class ProjectIdeaDetailsProjection : SingleStreamProjection<ProjectIdeaDetails, Guid>
{
    public static ProjectIdeaDetails Create(IEvent<ProjectIdeaRecorded> e) => new()
    {
        Id = e.Data.IdeaId,
        Version = e.Version,
        AllianceId = e.Data.AllianceId,
        Alliance = e.Data.Alliance,
        FederalState = e.Data.FederalState,
        Title = e.Data.Title,
        Idea = e.Data.Idea,
        PartnersSought = e.Data.PartnersSought,
        TargetGroups = e.Data.TargetGroups,
        RecordedOn = e.Data.RecordedOn,
        Status = IdeaLifecycle.StatusAfter(IdeaStatus.Open, e.Data),
        LastChangedAt = e.Timestamp,
    };

    public static ProjectIdeaDetails Apply(IEvent<ProjectIdeaPartnerCommitted> e, ProjectIdeaDetails idea) =>
        Touched(e, idea) with { Partners = [.. idea.Partners, new IdeaPartnerRecord(e.Data.Partner, e.Data.CommittedOn)] };

    public static ProjectIdeaDetails Apply(IEvent<ProjectIdeaRealised> e, ProjectIdeaDetails idea) =>
        Touched(e, idea) with
        {
            Realisation = new IdeaRealisationRecord(e.Data.ApplicationId, e.Data.ApplicationTitle, e.Data.District, e.Data.RealisedOn),
        };

    public static ProjectIdeaDetails Apply(IEvent<ProjectIdeaDropped> e, ProjectIdeaDetails idea) =>
        Touched(e, idea) with { DroppedOn = e.Data.DroppedOn, DropReason = e.Data.Reason };

    /// <summary>The idea after event <paramref name="e"/>: version, time, and the status <see cref="IdeaLifecycle"/> gives.</summary>
    private static ProjectIdeaDetails Touched(IEvent e, ProjectIdeaDetails idea) =>
        idea with { Version = e.Version, LastChangedAt = e.Timestamp, Status = IdeaLifecycle.StatusAfter(idea.Status, e.Data) };
}
