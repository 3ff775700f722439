using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Instruments;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>Renews a school's career-choice seal: the school defended it.</summary>
/// <param name="RenewedOn">The day of the renewal.</param>
/// <param name="ValidUntil">The new last day the seal is valid.</param>
public sealed record RenewCareerChoiceSeal(long ExpectedVersion, DateOnly RenewedOn, DateOnly ValidUntil, string? Reason = null) : IChangeCommand;

public sealed class RenewCareerChoiceSealValidator : ChangeCommandValidator<RenewCareerChoiceSeal>
{
    public RenewCareerChoiceSealValidator()
    {
        RuleFor(x => x.RenewedOn).PlausibleDate();
        RuleFor(x => x.ValidUntil).PlausibleDate().GreaterThan(x => x.RenewedOn).WithMessage("A seal is valid after the day it is renewed.");
    }
}

public static class RenewCareerChoiceSealEndpoint
{
    /// <summary>Renews a school's career-choice seal to a later day; answers the instrument's new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/instruments/{instrumentId}/seals/{schoolId}/renewal")]
    public static (CommandAccepted, Events) Post(
        RenewCareerChoiceSeal command, Guid schoolId, [WriteAggregate] Instrument instrument, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [InstrumentDecider.RenewSeal(instrument, schoolId, command.RenewedOn, command.ValidUntil, user.Stamp(clock))];
        return (CommandAccepted.After(instrument.Id, command, events), events);
    }
}
