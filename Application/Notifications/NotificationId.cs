using System.Security.Cryptography;
using System.Text;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// The id of a notification, derived from what caused it (an event's stream and version, or a reminder's deadline), its kind
/// and its recipient: the same cause never makes a second notification, however often it is processed (ADR 0091).
/// </summary>
public static class NotificationId
{
    public static Guid Of(string cause, NotificationKind kind, string recipient)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"fachwerk/notification/{cause}/{kind}/{recipient}"));
        // An RFC 9562 version 8 (custom) UUID from the first 16 bytes of the hash.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The cause "this event": its stream and version.</summary>
    public static string OfEvent(Guid streamId, long version) => $"{streamId}/{version}";
}
