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

/// <summary>Replaces a participant's personal data (rectification, GDPR Art. 16), sealed with the same key. No free-text reason.</summary>
/// <param name="PersonalData">The participant's personal data as they now stand (they replace the previous ones).</param>
public sealed record CorrectParticipantData(long ExpectedVersion, ParticipantPersonalData PersonalData) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class CorrectParticipantDataValidator : AbstractValidator<CorrectParticipantData>
{
    public CorrectParticipantDataValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new ParticipantPersonalDataValidator());
    }
}

public static class CorrectParticipantDataEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Corrects a participant's personal data (rectification, GDPR Art. 16). Answers the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePut("/api/pilots/{pilotId}/participants/{participantId}/personal-data")]
    public static async Task<(CommandAccepted, Events)> Put(
        CorrectParticipantData command,
        Guid participantId,
        [WriteAggregate] Pilot pilot,
        IDocumentSession session,
        PersonalDataVault vault,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var personalData = pilot.Participants.ContainsKey(participantId)
            ? await vault.SealAgainAsync(session, participantId, command.PersonalData, cancellation)
            : null;
        Events events = [PilotDecider.CorrectParticipantData(pilot, participantId, personalData, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
