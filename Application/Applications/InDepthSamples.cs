using System.Security.Claims;
using System.Security.Cryptography;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Draws the risk-based sample of proofs of use for in-depth checks among those first-checked in the given period and not
/// sampled before. Without a seed a random one is drawn; it is recorded either way.
/// </summary>
/// <param name="FirstCheckedBetween">The period whose first-checked proofs of use form the population.</param>
/// <param name="Seed">The seed of the order the rest is drawn in; without one a random seed is drawn and recorded.</param>
/// <param name="MinimumRate">The share of the population drawn at least (0.10 = 10 %).</param>
/// <param name="HighRiskAmount">Proofs of applications paid at least this much (EUR) are always drawn.</param>
public sealed record DrawInDepthSample(
    Period FirstCheckedBetween, int? Seed = null, decimal MinimumRate = 0.10m, decimal HighRiskAmount = 100_000m, string? Reason = null) : ICommand;

public sealed class DrawInDepthSampleValidator : AbstractValidator<DrawInDepthSample>
{
    public DrawInDepthSampleValidator()
    {
        this.PeriodRules(x => x.FirstCheckedBetween);
        RuleFor(x => x.MinimumRate).InclusiveBetween(0.10m, 1m).WithMessage("An in-depth sample draws at least 10 % (0.10) and at most all (1).");
        RuleFor(x => x.HighRiskAmount).Money();
        this.OptionalReasonRule();
    }
}

/// <summary>A sample as drawn, and whether re-running the rule with its seed gives the same selection.</summary>
/// <param name="Id">The sample's id.</param>
/// <param name="ProgrammeId">The programme whose proofs were sampled.</param>
/// <param name="Rule">The rule the sample was drawn by.</param>
/// <param name="RuleDescription">The rule in words.</param>
/// <param name="Seed">The seed of the order the rest was drawn in.</param>
/// <param name="Population">The proofs of use the sample was drawn from.</param>
/// <param name="Selected">The proofs drawn for an in-depth check.</param>
/// <param name="Reproduced">Whether drawing again with the same rule, seed and population selects the same proofs.</param>
public sealed record InDepthSampleView(
    Guid Id, Guid ProgrammeId, SampleRule Rule, string RuleDescription, int Seed, IReadOnlyList<SampleCandidate> Population,
    IReadOnlyList<SampleCandidate> Selected, bool Reproduced);

public static class InDepthSampleEndpoints
{
    /// <summary>
    /// Draws the risk-based sample of proofs of use for in-depth checks among those first-checked in a period. Answers the
    /// sample's id and address; the sample can be re-run to show it is reproducible.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/programmes/{programmeId}/in-depth-samples")]
    public static async Task<StreamCreated> Draw(
        DrawInDepthSample command,
        [ReadAggregate("programmeId")] FundingProgramme programme,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var from = new DateTimeOffset(command.FirstCheckedBetween.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(command.FirstCheckedBetween.To.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var funded = await session.Query<ApplicationDetails>()
            .Where(a => a.Programme.Id == programme.Id && a.Funding != null)
            .ToListAsync(cancellation);
        var population = funded
            .SelectMany(a => a.Funding!.ProofsOfUse
                .Where(p => p.FirstCheck is { } check && check.CheckedAt >= from && check.CheckedAt <= to && p.InDepthSampleId is null)
                .Select(p => new SampleCandidate(a.Id, p.Proof, a.Funding.Paid, p.FirstCheck!.Findings.Count)))
            .OrderBy(c => c.ApplicationId).ThenBy(c => c.Proof, StringComparer.Ordinal)
            .ToList();

        var stamp = user.Stamp(clock);
        var sampleId = Guid.CreateVersion7();
        var drawn = InDepthSampling.Draw(sampleId, programme.Id, command.FirstCheckedBetween, population,
            new SampleRule(command.MinimumRate, command.HighRiskAmount), command.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), stamp);
        session.Events.StartStream<InDepthSample>(sampleId, drawn);
        foreach (var selected in drawn.Selected)
        {
            var application = await session.Events.FetchForWriting<FundingApplication>(selected.ApplicationId, cancellation);
            application.AppendMany(FundingDecider.SelectForInDepthCheck(application.Aggregate!, selected.Proof, sampleId, stamp));
        }

        return new StreamCreated(sampleId, 1, $"/api/in-depth-samples/{sampleId}");
    }

    /// <summary>
    /// Reads an in-depth sample with its rule, seed and population, and whether re-running it selects the same proofs.
    /// </summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/in-depth-samples/{id}")]
    public static InDepthSampleView Get([ReadAggregate] InDepthSample sample) =>
        new(sample.Id, sample.ProgrammeId, sample.Rule, sample.Rule.Describe(), sample.Seed, sample.Population, sample.Selected,
            InDepthSampling.Select(sample.Population, sample.Rule, sample.Seed).SequenceEqual(sample.Selected));
}
