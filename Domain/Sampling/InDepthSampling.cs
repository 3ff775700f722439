using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Sampling;

/// <summary>A checked proof of use that may be drawn, with its risk factors.</summary>
/// <param name="ApplicationId">The application the proof belongs to.</param>
/// <param name="Proof">The proof of use, e.g. final or interim-2027.</param>
/// <param name="Paid">What the application was paid, in EUR.</param>
/// <param name="FirstCheckFindings">How many findings its first check had.</param>
public sealed record SampleCandidate(Guid ApplicationId, string Proof, decimal Paid, int FirstCheckFindings);

/// <summary>
/// The sampling rule, recorded with every sample so that it can be re-run: everything at or above
/// <paramref name="HighRiskAmount"/> paid, or with findings in the first check, is drawn; the rest in the seeded order until at
/// least <paramref name="MinimumRate"/> of the population is drawn.
/// </summary>
/// <param name="MinimumRate">The share of the population drawn at least (0.10 = 10 %).</param>
/// <param name="HighRiskAmount">Proofs of applications paid at least this much (EUR) are always drawn.</param>
public sealed record SampleRule(decimal MinimumRate, decimal HighRiskAmount)
{
    public static readonly SampleRule Default = new(0.10m, 100_000m);

    public string Describe() =>
        $"High risk (always drawn): first-check findings, or at least {HighRiskAmount.ToString("#,##0.00", CultureInfo.InvariantCulture)} EUR paid. " +
        $"Others are ordered by SHA-256(seed:applicationId:proof) and drawn in that order until at least " +
        $"{(MinimumRate * 100).ToString("0.##", CultureInfo.InvariantCulture)} % of the population (rounded up) is drawn.";
}

public sealed record InDepthSampleDrawn(
    Guid SampleId,
    Guid ProgrammeId,
    Period FirstCheckedBetween,
    SampleRule Rule,
    int Seed,
    IReadOnlyList<SampleCandidate> Population,
    IReadOnlyList<SampleCandidate> Selected,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A risk-based sample of proofs of use for in-depth checks, as drawn.</summary>
public sealed record InDepthSample(Guid Id, Guid ProgrammeId, int Seed, SampleRule Rule, IReadOnlyList<SampleCandidate> Population,
    IReadOnlyList<SampleCandidate> Selected) : IEventSourced<InDepthSample>
{
    public static InDepthSample Evolve(InDepthSample? sample, object @event) => (sample, @event) switch
    {
        (null, InDepthSampleDrawn drawn) => new InDepthSample(drawn.SampleId, drawn.ProgrammeId, drawn.Seed, drawn.Rule, drawn.Population, drawn.Selected),
        (null, _) => throw new UnexpectedFirstEventException(typeof(InDepthSample), @event),
        _ => sample,
    };
}

/// <summary>
/// Draws the risk-based sample for in-depth checks: reproducible from the population, the rule and the seed alone, so an
/// auditor can re-run it and get the same selection.
/// </summary>
public static class InDepthSampling
{
    public static IReadOnlyList<SampleCandidate> Select(IReadOnlyList<SampleCandidate> population, SampleRule rule, int seed)
    {
        if (population.Count == 0) return [];
        var minimum = (int)Math.Ceiling(population.Count * rule.MinimumRate);
        var highRisk = population.Where(c => c.FirstCheckFindings > 0 || c.Paid >= rule.HighRiskAmount).ToList();
        var others = population.Except(highRisk)
            .OrderBy(c => Rank(seed, c), StringComparer.Ordinal)
            .Take(Math.Max(0, minimum - highRisk.Count));
        return [.. highRisk.Concat(others).OrderBy(c => c.ApplicationId).ThenBy(c => c.Proof, StringComparer.Ordinal)];
    }

    public static InDepthSampleDrawn Draw(
        Guid sampleId, Guid programmeId, Period firstCheckedBetween, IReadOnlyList<SampleCandidate> population, SampleRule rule, int seed, Stamp stamp)
    {
        if (rule.MinimumRate is < 0.10m or > 1m)
            throw new RuleViolation("sample.rate", "An in-depth sample draws at least 10 % (and at most all) of the checked proofs.");
        if (population.Count == 0)
            throw new RuleViolation("sample.empty-population",
                $"No proofs of use had their first check between {firstCheckedBetween.From:yyyy-MM-dd} and {firstCheckedBetween.To:yyyy-MM-dd} without being sampled.");
        return new InDepthSampleDrawn(sampleId, programmeId, firstCheckedBetween, rule, seed, population, Select(population, rule, seed), stamp.By, stamp.At);
    }

    private static string Rank(int seed, SampleCandidate candidate) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{seed.ToString(CultureInfo.InvariantCulture)}:{candidate.ApplicationId:D}:{candidate.Proof}")));
}
