using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Network.Instruments;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>
/// Introduces an instrument: a reusable format (an internship exchange, a careers fair, a talent-pitch format, an action day or
/// basic workshop companies run, a career-choice seal for schools), who offers it, how it can be run and for whom; and the
/// concept it came from, if any.
/// </summary>
/// <param name="Name">Its name, e.g. Aktionstag Integration.</param>
/// <param name="Kind">What kind of format it is.</param>
/// <param name="Description">What it is and how it works.</param>
/// <param name="ProviderIds">The organisations, alliances or network actors that offer it; at least one.</param>
/// <param name="IntroducedOn">The day it was introduced.</param>
/// <param name="Modes">How it can be run where it is used (by the company itself, with trainers, by the provider); none for a seal.</param>
/// <param name="TargetGroups">The groups it is for.</param>
/// <param name="OriginConceptId">The concept it came from, e.g. a concept of a leadership programme's cohort.</param>
public sealed record IntroduceInstrument(
    string Name,
    InstrumentKind Kind,
    string Description,
    IReadOnlyList<Guid> ProviderIds,
    DateOnly IntroducedOn,
    IReadOnlyList<DeliveryMode>? Modes = null,
    IReadOnlyList<TargetGroup>? TargetGroups = null,
    Guid? OriginConceptId = null,
    string? Reason = null) : ICommand;

public sealed class IntroduceInstrumentValidator : AbstractValidator<IntroduceInstrument>
{
    public IntroduceInstrumentValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Description).NotEmpty().MaximumLength(NetworkValidation.TextLength);
        RuleFor(x => x.ProviderIds).ShortList().NotEmpty().WithMessage("Name at least one provider.");
        RuleForEach(x => x.ProviderIds).NotEmpty();
        RuleFor(x => x.IntroducedOn).PlausibleDate();
        RuleForEach(x => x.Modes).IsInEnum();
        RuleForEach(x => x.TargetGroups).IsInEnum();
        RuleFor(x => x.OriginConceptId).NotEqual(Guid.Empty);
        this.OptionalReasonRule();
    }
}

public static class IntroduceInstrumentEndpoint
{
    /// <summary>Introduces an instrument (a reusable format) with its providers; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/instruments")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        IntroduceInstrument command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var providers = await NetworkParties.ResolveAsync(session, command.ProviderIds, cancellation);
        var origin = command.OriginConceptId is { } conceptId ? await NetworkParties.LoadAsync<ConceptDetails>(session, conceptId, cancellation) : null;
        var id = Guid.CreateVersion7();
        var introduced = InstrumentDecider.Introduce(id, new InstrumentDescription(command.Name, command.Kind, command.Description, command.Modes ?? [],
            command.TargetGroups ?? [], providers, origin is null ? null : new InstrumentOrigin(origin.Id, origin.Title), command.IntroducedOn),
            user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Instrument(id)), MartenOps.StartStream<Instrument>(id, introduced));
    }
}
