using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Places a participant with a company they were referred to. No free-text reason.</summary>
/// <param name="CompanyId">The company the participant was referred to and is placed with.</param>
/// <param name="PlacedOn">The day of the placement.</param>
public sealed record PlaceParticipant(long ExpectedVersion, Guid CompanyId, DateOnly PlacedOn) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class PlaceParticipantValidator : AbstractValidator<PlaceParticipant>
{
    public PlaceParticipantValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.CompanyId).NotEmpty();
        RuleFor(x => x.PlacedOn).PlausibleDate();
    }
}

public static class PlaceParticipantEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Places a participant with a company they were referred to. Answers the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants/{participantId}/placement")]
    public static (CommandAccepted, Events) Post(
        PlaceParticipant command,
        Guid participantId,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.Place(pilot, participantId, command.CompanyId, command.PlacedOn, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
