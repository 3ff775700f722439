using Fachwerk.Application.Privacy;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Network.Cohorts;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>
/// Enrols a person in the cohort, sent by their organisation. Their name, position and contact are sealed with their own key
/// and erasable; takes no free-text reason.
/// </summary>
/// <param name="Organisation">The organisation that sends them (a company, an administration, ...).</param>
/// <param name="EnrolledOn">The day they joined.</param>
/// <param name="PersonalData">Their name, position and contact; sealed before they are stored.</param>
public sealed record EnrolCohortParticipant(long ExpectedVersion, string Organisation, DateOnly EnrolledOn, PersonalDetails PersonalData) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class EnrolCohortParticipantValidator : AbstractValidator<EnrolCohortParticipant>
{
    public EnrolCohortParticipantValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Organisation).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.EnrolledOn).PlausibleDate();
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new PersonalDetailsValidator());
    }
}

public static class EnrolCohortParticipantEndpoint
{
    /// <summary>
    /// Enrols a participant in the cohort; their personal data are sealed before they are stored. Answers the participant's id and
    /// the cohort's new version, never personal data.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cohorts/{cohortId}/participants")]
    public static (NetworkItemAdded, Events) Post(
        EnrolCohortParticipant command, [WriteAggregate] Cohort cohort, IDocumentSession session, PersonalDataVault vault, ClaimsPrincipal user, TimeProvider clock)
    {
        var participantId = Guid.CreateVersion7();
        var sealedData = NetworkPeople.Seal(vault, session, participantId, command.PersonalData);
        Events events = [CohortDecider.Enrol(cohort, participantId, command.Organisation, command.EnrolledOn, sealedData, user.Stamp(clock))];
        return (new NetworkItemAdded(cohort.Id, command.ExpectedVersion + events.Count, participantId, $"{NetworkUrls.Cohort(cohort.Id)}/participants"),
            events);
    }
}
