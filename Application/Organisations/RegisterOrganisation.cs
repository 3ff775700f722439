using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Organisations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Organisations;

/// <summary>Registers an organisation: a company, public employer, association, school, municipality or other body.</summary>
/// <param name="Name">The organisation's name, e.g. Haus Steinstraße e.V.</param>
/// <param name="Kind">What kind of organisation it is.</param>
/// <param name="Town">The town of its seat.</param>
public sealed record RegisterOrganisation(string Name, OrganisationKind Kind, string Town, string? Reason = null) : ICommand;

public sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Town).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        this.OptionalReasonRule();
    }
}

public static class RegisterOrganisationEndpoint
{
    /// <summary>
    /// Registers an organisation (company, association, school, ...) that can apply for funding or join alliances; answers its
    /// id.
    /// </summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/organisations")]
    public static (StreamCreated, IStartStream) Post(RegisterOrganisation command, ClaimsPrincipal user, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var registered = OrganisationDecider.Register(id, command.Name, command.Kind, command.Town, user.Stamp(clock));
        return (new StreamCreated(id, 1, $"/api/organisations/{id}"), MartenOps.StartStream<Organisation>(id, registered));
    }
}
