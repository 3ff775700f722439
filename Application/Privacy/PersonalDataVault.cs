using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fachwerk.Domain.Common;
using Marten;

namespace Fachwerk.Application.Privacy;

/// <summary>
/// One person's data key, in its own table (<c>fachwerk_keys.mt_doc_personal_data_key</c>), never in an event: 256 random bits,
/// stored wrapped by a key-encryption key held outside the database (<paramref name="WrappedBy"/> names it). Destroying the row
/// is what erases the person's data everywhere (crypto-shredding, docs/adr/0015). <paramref name="Key"/> is the plain key of
/// rows written before keys were wrapped (ADR 0061); the service wraps those when it starts.
/// </summary>
public sealed record PersonalDataKey(Guid Id, byte[]? Key, DateTimeOffset CreatedAt, string? WrappedBy = null, byte[]? Wrapped = null);

/// <summary>
/// Seals personal data with the person's own key (AES-256-GCM, the subject id bound in as associated data) before they
/// go into an event, opens them again for the few reads that show them, and destroys keys on erasure. Keys are written
/// and deleted through the command's Marten session, so they commit or roll back together with the events; they are stored
/// wrapped by the current key-encryption key (<see cref="KeyEncryptionKeys"/>).
/// </summary>
public sealed class PersonalDataVault(KeyEncryptionKeys keyEncryptionKeys, TimeProvider clock)
{
    public const string Algorithm = "A256GCM";
    public const string KeySchema = "fachwerk_keys";
    public const string KeyTableAlias = "personal_data_key";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Batch = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key table: its own schema, so that access to it can be granted apart from the event store.</summary>
    public static void ConfigureStore(StoreOptions opts) =>
        opts.Schema.For<PersonalDataKey>().DatabaseSchemaName(KeySchema).DocumentAlias(KeyTableAlias);

    /// <summary>Creates the key of a new person (stored wrapped with the session) and seals their data with it.</summary>
    public SealedPersonalData SealForNewSubject<T>(IDocumentSession session, Guid subjectId, T data)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            session.Insert(new PersonalDataKey(subjectId, null, clock.GetUtcNow(), keyEncryptionKeys.CurrentId, keyEncryptionKeys.Wrap(subjectId, key)));
            return Seal(subjectId, key, data);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Seals new data of a known person with their existing key; null when the key was destroyed.</summary>
    public async Task<SealedPersonalData?> SealAgainAsync<T>(IDocumentSession session, Guid subjectId, T data, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var stored = await session.LoadAsync<PersonalDataKey>(subjectId, cancellation);
        if (stored is null) return null;
        var key = DataKeyOf(stored);
        try
        {
            return Seal(subjectId, key, data);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The key of one document of a person (<see cref="PersonalDocumentKey"/>), derived from their data key; null when that key was
    /// destroyed (erased): the document cannot be read or written any more.
    /// </summary>
    public async Task<PersonalDocumentKey?> DocumentKeyAsync(IQuerySession session, Guid subjectId, Guid documentId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.LoadAsync<PersonalDataKey>(subjectId, cancellation) is not { } stored) return null;
        var key = DataKeyOf(stored);
        try
        {
            return new PersonalDocumentKey(key, subjectId, documentId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Destroys the person's key with the session: afterwards nothing sealed with it can be read again.</summary>
    public static void DestroyKey(IDocumentSession session, Guid subjectId) => session?.Delete<PersonalDataKey>(subjectId);

    /// <summary>
    /// Opens sealed data; the answer holds an entry only for the people whose key still exists
    /// (a missing entry means: erased). Tampered ciphertext throws a <see cref="CryptographicException"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, T>> OpenAsync<T>(
        IQuerySession session, IEnumerable<SealedPersonalData> sealedData, CancellationToken cancellation)
    {
        var all = sealedData.ToList();
        var each = await OpenEachAsync<T>(session, all, cancellation);
        var opened = new Dictionary<Guid, T>();
        for (var i = 0; i < all.Count; i++)
            if (each[i] is { } data) opened[all[i].SubjectId] = data;
        return opened;
    }

    /// <summary>
    /// Opens several sealed items, of one person or of several, in the order given: each one opened, or default where the person's key
    /// no longer exists (erased). Tampered ciphertext throws a <see cref="CryptographicException"/>.
    /// </summary>
    public async Task<IReadOnlyList<T?>> OpenEachAsync<T>(IQuerySession session, IReadOnlyList<SealedPersonalData> sealedData, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sealedData);
        if (sealedData.Count == 0) return [];

        var keys = (await session.LoadManyAsync<PersonalDataKey>(cancellation, sealedData.Select(s => s.SubjectId).Distinct())).ToDictionary(k => k.Id);
        var opened = new T?[sealedData.Count];
        for (var i = 0; i < sealedData.Count; i++)
        {
            if (!keys.TryGetValue(sealedData[i].SubjectId, out var stored)) continue;
            var key = DataKeyOf(stored);
            try
            {
                opened[i] = Open<T>(key, sealedData[i]);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return opened;
    }

    /// <summary>
    /// Wraps stored data keys again under the current key-encryption key: those written before keys were wrapped
    /// (<paramref name="onlyUnwrapped"/>, at every start), or every key another key-encryption key wrapped (rotation). A key
    /// erased meanwhile stays erased: the wrapped key is written as an update of an existing row only. Answers how many.
    /// </summary>
    public async Task<int> RewrapAsync(IDocumentStore store, bool onlyUnwrapped, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var current = keyEncryptionKeys.CurrentId;
        var rewrapped = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var query = session.Query<PersonalDataKey>().Where(k => k.WrappedBy == null);
            if (!onlyUnwrapped) query = session.Query<PersonalDataKey>().Where(k => k.WrappedBy == null || k.WrappedBy != current);
            var batch = await query.Take(Batch).ToListAsync(cancellation);
            if (batch.Count == 0) return rewrapped;
            foreach (var stored in batch)
            {
                var key = DataKeyOf(stored);
                try
                {
                    session.Update(stored with { Key = null, WrappedBy = current, Wrapped = keyEncryptionKeys.Wrap(stored.Id, key) });
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(key);
                }
            }

            await session.SaveChangesAsync(cancellation);
            rewrapped += batch.Count;
        }
    }

    /// <summary>The plain data key of a stored row: unwrapped by the key-encryption key that wrapped it, or as written before wrapping.</summary>
    private byte[] DataKeyOf(PersonalDataKey stored) =>
        stored switch
        {
            { WrappedBy: { } keyId, Wrapped: { } wrapped } => keyEncryptionKeys.Unwrap(stored.Id, keyId, wrapped),
            { Key: { } plain } => plain.ToArray(),
            _ => throw new CryptographicException($"The data key of {stored.Id} is neither wrapped nor plain."),
        };

    private static SealedPersonalData Seal<T>(Guid subjectId, byte[] key, T data)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(data, Json);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[plaintext.Length + TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), AssociatedData(subjectId));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new SealedPersonalData(subjectId, Algorithm, Convert.ToBase64String(nonce), Convert.ToBase64String(sealedBytes));
    }

    private static T Open<T>(byte[] key, SealedPersonalData item)
    {
        if (item.Algorithm != Algorithm)
            throw new CryptographicException($"Unknown sealing algorithm '{item.Algorithm}'.");

        var nonce = Convert.FromBase64String(item.Nonce);
        var sealedBytes = Convert.FromBase64String(item.Ciphertext);
        var length = sealedBytes.Length - TagSize;
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key, TagSize))
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
