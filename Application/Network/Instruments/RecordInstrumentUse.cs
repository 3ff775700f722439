using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>Records one use of an instrument: by which company, school or other party, where, when, how, for how many.</summary>
/// <param name="UsedById">The organisation (company, school, ...), alliance or actor that used it.</param>
/// <param name="UsedOn">The day it was used.</param>
/// <param name="FederalState">The federal state it was used in.</param>
/// <param name="District">The district it was used in.</param>
/// <param name="Mode">How it was run: by the user itself, with trainers, or by the provider.</param>
/// <param name="Participants">How many took part, if counted.</param>
/// <param name="ActivityId">The activity it was used at, if any (e.g. an internship exchange at a job fair).</param>
public sealed record RecordInstrumentUse(
    long ExpectedVersion, Guid UsedById, DateOnly UsedOn, FederalState FederalState, string District, DeliveryMode Mode, int? Participants = null,
    Guid? ActivityId = null, string? Reason = null) : IChangeCommand;

public sealed class RecordInstrumentUseValidator : ChangeCommandValidator<RecordInstrumentUse>
{
    public RecordInstrumentUseValidator()
    {
        RuleFor(x => x.UsedById).NotEmpty();
        RuleFor(x => x.UsedOn).PlausibleDate();
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Mode).IsInEnum();
        RuleFor(x => x.Participants).InclusiveBetween(0, RecordActivityHeldValidator.MaxCount);
        RuleFor(x => x.ActivityId).NotEqual(Guid.Empty);
    }
}

public static class RecordInstrumentUseEndpoint
{
    /// <summary>Records one use of an instrument; answers the use's id and the instrument's new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/instruments/{instrumentId}/uses")]
    public static async Task<(NetworkItemAdded, Events)> Post(
        RecordInstrumentUse command, [WriteAggregate] Instrument instrument, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var usedBy = await NetworkParties.ResolveAsync(session, command.UsedById, cancellation);
        if (command.ActivityId is { } activityId) await NetworkParties.LoadAsync<ActivityDetails>(session, activityId, cancellation);
        var useId = Guid.CreateVersion7();
        Events events =
        [
            InstrumentDecider.RecordUse(instrument, useId, new InstrumentUse(usedBy, command.UsedOn, new Area(command.FederalState, command.District),
                command.Mode, command.Participants, command.ActivityId), user.Stamp(clock)),
        ];
        return (new NetworkItemAdded(instrument.Id, command.ExpectedVersion + events.Count, useId, NetworkUrls.Instrument(instrument.Id)), events);
    }
}
