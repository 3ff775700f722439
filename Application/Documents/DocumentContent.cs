using System.Buffers;
using System.Data;
using System.Security.Cryptography;
using Fachwerk.Application.Audit;
using Marten;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Fachwerk.Application.Documents;

/// <summary>An upload received in full and staged: its size, the SHA-256 of what is stored and the media type its content shows.</summary>
/// <param name="UploadId">The key of its staged chunks.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the stored bytes: the file's, or its sealed chunks' when it was sealed (ADR 0105).</param>
/// <param name="MediaType">The type found in the content, or null when it is none of the accepted ones.</param>
/// <param name="StoredSize">The size of the stored bytes (larger than <paramref name="Size"/> by a tag per chunk when sealed).</param>
public sealed record StagedUpload(Guid UploadId, long Size, string Sha256, string? MediaType, int Chunks, long StoredSize);

/// <summary>Seals chunk number <c>seq</c> of a file before it is stored (a person's document, ADR 0105).</summary>
public delegate byte[] ChunkSealer(int seq, ReadOnlySpan<byte> plain);

/// <summary>Opens stored chunk number <c>seq</c> of a sealed file.</summary>
public delegate byte[] ChunkOpener(int seq, byte[] sealedChunk);

/// <summary>The upload is larger than the limit: reading stopped there.</summary>
public sealed class DocumentTooLarge(long maxBytes) : Exception($"The file is larger than {maxBytes:N0} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// The bytes of documents in PostgreSQL (<see cref="DocumentStorage"/>, ADR 0086). An upload is written while it streams, in
/// chunks of <see cref="ChunkBytes"/> under a fresh upload id, and hashed and typed on the way; it becomes content (keyed by its
/// SHA-256) only in the transaction that appends the event naming it (<see cref="Promote"/>).
/// </summary>
public sealed class DocumentContent(IDocumentStore store, TimeProvider clock)
{
    public const int ChunkBytes = 256 * 1024;

    /// <summary>How long staged chunks of an upload that never finished (a process that died mid-upload) are kept before they are swept.</summary>
    public static readonly TimeSpan StagedFor = TimeSpan.FromDays(1);

    private string Schema => store.Options.Events.DatabaseSchemaName;

    /// <summary>
    /// Reads <paramref name="body"/> to its end into staged chunks, typing it and hashing what is stored as it goes; at most
    /// <paramref name="maxBytes"/> bytes (else <see cref="DocumentTooLarge"/>). With <paramref name="seal"/>, each chunk is stored
    /// sealed and the hash is the sealed chunks' (ADR 0105). On any failure the chunks written so far are removed.
    /// </summary>
    public async Task<StagedUpload> StageAsync(Stream body, long maxBytes, CancellationToken cancellation, ChunkSealer? seal = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var uploadId = Guid.CreateVersion7(clock.GetUtcNow());
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var types = new DocumentTypes();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var (filled, chunks, size, stored) = (0, 0, 0L, 0L);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(filled, ChunkBytes - filled), cancellation)) > 0)
            {
                size += read;
                if (size > maxBytes) throw new DocumentTooLarge(maxBytes);
                types.Feed(chunk.AsSpan(filled, read));
                filled += read;
                if (filled < ChunkBytes) continue;
                stored += await WriteChunkAsync(uploadId, chunks++, chunk, filled, hash, seal, cancellation);
                filled = 0;
            }

            if (filled > 0) stored += await WriteChunkAsync(uploadId, chunks++, chunk, filled, hash, seal, cancellation);
        }
        catch
        {
            await DiscardAsync(uploadId);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new StagedUpload(uploadId, size, EventChainHash.Hex(hash.GetHashAndReset()), types.MediaType(), chunks, stored);
    }

    /// <summary>Stores one chunk (sealed first, if asked), adds it to the hash, and answers how many bytes were stored.</summary>
    private async Task<int> WriteChunkAsync(
        Guid uploadId, int seq, byte[] chunk, int length, IncrementalHash hash, ChunkSealer? seal, CancellationToken cancellation)
    {
        var data = seal is null ? new ArraySegment<byte>(chunk, 0, length) : new ArraySegment<byte>(seal(seq, chunk.AsSpan(0, length)));
        hash.AppendData(data);
        // A pooled connection per chunk: a slow client holds none while the next chunk arrives.
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {Schema}.{DocumentStorage.UploadTable} (upload_id, seq, data) VALUES (@upload, @seq, @data)", connection);
        command.Parameters.AddWithValue("upload", uploadId);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = data });
        await command.ExecuteNonQueryAsync(cancellation);
        return data.Count;
    }

    /// <summary>Removes an upload's staged chunks (refused or failed), and any left by uploads that never finished.</summary>
    public async Task DiscardAsync(Guid uploadId)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            $"DELETE FROM {Schema}.{DocumentStorage.UploadTable} WHERE upload_id = @upload OR staged_at < @stale", connection);
        command.Parameters.AddWithValue("upload", uploadId);
        command.Parameters.AddWithValue("stale", clock.GetUtcNow() - StagedFor);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Queues, in <paramref name="session"/>'s transaction (the one appending the event that names the hash), the move of the staged
    /// chunks to the content tables. Content stored before under the same hash is kept as it is.
    /// </summary>
    public void Promote(IDocumentSession session, StagedUpload upload)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(upload);
        session.QueueSqlCommand(
            $"INSERT INTO {Schema}.{DocumentStorage.ContentTable} (sha256, size, chunks) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            upload.Sha256, upload.StoredSize, upload.Chunks);
        session.QueueSqlCommand(
            $"INSERT INTO {Schema}.{DocumentStorage.ChunkTable} (sha256, seq, data) SELECT ?, seq, data FROM {Schema}.{DocumentStorage.UploadTable} WHERE upload_id = ? ON CONFLICT DO NOTHING",
            upload.Sha256, upload.UploadId);
        session.QueueSqlCommand($"DELETE FROM {Schema}.{DocumentStorage.UploadTable} WHERE upload_id = ?", upload.UploadId);
    }

    /// <summary>
    /// Queues, in <paramref name="session"/>'s transaction (the one appending the event that names the hash), the storing of content
    /// the application made itself and holds whole (a generated letter: small), in the same chunks as an upload. Answers its SHA-256.
    /// </summary>
    public string Store(IDocumentSession session, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bytes);
        var sha256 = EventChainHash.Hex(SHA256.HashData(bytes));
        var chunks = bytes.Chunk(ChunkBytes).ToList();
        session.QueueSqlCommand(
            $"INSERT INTO {Schema}.{DocumentStorage.ContentTable} (sha256, size, chunks) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            sha256, (long)bytes.Length, chunks.Count);
        for (var seq = 0; seq < chunks.Count; seq++)
            session.QueueSqlCommand(
                $"INSERT INTO {Schema}.{DocumentStorage.ChunkTable} (sha256, seq, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", sha256, seq, chunks[seq]);
        return sha256;
    }

    /// <summary>Whether content with this hash is stored.</summary>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Schema}.{DocumentStorage.ContentTable} WHERE sha256 = @hash", connection);
        command.Parameters.AddWithValue("hash", sha256);
        return (long)(await command.ExecuteScalarAsync(cancellation))! > 0;
    }

    /// <summary>Writes the stored content with this hash to <paramref name="target"/>, chunk by chunk, each opened first if asked.</summary>
    public async Task CopyToAsync(string sha256, Stream target, CancellationToken cancellation, ChunkOpener? open = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var seq = 0;
        await foreach (var chunk in ChunksAsync(sha256, cancellation))
            await target.WriteAsync(open is null ? chunk : open(seq++, chunk), cancellation);
    }

    /// <summary>The stored chunks of a content, in order, one row at a time.</summary>
    private async IAsyncEnumerable<byte[]> ChunksAsync(string sha256, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"SELECT data FROM {Schema}.{DocumentStorage.ChunkTable} WHERE sha256 = @hash ORDER BY seq", connection);
        command.Parameters.AddWithValue("hash", sha256);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
        while (await reader.ReadAsync(cancellation))
            yield return await reader.GetFieldValueAsync<byte[]>(0, cancellation);
    }

    /// <summary>
    /// Re-hashes the stored content with this hash: its size and SHA-256 now, or null when no content is stored under it.
    /// </summary>
    public async Task<(long Size, string Sha256)?> RehashAsync(string sha256, CancellationToken cancellation)
    {
        if (!await ExistsAsync(sha256, cancellation)) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await foreach (var chunk in ChunksAsync(sha256, cancellation))
        {
            hash.AppendData(chunk);
            size += chunk.Length;
        }

        return (size, EventChainHash.Hex(hash.GetHashAndReset()));
    }
}
