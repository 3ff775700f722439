using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Ideas;

/// <summary>Write model of an alliance's project idea.</summary>
public sealed record ProjectIdea(
    Guid Id,
    Guid AllianceId,
    string Title,
    DateOnly RecordedOn,
    IdeaStatus Status,
    ImmutableHashSet<Guid> Partners,
    Guid? RealisedBy) : IEventSourced<ProjectIdea>
{
    /// <summary>The status follows <see cref="IdeaLifecycle"/>; everything else is folded here.</summary>
    public static ProjectIdea Evolve(ProjectIdea? idea, object @event) =>
        Fold(idea, @event) with { Status = IdeaLifecycle.StatusAfter(idea?.Status ?? IdeaStatus.Open, @event) };

    private static ProjectIdea Fold(ProjectIdea? idea, object @event) => (idea, @event) switch
    {
        (null, ProjectIdeaRecorded recorded) => new ProjectIdea(recorded.IdeaId, recorded.AllianceId, recorded.Title, recorded.RecordedOn,
            IdeaStatus.Open, [], null),
        (null, _) => throw new UnexpectedFirstEventException(typeof(ProjectIdea), @event),
        (_, ProjectIdeaPartnerCommitted committed) => idea with { Partners = idea.Partners.Add(committed.Partner.Id) },
        (_, ProjectIdeaRealised realised) => idea with { RealisedBy = realised.ApplicationId },
        _ => idea,
    };
}
