using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>A company with a need for skilled workers enrols in the pilot (on a business date).</summary>
/// <param name="Name">The company's name.</param>
/// <param name="Town">The town where the company needs the skilled workers.</param>
/// <param name="SkilledWorkersNeeded">How many skilled workers the company needs.</param>
/// <param name="Occupations">The occupations it needs them for.</param>
/// <param name="EnrolledOn">The day the company enrolled.</param>
public sealed record EnrolCompany(
    long ExpectedVersion,
    string Name,
    string Town,
    int SkilledWorkersNeeded,
    IReadOnlyList<string> Occupations,
    DateOnly EnrolledOn,
    string? Reason = null) : IChangeCommand;

public sealed class EnrolCompanyValidator : AbstractValidator<EnrolCompany>
{
    public const int MaxOccupations = 50;
    public const int MaxNeed = 10_000;

    public EnrolCompanyValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Town).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.SkilledWorkersNeeded).InclusiveBetween(0, MaxNeed);
        RuleFor(x => x.Occupations).NotNull().Must(o => o.Count <= MaxOccupations).WithMessage($"At most {MaxOccupations} occupations.");
        RuleForEach(x => x.Occupations).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.EnrolledOn).PlausibleDate();
        this.OptionalReasonRule();
    }
}

public static class EnrolCompanyEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Enrols a company that needs skilled workers in the pilot. Answers the company's id and address and the pilot's new
    /// version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/companies")]
    public static (PilotItemAdded, Events) Post(
        EnrolCompany command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var companyId = Guid.CreateVersion7();
        Events events =
        [
            PilotDecider.EnrolCompany(pilot, companyId,
                new CompanyEnrolment(command.Name, command.Town, command.SkilledWorkersNeeded, command.Occupations, command.EnrolledOn), user.Stamp(clock)),
        ];
        return (new PilotItemAdded(pilot.Id, command.ExpectedVersion + events.Count, companyId, PilotUrls.Company(pilot.Id, companyId)), events);
    }
}
