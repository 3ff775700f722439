using System.Security.Cryptography;
using System.Text;

namespace Fachwerk.Domain.Common;

/// <summary>
/// A stream (or document) id derived from a name (a user id, the application a conversation belongs to, the letter of a decision),
/// so that a request finds it without a lookup table and two requests creating it meet on the same id.
/// </summary>
public static class DerivedStreamId
{
    /// <summary>An RFC 9562 version 8 (custom) UUID from the first 16 bytes of SHA-256 over <c>fachwerk/{kind}/{name}</c>.</summary>
    public static Guid Of(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"fachwerk/{kind}/{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
