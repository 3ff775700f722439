using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Erases a participant's personal data on request (GDPR Art. 17): records the erasure (who, when, ground) and destroys
/// the participant's key in the same transaction. Counts, dates, services and placements stay. Refused (409) while a
/// legal hold stands. <paramref name="RequestReference"/> is a file number such as DSGVO-2026-014, never a name.
/// </summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, never a name.</param>
public sealed record EraseParticipantData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class EraseParticipantDataValidator : AbstractValidator<EraseParticipantData>
{
    public EraseParticipantDataValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.LegalBasis).IsInEnum();
        RuleFor(x => x.RequestedOn).PlausibleDate();
        RuleFor(x => x.RequestReference).MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
            .WithMessage("A request reference is a file number (letters, digits, . _ / -), not a name.");
    }
}

public static class EraseParticipantDataEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Erases a participant's personal data on request (GDPR Art. 17); refused while a legal hold stands. Counts, dates and
    /// services stay; answers the pilot's new version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants/{participantId}/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseParticipantData command,
        Guid participantId,
        [WriteAggregate] Pilot pilot,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.EraseParticipantData(pilot, participantId, command.LegalBasis, command.RequestedOn,
            command.RequestReference, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, participantId);
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
