namespace Fachwerk.Domain.Network.Activities;

/// <summary>
/// The status machine of an activity: planned, announced, held, reported, or cancelled. The write model and the read models
/// follow this one function.
/// </summary>
public static class ActivityLifecycle
{
    public static ActivityStatus StatusAfter(ActivityStatus status, object @event) => @event switch
    {
        ActivityPlanned => ActivityStatus.Planned,
        ActivityAnnounced => ActivityStatus.Announced,
        ActivityHeld => ActivityStatus.Held,
        ActivityReported => ActivityStatus.Reported,
        ActivityCancelled => ActivityStatus.Cancelled,
        _ => status,
    };

    /// <summary>Planned or announced: not yet held, not cancelled.</summary>
    public static bool IsAhead(ActivityStatus status) => status is ActivityStatus.Planned or ActivityStatus.Announced;

    /// <summary>Held, or held and reported.</summary>
    public static bool WasHeld(ActivityStatus status) => status is ActivityStatus.Held or ActivityStatus.Reported;
}
