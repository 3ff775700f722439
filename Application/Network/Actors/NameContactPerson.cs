using Fachwerk.Application.Privacy;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Network.Actors;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Actors;

/// <summary>
/// Names a contact person of the actor. Their name, position, e-mail and phone are sealed with their own key and erasable;
/// takes no free-text reason (a reason is stored in plain text and must not carry personal data).
/// </summary>
/// <param name="PersonalData">The contact person's name, position, e-mail and phone; sealed before they are stored.</param>
/// <param name="Since">Since when they are the contact.</param>
/// <param name="Organisation">The organisation they work for, e.g. Wirtschaftsförderung Mecklenburgische Seenplatte GmbH.</param>
public sealed record NameContactPerson(long ExpectedVersion, PersonalDetails PersonalData, DateOnly Since, string? Organisation = null) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class NameContactPersonValidator : AbstractValidator<NameContactPerson>
{
    public NameContactPersonValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.PersonalData).NotNull().SetValidator(new PersonalDetailsValidator());
        RuleFor(x => x.Since).PlausibleDate();
        RuleFor(x => x.Organisation).OptionalName();
    }
}

public static class NameContactPersonEndpoint
{
    public static void Before(NetworkActor actor, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(actor.AllianceId);

    /// <summary>
    /// Names a contact person of the actor; their personal data are sealed before they are stored. Answers the person's id and
    /// the actor's new version, never personal data.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/network-actors/{actorId}/contact-persons")]
    public static (NetworkItemAdded, Events) Post(
        NameContactPerson command, [WriteAggregate("actorId")] NetworkActor actor, IDocumentSession session, PersonalDataVault vault, ClaimsPrincipal user, TimeProvider clock)
    {
        var personId = Guid.CreateVersion7();
        var sealedData = NetworkPeople.Seal(vault, session, personId, command.PersonalData);
        Events events = [ActorDecider.NameContactPerson(actor, personId, command.Organisation, command.Since, sealedData, user.Stamp(clock))];
        return (new NetworkItemAdded(actor.Id, command.ExpectedVersion + events.Count, personId, $"{NetworkUrls.Actor(actor.Id)}/contact-persons"), events);
    }
}
