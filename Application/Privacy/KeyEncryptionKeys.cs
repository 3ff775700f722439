using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fachwerk.Application.Privacy;

/// <summary>
/// The key-encryption keys (KEK) that wrap every person's data key before it is stored: they are held outside the database (a
/// key-ring file, or configuration from a secret store), so a copy of the database alone opens no personal data (ADR 0061).
/// One key is current: it wraps new keys and re-wrapped ones. Older keys stay in the ring, and keep opening what they wrapped,
/// until every data key has been re-wrapped under the current one (<c>rewrap-personal-data-keys</c>, docs/pilots.md).
/// </summary>
public sealed class KeyEncryptionKeys
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;

    public KeyEncryptionKeys(string currentId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.FirstOrDefault(k => string.IsNullOrWhiteSpace(k.Key) || k.Value.Length != KeySize) is { Key: not null } bad)
            throw new KeyRingUnavailableException($"the key-encryption key '{bad.Key}' is not {KeySize} bytes (base64 of 256 random bits).");
        if (!keys.ContainsKey(currentId ?? ""))
            throw new KeyRingUnavailableException($"the current key-encryption key '{currentId}' is not in the key ring.");
        CurrentId = currentId!;
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray());
    }

    /// <summary>The key that wraps new and re-wrapped data keys.</summary>
    public string CurrentId { get; }

    public IReadOnlyCollection<string> Ids => _keys.Keys;

    /// <summary>Wraps a person's data key under the current KEK (AES-256-GCM; the person and the KEK are bound in): nonce, ciphertext, tag.</summary>
    public byte[] Wrap(Guid subjectId, ReadOnlySpan<byte> dataKey)
    {
        var wrapped = new byte[NonceSize + dataKey.Length + TagSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentId], TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceSize, dataKey.Length), wrapped.AsSpan(NonceSize + dataKey.Length), AssociatedData(subjectId, CurrentId));
        return wrapped;
    }

    /// <summary>Opens a data key wrapped by <paramref name="keyId"/>; a key not in the ring, or a wrapped key moved to another person, does not open.</summary>
    public byte[] Unwrap(Guid subjectId, string keyId, byte[] wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (!_keys.TryGetValue(keyId, out var kek))
            throw new CryptographicException(
                $"The key-encryption key '{keyId}' is not in the key ring; put it back until every data key is re-wrapped (rewrap-personal-data-keys).");
        var length = wrapped.Length - NonceSize - TagSize;
        var dataKey = new byte[length];
        using var aes = new AesGcm(kek, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, length), wrapped.AsSpan(NonceSize + length), dataKey,
            AssociatedData(subjectId, keyId));
        return dataKey;
    }

    /// <summary>Reads a key ring: <c>{"current": "&lt;id&gt;", "keys": {"&lt;id&gt;": "&lt;base64 of 32 random bytes&gt;", ...}}</c>.</summary>
    public static KeyEncryptionKeys Parse(string json)
    {
        JsonNode? ring;
        try
        {
            ring = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new KeyRingUnavailableException($"the key ring is not JSON ({e.Message}).");
        }

        var keys = ring?["keys"] as JsonObject ?? throw new KeyRingUnavailableException("the key ring names no keys.");
        return Of(ring!["current"]?.GetValue<string>() ?? "", keys.ToDictionary(k => k.Key, k => k.Value?.GetValue<string>() ?? ""));
    }

    /// <summary>A key ring from its parts as text (the current id, and the keys in base64), e.g. from configuration.</summary>
    public static KeyEncryptionKeys Of(string currentId, IReadOnlyDictionary<string, string> base64Keys)
    {
        ArgumentNullException.ThrowIfNull(base64Keys);
        var keys = new Dictionary<string, byte[]>();
        foreach (var (id, value) in base64Keys)
        {
            try
            {
                keys[id] = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                throw new KeyRingUnavailableException($"the key-encryption key '{id}' is not base64.");
            }
        }

        return new KeyEncryptionKeys(currentId, keys);
    }

    /// <summary>A new key ring with one fresh key, as JSON: for a development machine, or the first key of a deployment.</summary>
    public static string NewRing(string id) =>
        new JsonObject { ["current"] = id, ["keys"] = new JsonObject { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)) } }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static byte[] AssociatedData(Guid subjectId, string keyId) => Encoding.UTF8.GetBytes($"fachwerk/personal-data-key/{subjectId:D}/{keyId}");
}

/// <summary>No usable key ring: the service cannot seal or open personal data, and does not start.</summary>
public sealed class KeyRingUnavailableException(string message) : Exception("No key-encryption key for personal data: " + message);
