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
/// A participant's personal data: they never stand in plain text in the event store. The endpoints seal them with the
/// participant's own key (<see cref="PersonalDataVault"/>) before they go into an event.
/// </summary>
/// <param name="Nationality">ISO 3166-1 alpha-2 code, e.g. LV.</param>
/// <param name="GivenName">The participant's given name.</param>
/// <param name="FamilyName">The participant's family name.</param>
/// <param name="BirthDate">The participant's date of birth.</param>
/// <param name="Email">An e-mail address, if the participant gave one.</param>
/// <param name="Phone">A telephone number, if the participant gave one.</param>
public sealed record ParticipantPersonalData(
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string Nationality,
    string? Email = null,
    string? Phone = null);

/// <summary>
/// Enrols a skilled worker or an intern (interns come for a limited period: <paramref name="InternshipEndsOn"/>).
/// Takes no free-text reason: a reason is stored in plain text in the event headers and must not carry personal data.
/// </summary>
/// <param name="Kind">Skilled worker or intern.</param>
/// <param name="EnrolledOn">The day the participant enrolled.</param>
/// <param name="InternshipEndsOn">The last day of an intern's stay; required for interns, none for skilled workers.</param>
/// <param name="PersonalData">The participant's personal data; sealed before they are stored, erasable on request.</param>
public sealed record EnrolParticipant(
    long ExpectedVersion,
    ParticipantKind Kind,
    DateOnly EnrolledOn,
    DateOnly? InternshipEndsOn,
    ParticipantPersonalData PersonalData) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class ParticipantPersonalDataValidator : AbstractValidator<ParticipantPersonalData>
{
    public const int MinimumAge = 15;

    public ParticipantPersonalDataValidator()
    {
        RuleFor(x => x.GivenName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.BirthDate).InclusiveBetween(new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31))
            .WithMessage("A birth date after 1900-01-01 is required.");
        RuleFor(x => x.Nationality).CountryCode();
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress();
        RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9][0-9 ()/-]{4,29}$")
            .WithMessage("A phone number has digits, spaces and + ( ) / - only.");
    }
}

public sealed class EnrolParticipantValidator : AbstractValidator<EnrolParticipant>
{
    public EnrolParticipantValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.EnrolledOn).PlausibleDate();
        RuleFor(x => x.InternshipEndsOn).NotNull().When(x => x.Kind == ParticipantKind.Intern)
            .WithMessage("Interns come for a limited period: internshipEndsOn is required.");
        RuleFor(x => x.InternshipEndsOn).Null().When(x => x.Kind == ParticipantKind.SkilledWorker)
            .WithMessage("Only interns have an end of internship.");
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new ParticipantPersonalDataValidator());
        RuleFor(x => x.PersonalData.BirthDate)
            .Must((command, birthDate) => birthDate <= command.EnrolledOn.AddYears(-ParticipantPersonalDataValidator.MinimumAge))
            .WithMessage($"A participant is at least {ParticipantPersonalDataValidator.MinimumAge} years old on enrolment.")
            .When(x => x.PersonalData is not null);
    }
}

public static class EnrolParticipantEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Enrols a skilled worker or an intern in the pilot; their personal data are sealed before they are stored. Answers the
    /// participant's id and address and the pilot's new version, never personal data.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/participants")]
    public static (PilotItemAdded, Events) Post(
        EnrolParticipant command,
        [WriteAggregate] Pilot pilot,
        IDocumentSession session,
        PersonalDataVault vault,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var participantId = Guid.CreateVersion7();
        // The new key is stored with the session: it commits with the event, or not at all.
        var personalData = vault.SealForNewSubject(session, participantId, command.PersonalData);
        Events events =
        [
            PilotDecider.EnrolParticipant(pilot, participantId,
                new ParticipantEnrolment(command.Kind, command.EnrolledOn, command.InternshipEndsOn, personalData), user.Stamp(clock)),
        ];
        return (new PilotItemAdded(pilot.Id, command.ExpectedVersion + events.Count, participantId,
            PilotUrls.Participant(pilot.Id, participantId)), events);
    }
}
