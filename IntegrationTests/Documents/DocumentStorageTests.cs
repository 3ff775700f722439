using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fachwerk.Application.Documents;
using Fachwerk.IntegrationTests.Infrastructure;
using Weasel.Core;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>
/// The documents' bytes are kept as they are: PostgreSQL does not try to compress them (ADR 0133), and the setting survives
/// restarts and comes back on a store that lost it.
/// </summary>
public class DocumentStorageTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static readonly string[] Columns = [DocumentStorage.ChunkTable, DocumentStorage.UploadTable];

    [Fact]
    public async Task An_uploads_bytes_are_stored_uncompressed_even_when_they_would_compress()
    {
        var id = await Draft(await LaunchProgramme());
        // Plain text repeated: PostgreSQL's default storage would compress it to a fraction.
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Kosten- und Finanzierungsplan\tPersonal\t30.000 €\n", 2_000)) + Guid.NewGuid());

        using var answer = await Upload(Applicant, id, text, "Finanzierungsplan.txt", 1, "financingPlan");

        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var hash = Convert.ToHexStringLower(SHA256.HashData(text));
        var stored = await Count($"SELECT sum(pg_column_size(data)) FROM {{0}}.{DocumentStorage.ChunkTable} WHERE sha256 = '{hash}'");
        var length = await Count($"SELECT sum(octet_length(data)) FROM {{0}}.{DocumentStorage.ChunkTable} WHERE sha256 = '{hash}'");
        length.ShouldBe(text.Length);
        stored.ShouldBe(length, "the chunk was compressed");
    }

    [Fact]
    public async Task The_storage_setting_is_left_alone_at_the_next_start_and_set_again_where_it_was_lost()
    {
        foreach (var table in Columns) (await StorageOf(table)).ShouldBe(UncompressedColumn.External);
        (await StorageDeltas()).ShouldAllBe(d => d == SchemaPatchDifference.None);

        // A store whose columns have PostgreSQL's default storage (one from before): the next start sets it.
        foreach (var table in Columns) await Sql($"ALTER TABLE {{0}}.{table} ALTER COLUMN data SET STORAGE EXTENDED");
        (await StorageDeltas()).ShouldAllBe(d => d == SchemaPatchDifference.Create);
        await Store.Storage.Database.ApplyAllConfiguredChangesToDatabaseAsync(ct: TestContext.Current.CancellationToken);

        foreach (var table in Columns) (await StorageOf(table)).ShouldBe(UncompressedColumn.External);
    }

    private async Task<string> StorageOf(string table) =>
        (string)(await Scalar($"SELECT attstorage::text FROM pg_attribute WHERE attrelid = '{{0}}.{table}'::regclass AND attname = 'data'"))!;

    private async Task<IReadOnlyList<SchemaPatchDifference>> StorageDeltas()
    {
        var migration = await Store.Storage.Database.CreateMigrationAsync(TestContext.Current.CancellationToken);
        var deltas = migration.Deltas.Where(d => d.SchemaObject is UncompressedColumn).Select(d => d.Difference).ToList();
        deltas.Count.ShouldBe(Columns.Length);
        return deltas;
    }
}
