using Fachwerk.Domain.Common;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// The id of a notification, derived from what caused it (an event's stream and version, or a reminder's deadline), its kind
/// and its recipient: the same cause never makes a second notification, however often it is processed (ADR 0091).
/// </summary>
public static class NotificationId
{
    public static Guid Of(string cause, NotificationKind kind, string recipient) => DerivedStreamId.Of("notification", $"{cause}/{kind}/{recipient}");

    /// <summary>The cause "this event": its stream and version.</summary>
    public static string OfEvent(Guid streamId, long version) => $"{streamId}/{version}";
}
