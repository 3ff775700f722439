namespace Fachwerk.Application.Notifications;

/// <summary>
/// A user's choice per kind of notification: a mail at once (the default), one mail a day collecting them (the digest), or no mail
/// (only the bell). Legally required kinds are always mailed at once.
/// </summary>
/// <param name="Id">The user id.</param>
/// <param name="Kinds">The choice per kind; kinds not named are mailed at once.</param>
public sealed record NotificationPreferences(string Id, IReadOnlyDictionary<NotificationKind, Delivery> Kinds)
{
    /// <summary>How a notification of <paramref name="kind"/> reaches the user.</summary>
    public Delivery For(NotificationKind kind) =>
        Kinds.TryGetValue(kind, out var chosen) && NotificationKinds.Allows(kind, chosen) ? chosen : Delivery.Immediate;
}
