using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Founds an alliance (Fachkräftebündnis) for a region of districts, with the office that coordinates it.</summary>
/// <param name="Name">The alliance's name, e.g. Fachkräftebündnis Leine-Weser.</param>
/// <param name="FederalState">The federal state the region lies in.</param>
/// <param name="Districts">The districts (Landkreise, regions, cities) the alliance covers; at least one, none twice.</param>
/// <param name="CoordinatingOffice">The office that coordinates the alliance, e.g. an office for regional development.</param>
/// <param name="FoundedOn">The day the alliance was founded.</param>
public sealed record FoundAlliance(
    string Name,
    FederalState FederalState,
    IReadOnlyList<string> Districts,
    string CoordinatingOffice,
    DateOnly FoundedOn,
    string? Reason = null) : ICommand;

public sealed class FoundAllianceValidator : AbstractValidator<FoundAlliance>
{
    public const int MaxDistricts = 100;

    public FoundAllianceValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.Districts).NotEmpty().WithMessage("An alliance covers at least one district.")
            .Must(d => d.Count <= MaxDistricts).WithMessage($"At most {MaxDistricts} districts.")
            .Must(d => d.Select(x => x?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == d.Count)
            .WithMessage("Each district is listed once.");
        RuleForEach(x => x.Districts).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.CoordinatingOffice).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.FoundedOn).PlausibleDate();
        this.OptionalReasonRule();
    }
}

public static class FoundAllianceEndpoint
{
    /// <summary>
    /// Founds an alliance for a region of districts, with its coordinating office; answers its id, version and address.
    /// </summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false, ClaimInTransaction = true)]
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances")]
    public static (StreamCreated, IStartStream) Post(FoundAlliance command, ClaimsPrincipal user, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var founded = AllianceDecider.Found(id,
            new AllianceCharter(command.Name, command.FederalState, command.Districts, command.CoordinatingOffice, command.FoundedOn), user.Stamp(clock));
        return (new StreamCreated(id, 1, $"/api/alliances/{id}"), MartenOps.StartStream<Alliance>(id, founded));
    }
}
