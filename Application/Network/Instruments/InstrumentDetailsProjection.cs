using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Instruments;

public sealed partial class InstrumentDetailsProjection : SingleStreamProjection<InstrumentDetails, Guid>
{
    public static InstrumentDetails Create(IEvent<InstrumentIntroduced> e) => new()
    {
        Id = e.Data.InstrumentId,
        Version = e.Version,
        Name = e.Data.Name,
        Kind = e.Data.Kind,
        Description = e.Data.Description,
        Modes = e.Data.Modes,
        TargetGroups = e.Data.TargetGroups,
        Providers = e.Data.Providers,
        ProviderIds = [.. e.Data.Providers.Select(p => p.Id)],
        Origin = e.Data.Origin,
        IntroducedOn = e.Data.IntroducedOn,
        LastChangedAt = e.Timestamp,
    };

    public static InstrumentDetails Apply(IEvent<InstrumentUsed> e, InstrumentDetails instrument)
    {
        var use = e.Data;
        var area = instrument.UsesByArea.FirstOrDefault(a => a.Area == use.Area) ?? new InstrumentAreaCount(use.Area, 0, 0);
        var user = instrument.UsesByUser.FirstOrDefault(u => u.Party.Id == use.UsedBy.Id) ?? new InstrumentUserCount(use.UsedBy, 0);
        return Touched(e, instrument) with
        {
            Uses = [.. instrument.Uses, new InstrumentUseRecord(use.UseId, use.UsedBy, use.UsedOn, use.Area, use.Mode, use.Participants, use.ActivityId)],
            UsesByArea = [.. instrument.UsesByArea.Where(a => a.Area != use.Area),
                area with { Uses = area.Uses + 1, Participants = area.Participants + (use.Participants ?? 0) }],
            UsesByUser = [.. instrument.UsesByUser.Where(u => u.Party.Id != use.UsedBy.Id), user with { Uses = user.Uses + 1 }],
            FederalStates = WithState(instrument, use.Area),
        };
    }

    public static InstrumentDetails Apply(IEvent<CareerChoiceSealAwarded> e, InstrumentDetails instrument) =>
        Touched(e, instrument) with
        {
            Seals = [.. instrument.Seals.Where(s => s.School.Id != e.Data.School.Id),
                new SealRecord(e.Data.School, e.Data.Area, e.Data.AwardedOn, [], e.Data.ValidUntil)],
            FederalStates = WithState(instrument, e.Data.Area),
        };

    public static InstrumentDetails Apply(IEvent<CareerChoiceSealRenewed> e, InstrumentDetails instrument) =>
        Touched(e, instrument) with
        {
            Seals = [.. instrument.Seals.Select(s => s.School.Id == e.Data.SchoolId
                ? s with { Renewals = [.. s.Renewals, e.Data.RenewedOn], ValidUntil = e.Data.ValidUntil }
                : s)],
        };

    private static IReadOnlyList<FederalState> WithState(InstrumentDetails instrument, Area area) =>
        [.. instrument.FederalStates.Append(area.FederalState).Distinct().Order()];

    private static InstrumentDetails Touched(IEvent e, InstrumentDetails instrument) =>
        instrument with { Version = e.Version, LastChangedAt = e.Timestamp };
}
