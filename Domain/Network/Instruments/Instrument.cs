using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Instruments;

/// <summary>A school's career-choice seal: awarded, valid until, last awarded or renewed on.</summary>
public sealed record Seal(Guid SchoolId, DateOnly AwardedOn, DateOnly LastConfirmedOn, DateOnly ValidUntil);

/// <summary>Write model of an instrument: who offers it, how it can be run, and for a seal which schools hold it.</summary>
public sealed record Instrument(
    Guid Id,
    string Name,
    InstrumentKind Kind,
    ImmutableArray<DeliveryMode> Modes,
    DateOnly IntroducedOn,
    ImmutableDictionary<Guid, Seal> Seals) : IEventSourced<Instrument>
{
    public static Instrument Evolve(Instrument? instrument, object @event) => (instrument, @event) switch
    {
        (null, InstrumentIntroduced introduced) => new Instrument(introduced.InstrumentId, introduced.Name, introduced.Kind, [.. introduced.Modes],
            introduced.IntroducedOn, ImmutableDictionary<Guid, Seal>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Instrument), @event),
        (_, CareerChoiceSealAwarded awarded) => instrument with
        {
            Seals = instrument.Seals.SetItem(awarded.School.Id, new Seal(awarded.School.Id, awarded.AwardedOn, awarded.AwardedOn, awarded.ValidUntil)),
        },
        (_, CareerChoiceSealRenewed renewed) => instrument with
        {
            Seals = instrument.Seals.SetItem(renewed.SchoolId,
                instrument.Seals[renewed.SchoolId] with { LastConfirmedOn = renewed.RenewedOn, ValidUntil = renewed.ValidUntil }),
        },
        _ => instrument,
    };
}
