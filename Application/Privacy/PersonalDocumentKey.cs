using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fachwerk.Application.Privacy;

/// <summary>
/// The key of one document of a person (ADR 0105): derived with HKDF-SHA256 from the person's data key and the document's id, so
/// destroying the person's key (erasure) leaves every document of theirs unreadable, and no two documents share a key. Each stored
/// chunk is sealed on its own with AES-256-GCM: the nonce is the chunk's number (unique under a key used for one document only), the
/// associated data bind person, document and number, so chunks cannot be swapped, reordered or moved to another document unnoticed.
/// A sealed chunk is the ciphertext followed by its 16-byte tag.
/// </summary>
public sealed class PersonalDocumentKey : IDisposable
{
    public const int TagSize = 16;
    private const int NonceSize = 12;
    private readonly byte[] _key;
    private readonly Guid _subjectId;
    private readonly Guid _documentId;

    internal PersonalDocumentKey(byte[] dataKey, Guid subjectId, Guid documentId)
    {
        _subjectId = subjectId;
        _documentId = documentId;
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, documentId.ToByteArray(), "fachwerk/personal-document"u8.ToArray());
    }

    /// <summary>Seals chunk number <paramref name="seq"/> (from 0).</summary>
    public byte[] Seal(int seq, ReadOnlySpan<byte> plain)
    {
        var sealedChunk = new byte[plain.Length + TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(Nonce(seq), plain, sealedChunk.AsSpan(0, plain.Length), sealedChunk.AsSpan(plain.Length), AssociatedData(seq));
        return sealedChunk;
    }

    /// <summary>Opens chunk number <paramref name="seq"/>; altered or misplaced chunks throw a <see cref="CryptographicException"/>.</summary>
    public byte[] Open(int seq, byte[] sealedChunk)
    {
        ArgumentNullException.ThrowIfNull(sealedChunk);
        if (sealedChunk.Length < TagSize) throw new CryptographicException("A sealed chunk is shorter than its tag.");
        var length = sealedChunk.Length - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(Nonce(seq), sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length), plain, AssociatedData(seq));
        return plain;
    }

    private static byte[] Nonce(int seq)
    {
        var nonce = new byte[NonceSize];
        BinaryPrimitives.WriteInt32BigEndian(nonce.AsSpan(NonceSize - 4), seq);
        return nonce;
    }

    private byte[] AssociatedData(int seq) => Encoding.UTF8.GetBytes($"fachwerk/personal-document/{_subjectId:D}/{_documentId:D}/{seq}");

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
