namespace Fachwerk.Domain.Network.Ideas;

/// <summary>The status machine of a project idea; the write model and the read model follow this one function.</summary>
public static class IdeaLifecycle
{
    public static IdeaStatus StatusAfter(IdeaStatus status, object @event) => @event switch
    {
        ProjectIdeaRecorded => IdeaStatus.Open,
        ProjectIdeaPartnerCommitted => IdeaStatus.InPreparation,
        ProjectIdeaRealised => IdeaStatus.Realised,
        ProjectIdeaDropped => IdeaStatus.Dropped,
        _ => status,
    };

    /// <summary>Realised or dropped: nothing more happens to the idea.</summary>
    public static bool IsClosed(IdeaStatus status) => status is IdeaStatus.Realised or IdeaStatus.Dropped;
}
