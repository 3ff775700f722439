using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Application.Privacy;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>The application stream's hash chain as of the export: whether it verifies, its links, and the digest of its head.</summary>
public sealed record CaseFileChain(Guid StreamId, bool Intact, ChainBreak? Break, long Version, string? HeadHash, string Digest, IReadOnlyList<ChainLink> Links);

/// <summary>A section contributed through <see cref="ICaseFileSection"/> (e.g. payments).</summary>
public sealed record CaseFileSectionContent(string Key, Label Title, object? Content);

/// <summary>
/// Everything an auditor needs about one application, self-contained: the application now, each vote and decision beside
/// the state it was based on, the full timeline, the rule re-check, the stream's hash chain with its digest, and the
/// sections other parts contribute (payments).
/// </summary>
public sealed record CaseFile(
    string Format,
    Guid ApplicationId,
    string Title,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    ApplicationDetails Current,
    IReadOnlyList<DecisionOnRecord> Decisions,
    StreamTimeline Timeline,
    ApplicationRuleCheck? RuleCheck,
    CaseFileChain Chain,
    IReadOnlyList<CaseFileSectionContent> Sections,
    IReadOnlyList<string> SectionsNotCovered);

public static class CaseFiles
{
    public const string Format = "fachwerk-case-file/v1";
    public const string JsonName = "case-file.json";
    public const string HtmlName = "case-file.html";
    public const string ChecksumsName = "SHA256SUMS";

    public static async Task<CaseFile?> BuildAsync(
        Guid applicationId, IQuerySession session, EventChainVerifier chains, CaseFileSections sections, string generatedBy, DateTimeOffset now,
        CancellationToken cancellation)
    {
        if (await DecisionProvenances.LoadAsync(session, applicationId, cancellation) is not { } provenance) return null;
        var timeline = (await StreamTimelines.LoadAsync(session, applicationId, 0, cancellation))!;
        var ruleCheck = await session.LoadAsync<ApplicationRuleCheck>(applicationId, cancellation);

        var verification = await chains.VerifyAsync(applicationId, cancellation);
        var links = await chains.LinksAsync(applicationId, cancellation);
        var head = verification.Heads.SingleOrDefault();
        var chain = new CaseFileChain(applicationId, verification.Intact, verification.Breaks.FirstOrDefault(), head?.Version ?? 0, head?.Hash,
            EventChainHash.Digest(verification.Heads), links);

        var contributed = new List<CaseFileSectionContent>();
        foreach (var section in sections.All)
        {
            if (await section.BuildAsync(applicationId, session, cancellation) is { } content)
                contributed.Add(new CaseFileSectionContent(section.Key, section.Title, content));
        }

        return new CaseFile(Format, applicationId, provenance.Current.Plan.Title, now, generatedBy, provenance.Current, provenance.Decisions, timeline,
            ruleCheck, chain, contributed, sections.NotCovered);
    }

    /// <summary>The folder of the zip that holds the application's documents, one folder per document id.</summary>
    public const string DocumentsFolder = "documents";

    /// <summary>
    /// The download: case-file.json, case-file.html, the application's documents (<c>documents/{id}/{file name}</c>, copied chunk by
    /// chunk from the store) and the SHA-256 sums of all, in one zip written to <paramref name="target"/>. A document's sum is the
    /// one its event recorded, so a document whose stored bytes were altered fails <c>sha256sum -c SHA256SUMS</c>.
    /// </summary>
    public static async Task WriteZipAsync(CaseFile caseFile, Stream target, DocumentContent documents, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(documents);
        var json = JsonSerializer.SerializeToUtf8Bytes(caseFile, AuditJson.Options);
        var html = Encoding.UTF8.GetBytes(CaseFileHtml.Render(caseFile));
        var sums = new StringBuilder($"{EventChainHash.Hex(SHA256.HashData(json))}  {JsonName}\n{EventChainHash.Hex(SHA256.HashData(html))}  {HtmlName}\n");

        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in new[] { (JsonName, json), (HtmlName, html) })
        {
            await using var stream = Entry(zip, name, caseFile.GeneratedAt).Open();
            await stream.WriteAsync(content, cancellation);
        }

        foreach (var document in caseFile.Current.Documents)
        {
            var name = $"{DocumentsFolder}/{document.DocumentId}/{document.FileName}";
            await using (var stream = Entry(zip, name, document.AttachedAt).Open())
                if (await documents.ExistsAsync(document.Sha256, cancellation)) await documents.CopyToAsync(document.Sha256, stream, cancellation);
            sums.Append(CultureInfo.InvariantCulture, $"{document.Sha256}  {name}\n");
        }

        await using (var stream = Entry(zip, ChecksumsName, caseFile.GeneratedAt).Open())
            await stream.WriteAsync(Encoding.UTF8.GetBytes(sums.ToString()), cancellation);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        return entry;
    }
}

public static class ExportCaseFileEndpoint
{
    /// <summary>
    /// Exports the case file of one application. A zip with <c>case-file.json</c>, <c>case-file.html</c>, the application's documents
    /// and <c>SHA256SUMS</c>: its history, payments, proofs, documents with their hashes, and the state of its hash chain.
    /// </summary>
    [Authorize(Roles = Roles.Auditors)]
    [EnableRateLimiting(RateLimitPolicies.Expensive)]
    [WolverineGet("/api/audit/applications/{applicationId}/case-file")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/zip")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        Guid applicationId, IQuerySession session, EventChainVerifier chains, CaseFileSections sections, DocumentContent documents, ClaimsPrincipal user,
        PersonalDataVault vault, TimeProvider clock, CancellationToken cancellation)
    {
        var caseFile = await CaseFiles.BuildAsync(applicationId, session, chains, sections, user.UserId(), clock.GetUtcNow(), cancellation);
        if (caseFile is null) return AuditProblems.ApplicationNotFound(applicationId);
        // A natural person's payee account: opened for auditors (who read personal data), erased once the person's key is gone (ADR 0084).
        caseFile = caseFile with
        {
            Current = await PayeeSealing.OpenedAsync(caseFile.Current, user.HoldsAnyOf(GetApplicantPersonEndpoint.PersonalDataReaders), session, vault,
                cancellation),
        };

        // Written to a temporary file rather than memory: with its documents a case file may be large.
        var zip = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await CaseFiles.WriteZipAsync(caseFile, zip, documents, cancellation);
            zip.Position = 0;
            return Results.File(zip, "application/zip", $"case-file-{applicationId}.zip");
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
    }
}
