using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Pilots;
using Marten;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// A sponsor (e.g. a city department) launches a pilot project with its phase, funding and offered services; the project lead who
/// launches it leads it from then on.
/// </summary>
/// <param name="Name">The pilot project's name.</param>
/// <param name="Sponsor">Who runs the pilot, e.g. a city department.</param>
/// <param name="PilotPhase">The pilot phase: its first and last day.</param>
/// <param name="FundingSources">Who pays for the pilot.</param>
/// <param name="OfferedServices">The services the pilot offers participants and companies; at least one.</param>
public sealed record LaunchPilot(
    string Name,
    string Sponsor,
    Period PilotPhase,
    IReadOnlyList<FundingSource> FundingSources,
    IReadOnlyList<PilotService> OfferedServices,
    string? Reason = null) : ICommand;

public sealed class LaunchPilotValidator : AbstractValidator<LaunchPilot>
{
    public const int MaxFundingSources = 20;

    public LaunchPilotValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Sponsor).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.PilotPhase.From).PlausibleDate();
        RuleFor(x => x.PilotPhase.To).PlausibleDate()
            .GreaterThanOrEqualTo(x => x.PilotPhase.From).WithMessage("The pilot phase cannot end before it starts.");
        RuleFor(x => x.FundingSources).NotNull().Must(s => s.Count <= MaxFundingSources).WithMessage($"At most {MaxFundingSources} funding sources.");
        RuleForEach(x => x.FundingSources).ChildRules(source =>
        {
            source.RuleFor(s => s.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
            source.RuleFor(s => s.Kind).IsInEnum();
            source.RuleFor(s => s.Amount).GreaterThanOrEqualTo(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            // An EU funding period belongs to EU money only: it is the rule that money pays by (ADR 0124).
            source.RuleFor(s => s.EuFundingPeriod).Must((s, period) => period is null || s.IsEuFunds())
                .WithMessage("Only EU funds (ESF+, ERDF) have an EU funding period.");
            source.RuleFor(s => s.EuFundingPeriod!.Value).Must(p => p.To >= p.From && p.From >= new DateOnly(1990, 1, 1) && p.To <= new DateOnly(2100, 12, 31))
                .WithMessage("An EU funding period lies between 1990-01-01 and 2100-12-31 and does not end before it starts.")
                .When(s => s.EuFundingPeriod is not null);
            source.RuleForEach(s => s.CostCategories).IsInEnum();
        });
        RuleFor(x => x.OfferedServices).NotEmpty().WithMessage("A pilot offers at least one service.");
        RuleForEach(x => x.OfferedServices).IsInEnum();
        this.OptionalReasonRule();
    }
}

public static class LaunchPilotEndpoint
{
    /// <summary>
    /// Launches a pilot project with its phase, funding and offered services; the caller leads it from then on. The evaluation is
    /// scheduled for the end of the phase; answers the new pilot's id, version and address.
    /// </summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots")]
    public static async Task<(StreamCreated, IStartStream, OutgoingMessages)> Post(
        LaunchPilot command, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var stamp = user.Stamp(clock);
        var events = PilotDecider.Launch(id,
            new PilotCharter(command.Name, command.Sponsor, command.PilotPhase, command.FundingSources, command.OfferedServices), stamp);
        // The lead who launches the pilot leads it from now on, recorded in the same transaction (ADR 0060).
        var lead = await session.Events.FetchForWriting<Person>(Person.IdOf(stamp.By), cancellation);
        lead.AppendMany(PersonDecider.BindLaunchingLead(lead.Aggregate, stamp.By, id, stamp));
        return (new StreamCreated(id, events.Count, PilotUrls.Pilot(id)), MartenOps.StartStream<Pilot>(id, [.. events]),
            EvaluatePilotPhase.ScheduleUnlessDue(id, command.PilotPhase, events));
    }
}
