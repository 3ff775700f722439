using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Organisations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>An organisation from the registry joins the alliance; one membership per organisation.</summary>
/// <param name="OrganisationId">The organisation joining, from the registry.</param>
/// <param name="JoinedOn">The day it joined.</param>
public sealed record AdmitMember(long ExpectedVersion, Guid OrganisationId, DateOnly JoinedOn, string? Reason = null) : IChangeCommand;

public sealed class AdmitMemberValidator : ChangeCommandValidator<AdmitMember>
{
    public AdmitMemberValidator()
    {
        RuleFor(x => x.OrganisationId).NotEmpty();
        RuleFor(x => x.JoinedOn).PlausibleDate();
    }
}

public static class AdmitMemberEndpoint
{
    /// <summary>
    /// Admits an organisation from the registry as a member of the alliance. One membership per organisation; answers the
    /// alliance's new version.
    /// </summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances/{allianceId}/members")]
    public static (CommandAccepted, Events) Post(
        AdmitMember command,
        [WriteAggregate] Alliance alliance,
        [ReadAggregate(nameof(AdmitMember.OrganisationId))] Organisation organisation,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AllianceDecider.AdmitMember(alliance, organisation, command.JoinedOn, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
