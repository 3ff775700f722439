using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fachwerk.Domain.Common;
using Marten;

namespace Fachwerk.Application.Privacy;

/// <summary>
/// One person's data key: 256 random bits, in its own table (<c>fachwerk_keys.mt_doc_personal_data_key</c>), never in an
/// event. Destroying it is what erases the person's data everywhere (crypto-shredding, docs/adr/0015).
/// </summary>
public sealed record PersonalDataKey(Guid Id, byte[] Key, DateTimeOffset CreatedAt);

/// <summary>
/// Seals personal data with the person's own key (AES-256-GCM, the subject id bound in as associated data) before they
/// go into an event, opens them again for the few reads that show them, and destroys keys on erasure. Keys are written
/// and deleted through the command's Marten session, so they commit or roll back together with the events.
/// </summary>
public static class PersonalDataVault
{
    public const string Algorithm = "A256GCM";
    public const string KeySchema = "fachwerk_keys";
    public const string KeyTableAlias = "personal_data_key";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key table: its own schema, so that access to it can be granted apart from the event store.</summary>
    public static void ConfigureStore(StoreOptions opts) =>
        opts.Schema.For<PersonalDataKey>().DatabaseSchemaName(KeySchema).DocumentAlias(KeyTableAlias);

    /// <summary>Creates the key of a new person (stored with the session) and seals their data with it.</summary>
    public static SealedPersonalData SealForNewSubject<T>(IDocumentSession session, Guid subjectId, T data, TimeProvider clock)
    {
        var key = new PersonalDataKey(subjectId, RandomNumberGenerator.GetBytes(KeySize), clock.GetUtcNow());
        session.Insert(key);
        return Seal(key, data);
    }

    /// <summary>Seals new data of a known person with their existing key; null when the key was destroyed.</summary>
    public static async Task<SealedPersonalData?> SealAgainAsync<T>(IDocumentSession session, Guid subjectId, T data, CancellationToken cancellation)
    {
        var key = await session.LoadAsync<PersonalDataKey>(subjectId, cancellation);
        return key is null ? null : Seal(key, data);
    }

    /// <summary>Destroys the person's key with the session: afterwards nothing sealed with it can be read again.</summary>
    public static void DestroyKey(IDocumentSession session, Guid subjectId) => session.Delete<PersonalDataKey>(subjectId);

    /// <summary>
    /// Opens sealed data; the answer holds an entry only for the people whose key still exists
    /// (a missing entry means: erased). Tampered ciphertext throws a <see cref="CryptographicException"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, T>> OpenAsync<T>(
        IQuerySession session, IEnumerable<SealedPersonalData> sealedData, CancellationToken cancellation)
    {
        var all = sealedData.ToList();
        if (all.Count == 0) return new Dictionary<Guid, T>();

        var keys = (await session.LoadManyAsync<PersonalDataKey>(cancellation, all.Select(s => s.SubjectId).Distinct()))
            .ToDictionary(k => k.Id);
        var opened = new Dictionary<Guid, T>();
        foreach (var item in all)
        {
            if (keys.TryGetValue(item.SubjectId, out var key))
                opened[item.SubjectId] = Open<T>(key, item);
        }

        return opened;
    }

    private static SealedPersonalData Seal<T>(PersonalDataKey key, T data)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(data, Json);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[plaintext.Length + TagSize];
        using (var aes = new AesGcm(key.Key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), AssociatedData(key.Id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new SealedPersonalData(key.Id, Algorithm, Convert.ToBase64String(nonce), Convert.ToBase64String(sealedBytes));
    }

    private static T Open<T>(PersonalDataKey key, SealedPersonalData item)
    {
        if (item.Algorithm != Algorithm)
            throw new CryptographicException($"Unknown sealing algorithm '{item.Algorithm}'.");

        var nonce = Convert.FromBase64String(item.Nonce);
        var sealedBytes = Convert.FromBase64String(item.Ciphertext);
        var length = sealedBytes.Length - TagSize;
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key.Key, TagSize))
        {
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, length), sealedBytes.AsSpan(length), plaintext, AssociatedData(item.SubjectId));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(plaintext, Json) ?? throw new CryptographicException("Sealed personal data are empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Binds a ciphertext to its person: moved to another person's record, it does not open.</summary>
    private static byte[] AssociatedData(Guid subjectId) => Encoding.UTF8.GetBytes($"fachwerk/personal-data/{subjectId:D}");
}
