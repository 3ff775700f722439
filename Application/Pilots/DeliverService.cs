using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Records a service delivered to a participant on a business date. No free-text reason.</summary>
/// <param name="Service">The service delivered.</param>
/// <param name="DeliveredOn">The day it was delivered.</param>
public sealed record DeliverService(long ExpectedVersion, PilotService Service, DateOnly DeliveredOn) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class DeliverServiceValidator : AbstractValidator<DeliverService>
{
    public DeliverServiceValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Service).IsInEnum();
        RuleFor(x => x.DeliveredOn).PlausibleDate();
    }
}

public static class DeliverServiceEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Records a service delivered to a participant. Answers the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants/{participantId}/services")]
    public static (CommandAccepted, Events) Post(
        DeliverService command,
        Guid participantId,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.DeliverService(pilot, participantId, command.Service, command.DeliveredOn, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
