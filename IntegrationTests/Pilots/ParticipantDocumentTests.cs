using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// Documents of pilot participants (ADR 0105): stored sealed with a key derived from the person's own key, read by whoever reads
/// their personal data, unreadable by anyone once their personal data are erased, and uploaded with the limits of every upload.
/// </summary>
public class ParticipantDocumentTests(AppFixture fixture) : PilotApi(fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A plain-text certificate of two chunks (so chunks are sealed and opened one by one), with a marker to search for.</summary>
    private static byte[] Certificate(string marker) =>
        Encoding.UTF8.GetBytes($"Zeugnis der Prüfung zur Elektronikerin, Anna Testa, {marker}\n" + new string('x', DocumentContent.ChunkBytes + 40_000));

    private async Task<(Guid Pilot, Guid Participant, long Version)> Enrolled()
    {
        var pilot = await Launch(RunningPhase);
        var (participant, version) = await EnrolParticipant(pilot.Id, pilot.Version, Today);
        return (pilot.Id, participant, version);
    }

    private async Task<HttpResponseMessage> Upload(
        DemoUser user, Guid pilot, Guid participant, byte[] bytes, string fileName, long? version, string kind = "qualification")
    {
        var url = $"/api/pilots/{pilot}/participants/{participant}/documents";
        using var client = Client(user, url);
        using var form = new MultipartFormDataContent();
        if (version is { } v) form.Add(new StringContent(v.ToString(System.Globalization.CultureInfo.InvariantCulture)), "expectedVersion");
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form, Cancellation);
    }

    private async Task<HttpResponseMessage> Download(DemoUser user, Guid pilot, Guid participant, Guid document)
    {
        var url = $"/api/pilots/{pilot}/participants/{participant}/documents/{document}";
        using var client = Client(user, url);
        return await client.GetAsync(url, Cancellation);
    }

    private async Task<(Guid Document, long Version)> Uploaded(Guid pilot, Guid participant, long version, byte[] bytes, string fileName)
    {
        using var answer = await Upload(Lead, pilot, participant, bytes, fileName, version);
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(Cancellation));
        var added = System.Text.Json.JsonSerializer.Deserialize<PilotItemAdded>(await answer.Content.ReadAsStringAsync(Cancellation), Json)!;
        added.Version.ShouldBe(version + 1);
        (await Details(pilot)).Version.ShouldBe(added.Version, "the pilot's details name the version the next command expects");
        return (added.ItemId, added.Version);
    }

    /// <summary>The stored chunks of a content, in order, as the database holds them.</summary>
    private async Task<byte[]> StoredBytes(string sha256)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            $"SELECT data FROM {Store.Options.Events.DatabaseSchemaName}.{DocumentStorage.ChunkTable} WHERE sha256 = @hash ORDER BY seq", connection);
        command.Parameters.AddWithValue("hash", sha256);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var bytes = new List<byte>();
        while (await reader.ReadAsync(Cancellation)) bytes.AddRange(await reader.GetFieldValueAsync<byte[]>(0, Cancellation));
        return [.. bytes];
    }

    private async Task<long> StagedRows()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Store.Options.Events.DatabaseSchemaName}.{DocumentStorage.UploadTable}", connection);
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    [Fact]
    public async Task A_document_is_stored_sealed_and_opened_only_for_those_who_read_the_persons_data()
    {
        var (pilot, participant, version) = await Enrolled();
        var marker = Guid.NewGuid().ToString("N");
        var certificate = Certificate(marker);

        var (document, _) = await Uploaded(pilot, participant, version, certificate, "Zeugnis_Anna_Testa.txt");

        var listed = (await Participant(pilot, participant)).Documents.ShouldHaveSingleItem();
        (listed.DocumentId, listed.FileName, listed.MediaType, listed.Size, listed.Kind)
            .ShouldBe((document, "Zeugnis_Anna_Testa.txt", "text/plain; charset=utf-8", (long)certificate.Length, ParticipantDocumentKind.Qualification));

        var stored = await StoredBytes(listed.Sha256);
        Convert.ToHexStringLower(SHA256.HashData(stored)).ShouldBe(listed.Sha256, "the event names the hash of what is stored");
        listed.Sha256.ShouldNotBe(Convert.ToHexStringLower(SHA256.HashData(certificate)), "the plain file's hash would fingerprint it");
        stored.Length.ShouldBe(certificate.Length + 2 * PersonalDocumentKey.TagSize);
        Encoding.Latin1.GetString(stored).ShouldNotContain(marker);
        Encoding.Latin1.GetString(stored).ShouldNotContain("Zeugnis");
        await using (var session = Store.QuerySession())
        {
            var attached = (await session.Events.QueryRawEventDataOnly<PilotParticipantDocumentAttached>().ToListAsync(Cancellation)).ShouldHaveSingleItem();
            attached.FileName.Ciphertext.ShouldNotContain("Zeugnis");
        }

        foreach (var reader in new[] { Lead, DemoUsers.Caseworker, DemoUsers.Auditor })
        {
            using var download = await Download(reader, pilot, participant, document);
            download.StatusCode.ShouldBe(HttpStatusCode.OK, reader.Id);
            (await download.Content.ReadAsByteArrayAsync(Cancellation)).ShouldBe(certificate);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Zeugnis_Anna_Testa.txt");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        foreach (var stranger in new[] { DemoUsers.Applicant, DemoUsers.Approver, DemoUsers.AllianceReviewer, DemoUsers.Administrator })
        {
            using var refused = await Download(stranger, pilot, participant, document);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, stranger.Id);
        }

        using var unknown = await Download(Lead, pilot, participant, Guid.NewGuid());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var verification = await Host.Services.GetRequiredService<DocumentVerifier>().VerifyAsync(pilot, Cancellation);
        (verification.Documents, verification.Intact).ShouldBe((1, true));
    }

    [Fact]
    public async Task After_erasure_the_document_answers_410_its_name_is_gone_its_bytes_stay_sealed_and_no_new_one_is_taken()
    {
        var (pilot, participant, version) = await Enrolled();
        var certificate = Certificate(Guid.NewGuid().ToString("N"));
        var (document, afterUpload) = await Uploaded(pilot, participant, version, certificate, "Zeugnis_Anna_Testa.txt");
        var erased = (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{participant}/erasure",
            new EraseParticipantData(afterUpload, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031"))).Version;

        using var gone = await Download(Lead, pilot, participant, document);
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Microsoft.AspNetCore.Mvc.ProblemDetails>(await gone.Content.ReadAsStringAsync(Cancellation), Json)!;
        problem.Type.ShouldEndWith(DownloadParticipantDocumentEndpoint.ErasedCode);

        var view = await Participant(pilot, participant);
        view.PersonalDataStatus.ShouldBe(PersonalDataStatus.Erased);
        var listed = view.Documents.ShouldHaveSingleItem();
        listed.FileName.ShouldBeNull();
        await using (var session = Store.QuerySession())
            (await Host.Services.GetRequiredService<PersonalDataVault>().DocumentKeyAsync(session, participant, document, Cancellation)).ShouldBeNull();
        (await StoredBytes(listed.Sha256)).ShouldNotBeEmpty("the sealed bytes stay for the audit trail, unreadable");
        (await Host.Services.GetRequiredService<DocumentVerifier>().VerifyAsync(pilot, Cancellation)).Intact.ShouldBeTrue();

        var events = await EventCount();
        using var refused = await Upload(Lead, pilot, participant, TestDocuments.Pdf(), "Aufenthaltstitel.pdf", erased, "residencePermit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await EventCount()).ShouldBe(events);
        (await StagedRows()).ShouldBe(0);
    }

    [Theory]
    [InlineData("exe", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("empty", HttpStatusCode.BadRequest)]
    [InlineData("too-large", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("no-kind", HttpStatusCode.BadRequest)]
    [InlineData("stale", HttpStatusCode.Conflict)]
    [InlineData("unknown-participant", HttpStatusCode.NotFound)]
    [InlineData("caseworker", HttpStatusCode.Forbidden)]
    public async Task Refused_uploads_answer_like_every_upload_and_store_nothing(string input, HttpStatusCode status)
    {
        var (pilot, participant, version) = await Enrolled();
        var events = await EventCount();
        var maxBytes = Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value.MaxBytes;
        var bytes = input switch
        {
            "exe" => TestDocuments.Exe(),
            "empty" => [],
            "too-large" => [.. TestDocuments.Pdf(), .. new byte[maxBytes]],
            _ => TestDocuments.Pdf(),
        };

        using var answer = await Upload(input == "caseworker" ? DemoUsers.Caseworker : Lead, pilot, input == "unknown-participant" ? Guid.NewGuid() : participant,
            bytes, "Vertrag.pdf", input == "stale" ? version - 1 : version, input == "no-kind" ? "" : "employmentContract");

        answer.StatusCode.ShouldBe(status);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await EventCount()).ShouldBe(events);
        (await StagedRows()).ShouldBe(0);
        (await Participant(pilot, participant)).Documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task Altered_sealed_bytes_are_found_by_verification()
    {
        var (pilot, participant, version) = await Enrolled();
        await Uploaded(pilot, participant, version, TestDocuments.Pdf(), "Lebenslauf.pdf");
        var sha256 = (await Participant(pilot, participant)).Documents.Single().Sha256;

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = new NpgsqlCommand(
                $"UPDATE {Store.Options.Events.DatabaseSchemaName}.{DocumentStorage.ChunkTable} SET data = overlay(data placing '\\x00'::bytea from 1) WHERE sha256 = @hash",
                connection);
            command.Parameters.AddWithValue("hash", sha256);
            (await command.ExecuteNonQueryAsync(Cancellation)).ShouldBe(1);
        }

        var finding = (await Host.Services.GetRequiredService<DocumentVerifier>().VerifyAsync(pilot, Cancellation)).Findings.ShouldHaveSingleItem();
        (finding.Fault, finding.ParticipantId, finding.FileName).ShouldBe((DocumentFault.Altered, participant, "(sealed)"));
    }
}
