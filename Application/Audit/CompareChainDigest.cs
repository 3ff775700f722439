using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

public sealed class ChainDigestValidator : AbstractValidator<ChainDigest>
{
    /// <summary>A SHA-256 in hex is 64 characters; a little room for another scheme's longer hash.</summary>
    private const int HashLength = 128;

    public ChainDigestValidator()
    {
        RuleFor(x => x.Digest).NotEmpty().MaximumLength(HashLength);
        RuleFor(x => x.Scheme).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.DigestAlgorithm).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.ExportedBy).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Heads).NotNull().WithMessage("The digest lists the chain heads it was made of (heads).");
        RuleForEach(x => x.Heads).ChildRules(head =>
        {
            head.RuleFor(h => h.StreamId).NotEmpty();
            head.RuleFor(h => h.Version).GreaterThanOrEqualTo(1);
            head.RuleFor(h => h.Hash).NotEmpty().MaximumLength(HashLength);
        });
    }
}

public static class CompareChainDigestEndpoint
{
    /// <summary>
    /// Compares the store with a chain digest exported earlier (the file of <c>GET /api/audit/chains/digest</c>, sent back as it
    /// is): whether the digest still matches its own list of heads, whether every chain verifies now, and which earlier heads
    /// the store no longer holds unchanged. Changes nothing.
    /// </summary>
    /// <remarks>The command line does the same: <c>verify-chains --against digest.json</c>.</remarks>
    [Authorize(Roles = Roles.Auditors)]
    [EnableRateLimiting(RateLimitPolicies.Expensive)]
    [WolverinePost("/api/audit/chains/digest-comparisons")]
    public static Task<ChainDigestComparison> Post(ChainDigest digest, EventChainVerifier verifier, IDocumentStore store, CancellationToken cancellation) =>
        ChainDigests.CompareAsync(digest, verifier, store, cancellation);
}
