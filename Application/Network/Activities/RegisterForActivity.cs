using Fachwerk.Application.Privacy;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>
/// Registers a person for an announced activity: with a place while places are free, else on the waiting list. Their name
/// and contact are sealed with their own key and erasable; takes no free-text reason.
/// </summary>
/// <param name="RegisteredOn">The day they registered.</param>
/// <param name="PersonalData">The registrant's name and contact; sealed before they are stored.</param>
/// <param name="Organisation">The organisation they come from, if any.</param>
public sealed record RegisterForActivity(long ExpectedVersion, DateOnly RegisteredOn, PersonalDetails PersonalData, string? Organisation = null)
    : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class RegisterForActivityValidator : AbstractValidator<RegisterForActivity>
{
    public RegisterForActivityValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.RegisteredOn).PlausibleDate();
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new PersonalDetailsValidator());
        RuleFor(x => x.Organisation).OptionalName();
    }
}

public static class RegisterForActivityEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>
    /// Registers a person for an announced activity, with a place or on the waiting list; their personal data are sealed before
    /// they are stored. Answers the registration's id and the activity's new version, never personal data.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/registrations")]
    public static (NetworkItemAdded, Events) Post(
        RegisterForActivity command, [WriteAggregate] Activity activity, IDocumentSession session, PersonalDataVault vault, ClaimsPrincipal user, TimeProvider clock)
    {
        var registrationId = Guid.CreateVersion7();
        var sealedData = NetworkPeople.Seal(vault, session, registrationId, command.PersonalData);
        Events events =
        [
            ActivityDecider.Register(activity, registrationId, new Registration(command.RegisteredOn, command.Organisation, sealedData),
                user.Stamp(clock)),
        ];
        return (new NetworkItemAdded(activity.Id, command.ExpectedVersion + events.Count, registrationId,
            $"{NetworkUrls.Activity(activity.Id)}/registrations"), events);
    }
}
