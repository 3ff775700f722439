using System.Text.Json;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Documents;
using JasperFx.CommandLine;
using Marten;
using Npgsql;

namespace Fachwerk.Host.Audit;

public sealed class VerifyChainsInput : NetCoreInput
{
    [Description("Verify only this stream (its id); without it, every stream")]
    public string StreamId { get; set; } = "";

    [Description("Also write the digest of all chain heads (JSON) to this file, to keep outside the system")]
    [FlagAlias("digest", longAliasOnly: true)]
    public string? DigestFlag { get; set; }

    [Description("Compare the store with a digest written earlier: proves nothing recorded then was rewritten")]
    [FlagAlias("against", longAliasOnly: true)]
    public string? AgainstFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project Host -- verify-chains [streamId] [--digest file] [--against file]</c>: recomputes the events'
/// hash chains (the same verification as <c>GET /api/audit/chains/verification</c>) and reports the first broken link of
/// each broken stream; re-hashes the stored documents and reports those that differ or are missing. Exits with 1 when a chain is
/// broken, a document differs or is missing, or the store differs from the earlier digest.
/// </summary>
[Description("Recompute the events' hash chains and report the first broken link of each stream", Name = "verify-chains")]
public sealed class VerifyChainsCommand : JasperFxAsyncCommand<VerifyChainsInput>
{
    public VerifyChainsCommand()
    {
        Usage("Verify every stream");
        Usage("Verify one stream").Arguments(x => x.StreamId);
    }

    public override async Task<bool> Execute(VerifyChainsInput input)
    {
        using var host = input.BuildHost();
        return await RunAsync(input, host.Services, Console.Out, CancellationToken.None);
    }

    /// <summary>The command against a running host's services, writing its report to <paramref name="output"/>; true when all is well.</summary>
    public static async Task<bool> RunAsync(VerifyChainsInput input, IServiceProvider services, TextWriter output, CancellationToken cancellation)
    {
        Guid? streamId = null;
        if (!string.IsNullOrWhiteSpace(input.StreamId))
        {
            if (!Guid.TryParse(input.StreamId, out var id))
            {
                await output.WriteLineAsync($"'{input.StreamId}' is not a stream id (a GUID).");
                return false;
            }

            streamId = id;
        }

        var verifier = services.GetRequiredService<EventChainVerifier>();
        ChainVerification verification;
        try
        {
            verification = await verifier.VerifyAsync(streamId, cancellation);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await output.WriteLineAsync(
                $"The event chain is not installed in this database yet ({e.MessageText}). Start the service once, or run 'db-apply'.");
            return false;
        }

        await output.WriteLineAsync(streamId is null
            ? $"Verified {verification.Streams} streams, {verification.Events} events."
            : $"Verified stream {streamId}: {verification.Events} events.");
        if (streamId is not null && verification.Streams == 0)
        {
            await output.WriteLineAsync($"There is no stream with id {streamId}.");
            return false;
        }

        foreach (var broken in verification.Breaks)
            await output.WriteLineAsync($"BROKEN stream {broken.StreamId} at version {broken.Version}: {broken.Kind}. {broken.Detail}" +
                                        (broken.ExpectedHash is null ? "" : $" Recomputed {broken.ExpectedHash}, stored {broken.StoredHash ?? "(none)"}."));
        await output.WriteLineAsync(verification.Intact ? "All chains are intact." : $"{verification.Breaks.Count} broken chain(s).");

        var ok = verification.Intact;
        var documents = await services.GetRequiredService<DocumentVerifier>().VerifyAsync(streamId, cancellation);
        foreach (var finding in documents.Findings)
            await output.WriteLineAsync($"DOCUMENT {finding.Fault.ToString().ToUpperInvariant()} {finding.DocumentId} ({finding.FileName}) of " +
                                        (finding.ParticipantId is { } participant ? $"participant {participant} of pilot " : "application ") +
                                        $"{finding.ApplicationId}: its event names SHA-256 {finding.Sha256}, the store has " +
                                        (finding.StoredSha256 is null ? "nothing under it." : $"{finding.StoredSha256} ({finding.StoredSize} bytes)."));
        await output.WriteLineAsync(documents.Intact
            ? $"All {documents.Documents} document(s) match their hashes."
            : $"{documents.Findings.Count} of {documents.Documents} document(s) differ or are missing.");
        ok &= documents.Intact;
        if (input.DigestFlag is { Length: > 0 } digestFile)
        {
            var digest = ChainDigest.Of(verification, Environment.UserName);
            await File.WriteAllTextAsync(digestFile, JsonSerializer.Serialize(digest, AuditJson.Options), cancellation);
            await output.WriteLineAsync($"Digest {digest.Digest} over {digest.Heads.Count} chain heads written to {digestFile}.");
        }

        if (input.AgainstFlag is { Length: > 0 } earlierFile)
        {
            var earlier = JsonSerializer.Deserialize<ChainDigest>(await File.ReadAllTextAsync(earlierFile, cancellation), AuditJson.Options)
                          ?? throw new InvalidOperationException($"{earlierFile} holds no digest.");
            var comparison = await ChainDigests.CompareAsync(earlier, verifier, services.GetRequiredService<IDocumentStore>(), cancellation);
            if (!comparison.DigestMatchesItsHeads)
                await output.WriteLineAsync($"The digest in {earlierFile} does not match its own list of heads: the file was altered.");
            foreach (var head in comparison.Rewritten)
                await output.WriteLineAsync($"REWRITTEN stream {head.StreamId} at version {head.Version}: the digest recorded {head.HashInDigest}, " +
                                            $"the store has {head.HashNow ?? "no such link"}.");
            await output.WriteLineAsync(comparison.NothingRewritten
                ? $"Nothing recorded in the digest of {earlier.ExportedAt:O} ({comparison.StreamsInDigest} streams) was rewritten."
                : "The store differs from the earlier digest.");
            ok &= comparison.NothingRewritten;
        }

        return ok;
    }
}
