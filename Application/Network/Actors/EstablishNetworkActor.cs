using System.Security.Claims;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Actors;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Actors;

/// <summary>
/// Establishes a network actor beyond the alliances: a network, initiative, working group, labour-market circle, innovation
/// office or metropolitan region, with its coordinating office and the area it covers (nationwide, or districts and whole
/// states, in one or several states).
/// </summary>
/// <param name="Name">The actor's name, e.g. Regionaler Arbeitsmarktkreis Mansfeld-Südharz.</param>
/// <param name="Kind">What kind of actor it is.</param>
/// <param name="CoordinatingOffice">The office that coordinates it.</param>
/// <param name="EstablishedOn">The day it was established.</param>
/// <param name="Nationwide">Whether it works for the whole country (then it names no areas).</param>
/// <param name="Areas">The districts or whole states it covers, in one or several states (none when nationwide).</param>
/// <param name="Purpose">What it is for, in a sentence.</param>
/// <param name="AllianceId">The alliance it works in, if any: that alliance's coordinator may record its members and contacts.</param>
/// <param name="ProgrammeId">The funding programme whose budget it manages, if any (e.g. a labour-market circle's budget).</param>
public sealed record EstablishNetworkActor(
    string Name,
    ActorKind Kind,
    string CoordinatingOffice,
    DateOnly EstablishedOn,
    bool Nationwide = false,
    IReadOnlyList<Area>? Areas = null,
    string? Purpose = null,
    Guid? AllianceId = null,
    Guid? ProgrammeId = null,
    string? Reason = null) : ICommand;

public sealed class EstablishNetworkActorValidator : AbstractValidator<EstablishNetworkActor>
{
    public EstablishNetworkActorValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.CoordinatingOffice).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.EstablishedOn).PlausibleDate();
        RuleFor(x => x.Areas!).ShortList().When(x => x.Areas is not null);
        RuleForEach(x => x.Areas).NotNull().SetValidator(new AreaValidator());
        RuleFor(x => x.Purpose).MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.AllianceId).NotEqual(Guid.Empty);
        RuleFor(x => x.ProgrammeId).NotEqual(Guid.Empty);
        this.OptionalReasonRule();
    }
}

public static class EstablishNetworkActorEndpoint
{
    public static void Before(EstablishNetworkActor command, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(command.AllianceId);

    /// <summary>
    /// Establishes a network, initiative, working group, labour-market circle, innovation office or metropolitan region.
    /// Answers its id, version and address.
    /// </summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/network-actors")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        EstablishNetworkActor command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        if (command.AllianceId is { } allianceId) await NetworkParties.LoadAsync<AllianceDetails>(session, allianceId, cancellation);
        if (command.ProgrammeId is { } programmeId) await NetworkParties.LoadAsync<ProgrammeDetails>(session, programmeId, cancellation);
        var id = Guid.CreateVersion7();
        var established = ActorDecider.Establish(id, new ActorCharter(command.Name, command.Kind, command.CoordinatingOffice, command.Purpose,
            command.Nationwide, command.Areas ?? [], command.AllianceId, command.ProgrammeId, command.EstablishedOn), user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Actor(id)), MartenOps.StartStream<NetworkActor>(id, established));
    }
}
