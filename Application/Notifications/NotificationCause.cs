namespace Fachwerk.Application.Notifications;

/// <summary>
/// What one cause (an event, a deadline, a timer) tells whom: its id, which goes into its notifications' ids, what they concern,
/// and the notifications the rules planned for it.
/// </summary>
public sealed record NotificationCause(string Cause, NotificationTopic Topic, IReadOnlyList<PlannedNotification> Planned);
