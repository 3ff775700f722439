using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Network.Instruments;

/// <summary>Pure decisions for instruments: introduction, uses, and the career-choice seal's awards and renewals.</summary>
public static class InstrumentDecider
{
    public static InstrumentIntroduced Introduce(Guid instrumentId, InstrumentDescription description, Stamp stamp)
    {
        var providers = NetworkRules.EachOnce(description.Providers, "instrument.duplicate-provider");
        if (providers.Count == 0)
            throw new RuleViolation("instrument.no-provider", "Someone offers the instrument: name at least one provider.");
        var modes = description.Modes.Distinct().Order().ToList();
        if (modes.Count == 0 && description.Kind != InstrumentKind.CareerChoiceSeal)
            throw new RuleViolation("instrument.no-mode", "Say how the instrument can be run: at least one delivery mode.");

        return new InstrumentIntroduced(instrumentId, description.Name.Trim(), description.Kind, description.Description.Trim(), modes,
            [.. description.TargetGroups.Distinct()], providers, description.Origin, description.IntroducedOn, stamp.By, stamp.At);
    }

    /// <summary>Records one use of the instrument; a seal is awarded, not used.</summary>
    public static InstrumentUsed RecordUse(Instrument instrument, Guid useId, InstrumentUse use, Stamp stamp)
    {
        if (instrument.Kind == InstrumentKind.CareerChoiceSeal)
            throw new RuleViolation("instrument.seal-is-awarded", $"'{instrument.Name}' is a seal: award it to a school instead.");
        if (!instrument.Modes.Contains(use.Mode))
            throw new RuleViolation("instrument.mode-not-offered",
                $"'{instrument.Name}' is run {string.Join(" or ", instrument.Modes)}, not {use.Mode}.");
        if (use.Area.District is null)
            throw new RuleViolation("instrument.use-without-district", "A use takes place in a district: name it.");
        NetworkRules.EnsureNotBefore(use.UsedOn, instrument.IntroducedOn, "instrument.used-before-introduction", "A use");
        NetworkRules.EnsureNotInFuture(use.UsedOn, stamp, "instrument.date-in-future");

        return new InstrumentUsed(instrument.Id, useId, use.UsedBy, use.UsedOn, use.Area with { District = use.Area.District.Trim() }, use.Mode,
            use.Participants, use.ActivityId, stamp.By, stamp.At);
    }

    /// <summary>Awards the career-choice seal to a school that holds no valid one (a school holding one renews it).</summary>
    public static CareerChoiceSealAwarded AwardSeal(Instrument instrument, NetworkParty school, Area area, DateOnly awardedOn, DateOnly validUntil, Stamp stamp)
    {
        EnsureSeal(instrument);
        if (!school.IsOrganisationOf(OrganisationKind.School))
            throw new RuleViolation("instrument.seal-for-schools", $"The career-choice seal is awarded to schools; '{school.Name}' is not one.");
        if (instrument.Seals.TryGetValue(school.Id, out var seal) && seal.ValidUntil >= awardedOn)
            throw new RuleViolation("instrument.seal-still-valid",
                $"'{school.Name}' holds the seal until {seal.ValidUntil:yyyy-MM-dd}; renew it instead.");
        if (area.District is null)
            throw new RuleViolation("instrument.use-without-district", "A school lies in a district: name it.");
        EnsureValidity(awardedOn, validUntil);
        NetworkRules.EnsureNotInFuture(awardedOn, stamp, "instrument.date-in-future");

        return new CareerChoiceSealAwarded(instrument.Id, school, area with { District = area.District.Trim() }, awardedOn, validUntil, stamp.By, stamp.At);
    }

    /// <summary>Renews a school's seal (it defended it): after the last award or renewal, valid longer than before.</summary>
    public static CareerChoiceSealRenewed RenewSeal(Instrument instrument, Guid schoolId, DateOnly renewedOn, DateOnly validUntil, Stamp stamp)
    {
        EnsureSeal(instrument);
        if (!instrument.Seals.TryGetValue(schoolId, out var seal))
            throw new UnknownEntity("instrument.unknown-seal-holder", $"{schoolId} was never awarded '{instrument.Name}'.");
        NetworkRules.EnsureNotBefore(renewedOn, seal.LastConfirmedOn, "instrument.renewed-before-award", "A renewal");
        EnsureValidity(renewedOn, validUntil);
        if (validUntil <= seal.ValidUntil)
            throw new RuleViolation("instrument.invalid-validity", $"The seal is valid until {seal.ValidUntil:yyyy-MM-dd}; a renewal lasts longer.");
        NetworkRules.EnsureNotInFuture(renewedOn, stamp, "instrument.date-in-future");

        return new CareerChoiceSealRenewed(instrument.Id, schoolId, renewedOn, validUntil, stamp.By, stamp.At);
    }

    private static void EnsureSeal(Instrument instrument)
    {
        if (instrument.Kind != InstrumentKind.CareerChoiceSeal)
            throw new RuleViolation("instrument.not-a-seal", $"'{instrument.Name}' is not a seal; record its uses instead.");
    }

    private static void EnsureValidity(DateOnly from, DateOnly validUntil)
    {
        if (validUntil <= from)
            throw new RuleViolation("instrument.invalid-validity", "A seal is valid after the day it is awarded or renewed.");
    }
}
