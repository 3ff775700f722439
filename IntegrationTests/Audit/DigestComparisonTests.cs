using Fachwerk.Application.Audit;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary><c>POST /api/audit/chains/digest-comparisons</c>: the store compared with a digest exported earlier, as <c>verify-chains --against</c> does.</summary>
public class DigestComparisonTests(AppFixture fixture) : AuditApi(fixture)
{
    private const string Comparisons = "/api/audit/chains/digest-comparisons";

    [Fact]
    public async Task A_digest_sent_back_unchanged_finds_nothing_rewritten_and_records_nothing()
    {
        await Approved();
        var digest = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");
        var events = await EventCount();

        // Events recorded after the digest change nothing it covers.
        await Submitted(await LaunchProgramme());
        var comparison = await Post<ChainDigestComparison>(Auditor, Comparisons, digest);

        comparison.NothingRewritten.ShouldBeTrue();
        comparison.DigestMatchesItsHeads.ShouldBeTrue();
        comparison.ChainsIntact.ShouldBeTrue();
        comparison.StreamsInDigest.ShouldBe(digest.Heads.Count);
        comparison.Unchanged.Count.ShouldBe(digest.Heads.Count);
        comparison.Rewritten.ShouldBeEmpty();
        (await Post<ChainDigestComparison>(Administrator, Comparisons, digest)).NothingRewritten.ShouldBeTrue();
        (await EventCount()).ShouldBeGreaterThan(events);
    }

    [Fact]
    public async Task An_event_deleted_with_its_link_after_the_digest_shows_as_a_rewritten_head()
    {
        var id = await Approved();
        var digest = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");
        var head = digest.Heads.Single(h => h.StreamId == id);

        await Sql($"DELETE FROM {{schema}}.mt_events WHERE stream_id = '{id}' AND version = {head.Version}; " +
                  $"DELETE FROM {{schema}}.{EventChainStorage.TableName} WHERE stream_id = '{id}' AND version = {head.Version}");
        var comparison = await Post<ChainDigestComparison>(Auditor, Comparisons, digest);

        comparison.NothingRewritten.ShouldBeFalse();
        var rewritten = comparison.Rewritten.ShouldHaveSingleItem();
        (rewritten.StreamId, rewritten.Version, rewritten.HashInDigest, rewritten.HashNow).ShouldBe((id, head.Version, head.Hash, (string?)null));
        comparison.Unchanged.Count.ShouldBe(digest.Heads.Count - 1);
    }

    [Fact]
    public async Task A_digest_whose_file_was_altered_no_longer_matches_its_heads()
    {
        await Approved();
        var digest = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");
        var altered = digest with { Heads = [.. digest.Heads.Skip(1)] };

        var comparison = await Post<ChainDigestComparison>(Auditor, Comparisons, altered);

        comparison.DigestMatchesItsHeads.ShouldBeFalse();
        comparison.NothingRewritten.ShouldBeFalse();
    }

    [Fact]
    public async Task Something_that_is_no_digest_answers_400_and_people_other_than_auditors_403()
    {
        var digest = await Get<ChainDigest>(Auditor, "/api/audit/chains/digest");

        var problem = await ValidationProblemOf(await Post(Auditor, Comparisons, new { not = "a digest" }, 400));
        problem.Errors.Keys.ShouldContain("digest");
        problem.Errors.Keys.ShouldContain("heads");
        var badHead = await ValidationProblemOf(await Post(Auditor, Comparisons,
            digest with { Heads = [new ChainHead(Guid.Empty, 0, "")] }, 400));
        badHead.Errors.Keys.ShouldContain("heads[0].version");
        await Post(Auditor, Comparisons, "not json at all", 400);
        await Post(Caseworker, Comparisons, digest, 403);
        await Post(Applicant, Comparisons, digest, 403);
    }
}
