using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>Awards the career-choice seal (Berufswahl-Siegel) to a school that holds no valid one.</summary>
/// <param name="SchoolId">The school (an organisation of kind School).</param>
/// <param name="FederalState">The federal state the school lies in.</param>
/// <param name="District">The district the school lies in.</param>
/// <param name="AwardedOn">The day of the award.</param>
/// <param name="ValidUntil">The last day the seal is valid.</param>
public sealed record AwardCareerChoiceSeal(
    long ExpectedVersion, Guid SchoolId, FederalState FederalState, string District, DateOnly AwardedOn, DateOnly ValidUntil, string? Reason = null)
    : IChangeCommand;

public sealed class AwardCareerChoiceSealValidator : ChangeCommandValidator<AwardCareerChoiceSeal>
{
    public AwardCareerChoiceSealValidator()
    {
        RuleFor(x => x.SchoolId).NotEmpty();
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.AwardedOn).PlausibleDate();
        RuleFor(x => x.ValidUntil).PlausibleDate().GreaterThan(x => x.AwardedOn).WithMessage("A seal is valid after the day it is awarded.");
    }
}

public static class AwardCareerChoiceSealEndpoint
{
    /// <summary>Awards the career-choice seal to a school; answers the instrument's new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/instruments/{instrumentId}/seals")]
    public static async Task<(CommandAccepted, Events)> Post(
        AwardCareerChoiceSeal command, [WriteAggregate] Instrument instrument, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var school = await NetworkParties.ResolveAsync(session, command.SchoolId, cancellation);
        Events events =
        [
            InstrumentDecider.AwardSeal(instrument, school, new Area(command.FederalState, command.District), command.AwardedOn, command.ValidUntil,
                user.Stamp(clock)),
        ];
        return (CommandAccepted.After(instrument.Id, command, events), events);
    }
}
