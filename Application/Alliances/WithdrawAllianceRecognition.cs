using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Records that the ministry withdrew its recognition; the reason is required.</summary>
/// <param name="WithdrawnOn">The day the ministry withdrew the recognition.</param>
public sealed record WithdrawAllianceRecognition(long ExpectedVersion, DateOnly WithdrawnOn, string Reason) : IChangeCommand;

public sealed class WithdrawAllianceRecognitionValidator : ChangeCommandValidator<WithdrawAllianceRecognition>
{
    public WithdrawAllianceRecognitionValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.WithdrawnOn).PlausibleDate();
    }
}

public static class WithdrawAllianceRecognitionEndpoint
{
    /// <summary>
    /// Records that the ministry withdrew the alliance's recognition, with the reason. The alliance no longer votes on
    /// applications; answers its new version.
    /// </summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances/{allianceId}/recognition/withdrawal")]
    public static (CommandAccepted, Events) Post(
        WithdrawAllianceRecognition command,
        [WriteAggregate] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AllianceDecider.WithdrawRecognition(alliance, command.WithdrawnOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
