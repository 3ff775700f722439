using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Cohorts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>Records the cohort's final presentation of its results, which completes the run.</summary>
/// <param name="HeldOn">The day of the presentation (in the period, after every session).</param>
/// <param name="Place">Where it was held.</param>
/// <param name="Guests">How many guests came, if counted.</param>
public sealed record PresentCohortResults(long ExpectedVersion, DateOnly HeldOn, string Place, int? Guests = null, string? Reason = null) : IChangeCommand;

public sealed class PresentCohortResultsValidator : ChangeCommandValidator<PresentCohortResults>
{
    public PresentCohortResultsValidator()
    {
        RuleFor(x => x.HeldOn).PlausibleDate();
        RuleFor(x => x.Place).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Guests).InclusiveBetween(0, 100_000);
    }
}

public static class PresentCohortResultsEndpoint
{
    /// <summary>Records the final presentation, which completes the cohort; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cohorts/{cohortId}/final-presentation")]
    public static (CommandAccepted, Events) Post(PresentCohortResults command, [WriteAggregate] Cohort cohort, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [CohortDecider.PresentResults(cohort, command.HeldOn, command.Place, command.Guests, user.Stamp(clock))];
        return (CommandAccepted.After(cohort.Id, command, events), events);
    }
}
