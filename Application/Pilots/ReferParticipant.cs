using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Refers a participant to an enrolled company. Commands about a participant take no free-text reason.</summary>
/// <param name="CompanyId">The enrolled company the participant is referred to.</param>
/// <param name="ReferredOn">The day of the referral.</param>
public sealed record ReferParticipant(long ExpectedVersion, Guid CompanyId, DateOnly ReferredOn) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class ReferParticipantValidator : AbstractValidator<ReferParticipant>
{
    public ReferParticipantValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.CompanyId).NotEmpty();
        RuleFor(x => x.ReferredOn).PlausibleDate();
    }
}

public static class ReferParticipantEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Refers a participant to an enrolled company. Answers the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants/{participantId}/referrals")]
    public static (CommandAccepted, Events) Post(
        ReferParticipant command,
        Guid participantId,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.Refer(pilot, participantId, command.CompanyId, command.ReferredOn, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
