using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>An intercultural training was held for one or more enrolled companies.</summary>
/// <param name="CompanyIds">The enrolled companies that took part.</param>
/// <param name="HeldOn">The day the training was held.</param>
public sealed record HoldInterculturalTraining(long ExpectedVersion, IReadOnlyList<Guid> CompanyIds, DateOnly HeldOn, string? Reason = null)
    : IChangeCommand;

public sealed class HoldInterculturalTrainingValidator : AbstractValidator<HoldInterculturalTraining>
{
    public const int MaxCompanies = 100;

    public HoldInterculturalTrainingValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.CompanyIds).NotEmpty().WithMessage("A training is held for at least one company.")
            .Must(c => c.Count <= MaxCompanies).WithMessage($"At most {MaxCompanies} companies.");
        RuleForEach(x => x.CompanyIds).NotEmpty();
        RuleFor(x => x.HeldOn).PlausibleDate();
        this.OptionalReasonRule();
    }
}

public static class HoldInterculturalTrainingEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Records an intercultural training held for enrolled companies. Answers the training's id and the pilot's new version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/intercultural-trainings")]
    public static (PilotItemAdded, Events) Post(
        HoldInterculturalTraining command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var trainingId = Guid.CreateVersion7();
        Events events = [PilotDecider.HoldInterculturalTraining(pilot, trainingId, command.CompanyIds, command.HeldOn, user.Stamp(clock))];
        return (new PilotItemAdded(pilot.Id, command.ExpectedVersion + events.Count, trainingId, PilotUrls.Pilot(pilot.Id)), events);
    }
}
