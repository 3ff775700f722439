using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Records that a state ministry recognized the alliance for a funding period.</summary>
/// <param name="Ministry">The state ministry that recognized the alliance.</param>
/// <param name="RecognizedOn">The day of the recognition.</param>
/// <param name="FundingPeriod">The funding period the recognition is for.</param>
public sealed record RecognizeAlliance(
    long ExpectedVersion,
    string Ministry,
    DateOnly RecognizedOn,
    Period FundingPeriod,
    string? Reason = null) : IChangeCommand;

public sealed class RecognizeAllianceValidator : ChangeCommandValidator<RecognizeAlliance>
{
    public RecognizeAllianceValidator()
    {
        RuleFor(x => x.Ministry).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.RecognizedOn).PlausibleDate();
        RuleFor(x => x.FundingPeriod.From).PlausibleDate();
        RuleFor(x => x.FundingPeriod.To).PlausibleDate()
            .GreaterThanOrEqualTo(x => x.FundingPeriod.From).WithMessage("The funding period cannot end before it starts.");
    }
}

public static class RecognizeAllianceEndpoint
{
    /// <summary>
    /// Records that a state ministry recognized the alliance for a funding period. From then on it votes on its region's
    /// applications; answers its new version.
    /// </summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances/{allianceId}/recognition")]
    public static (CommandAccepted, Events) Post(
        RecognizeAlliance command,
        [WriteAggregate] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AllianceDecider.Recognize(alliance, command.Ministry, command.RecognizedOn, command.FundingPeriod, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
