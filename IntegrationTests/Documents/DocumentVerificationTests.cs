using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Host.Audit;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>Stored documents re-hashed by the verification, and carried with their hashes in the auditors' case file.</summary>
public class DocumentVerificationTests(AppFixture fixture) : DocumentApi(fixture)
{
    [Fact]
    public async Task Verification_reports_a_document_whose_stored_bytes_were_altered_and_one_whose_bytes_are_gone()
    {
        var id = await Draft(await LaunchProgramme());
        var statutes = Padded(TestDocuments.Pdf(), DocumentContent.ChunkBytes + 10); // two chunks: the second is altered
        var plan = TestDocuments.Text();
        using var first = await Upload(Applicant, id, statutes, "Satzung.pdf", 1, "statutes");
        using var second = await Upload(Applicant, id, plan, "Finanzierungsplan.txt", 2, "financingPlan");
        var statutesHash = Convert.ToHexStringLower(SHA256.HashData(statutes));
        var planHash = Convert.ToHexStringLower(SHA256.HashData(plan));

        var before = (await Verification(id)).Documents!;
        (before.Documents, before.Intact, before.Findings.Count).ShouldBe((2, true, 0), "before anything was altered");

        await Sql($"UPDATE {{0}}.{DocumentStorage.ChunkTable} SET data = overlay(data placing '\\x58'::bytea from 3) WHERE sha256 = '{statutesHash}' AND seq = 1");
        await Sql($"DELETE FROM {{0}}.{DocumentStorage.ChunkTable} WHERE sha256 = '{planHash}'; DELETE FROM {{0}}.{DocumentStorage.ContentTable} WHERE sha256 = '{planHash}'");

        var verification = await Verification(id);
        verification.Intact.ShouldBeTrue("the events' chains are untouched");
        verification.Documents!.Intact.ShouldBeFalse();
        verification.Documents.Findings.Select(f => (f.FileName, f.Fault)).ShouldBe(
            [("Satzung.pdf", DocumentFault.Altered), ("Finanzierungsplan.txt", DocumentFault.Missing)], ignoreOrder: true);
        var altered = verification.Documents.Findings.Single(f => f.Fault == DocumentFault.Altered);
        altered.Sha256.ShouldBe(statutesHash);
        altered.StoredSha256.ShouldNotBe(statutesHash);
        altered.StoredSize.ShouldBe(statutes.Length);

        var output = new StringWriter();
        (await VerifyChainsCommand.RunAsync(new VerifyChainsInput(), Host.Services, output, TestContext.Current.CancellationToken)).ShouldBeFalse();
        output.ToString().ShouldContain($"DOCUMENT ALTERED {altered.DocumentId} (Satzung.pdf) of application {id}");
        output.ToString().ShouldContain("DOCUMENT MISSING");
        output.ToString().ShouldContain("2 of 2 document(s) differ or are missing.");
    }

    [Fact]
    public async Task The_case_file_carries_the_documents_with_the_hashes_their_events_recorded()
    {
        var id = await Draft(await LaunchProgramme());
        var pdf = TestDocuments.Pdf();
        using var answer = await Upload(Applicant, id, pdf, "Satzung.pdf", 1, "statutes");
        var document = (await ReadAsync<CommandAccepted>(answer)).Created!.Key;

        var url = $"/api/audit/applications/{id}/case-file";
        using var client = Client(DemoUsers.Auditor, url);
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync(url, TestContext.Current.CancellationToken)), ZipArchiveMode.Read);

        var name = $"documents/{document}/Satzung.pdf";
        await using (var entry = await zip.GetEntry(name)!.OpenAsync(TestContext.Current.CancellationToken))
        {
            using var bytes = new MemoryStream();
            await entry.CopyToAsync(bytes, TestContext.Current.CancellationToken);
            bytes.ToArray().ShouldBe(pdf);
        }

        await using var sums = await zip.GetEntry(CaseFiles.ChecksumsName)!.OpenAsync(TestContext.Current.CancellationToken);
        (await new StreamReader(sums, Encoding.UTF8).ReadToEndAsync(TestContext.Current.CancellationToken))
            .ShouldContain($"{Convert.ToHexStringLower(SHA256.HashData(pdf))}  {name}\n");
    }

    private async Task<ChainVerification> Verification(Guid application) =>
        await Get<ChainVerification>(DemoUsers.Auditor, $"/api/audit/chains/verification?streamId={application}");
}
