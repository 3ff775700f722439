using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Sets up a funding programme: a pot of money with a funding period and its rules.</summary>
/// <param name="Name">The programme's name.</param>
/// <param name="Sources">Where the money comes from, with shares adding up to 1.</param>
/// <param name="FundingPeriod">The funding period: applications' projects lie within it.</param>
/// <param name="TotalBudget">The money the programme may commit, in EUR.</param>
/// <param name="Rules">The rules applications are checked and decided under.</param>
/// <param name="Authority">The funding authority it belongs to, if already known (else set later, PUT .../eligibility).</param>
/// <param name="Eligibility">Which alliances its applications may name, with <paramref name="Authority"/>; any alliance when left out.</param>
public sealed record LaunchProgramme(
    string Name,
    IReadOnlyList<FundingSource> Sources,
    Period FundingPeriod,
    decimal TotalBudget,
    ProgrammeRules Rules,
    string? Reason = null,
    FundingAuthority? Authority = null,
    AllianceEligibility? Eligibility = null) : ICommand;

public sealed class LaunchProgrammeValidator : AbstractValidator<LaunchProgramme>
{
    public LaunchProgrammeValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Sources).NotEmpty().WithMessage("Name at least one funding source (e.g. ESF+, the state, the district).")
            .Must(s => s.Count <= 20).WithMessage("At most 20 funding sources.")
            .Must(s => s.Sum(x => x.Share) == 1m).WithMessage("The shares of the funding sources add up to 1 (100 %).");
        RuleForEach(x => x.Sources).ChildRules(source =>
        {
            source.RuleFor(s => s.Name).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
            source.RuleFor(s => s.Share).GreaterThan(0).LessThanOrEqualTo(1);
            source.RuleFor(s => s.Kind).IsInEnum();
            source.RuleFor(s => s.EuFundingPeriod).Null().When(s => s.Kind is not (FundingSourceKind.EuropeanSocialFund or FundingSourceKind.EuropeanRegionalDevelopmentFund))
                .WithMessage("Only an EU fund (ESF+, ERDF) names an EU funding period.");
            source.RuleFor(s => s.EuFundingPeriod).Must(p => p!.Value.To >= p.Value.From && p.Value.From >= new DateOnly(1990, 1, 1) && p.Value.To <= new DateOnly(2100, 12, 31))
                .When(s => s.EuFundingPeriod is not null).WithMessage("The EU funding period runs between 1990 and 2100 and cannot end before it begins.");
        });
        this.PeriodRules(x => x.FundingPeriod);
        RuleFor(x => x.TotalBudget).Money();
        RuleFor(x => x.Rules).NotNull().ChildRules(rules =>
        {
            rules.RuleFor(r => r.MaxFundingRate).GreaterThan(0).LessThanOrEqualTo(1)
                .WithMessage("The maximum funding rate is a share above 0 and at most 1 (100 %).");
            rules.RuleFor(r => r.MaxAmountPerApplication!.Value).Money().When(r => r.MaxAmountPerApplication is not null)
                .OverridePropertyName(nameof(ProgrammeRules.MaxAmountPerApplication));
            rules.RuleFor(r => r.DocumentDeadlineDays).InclusiveBetween(1, 365);
            rules.RuleFor(r => r.DecisionReminderDays).InclusiveBetween(1, 730);
        });
        RuleFor(x => x.Authority!).SetValidator(new FundingAuthorityValidator()).When(x => x.Authority is not null);
        RuleFor(x => x.Eligibility!).SetValidator(new AllianceEligibilityValidator()).When(x => x.Eligibility is not null);
        RuleFor(x => x.Authority).NotNull().When(x => x.Eligibility is not null).WithMessage("Name the funding authority with the eligible alliances.");
        this.OptionalReasonRule();
    }
}

public static class LaunchProgrammeEndpoint
{
    /// <summary>
    /// Launches a funding programme: its budget, funding sources, period and rules, and optionally its funding authority and eligible
    /// alliances (checked as when set later). Answers the new programme's id, version and address.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [WolverinePost("/api/programmes")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        LaunchProgramme command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var stamp = user.Stamp(clock);
        var launched = ProgrammeDecider.Launch(id,
            new ProgrammeSetup(command.Name, command.Sources, command.FundingPeriod, command.TotalBudget, command.Rules), stamp);
        List<object> events = [launched];
        if (command.Authority is { } authority)
        {
            var eligibility = command.Eligibility ?? AllianceEligibility.AnyAlliance;
            await ListedAlliances.EnsureKnownAsync(session, eligibility, cancellation);
            events.AddRange(ProgrammeDecider.SetEligibility(FundingProgramme.Evolve(null, launched), authority, eligibility, command.Reason, stamp));
        }

        return (new StreamCreated(id, events.Count, $"/api/programmes/{id}"), MartenOps.StartStream<FundingProgramme>(id, events.ToArray()));
    }
}
