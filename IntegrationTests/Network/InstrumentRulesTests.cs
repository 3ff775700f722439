using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Organisations;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>Instruments and the career-choice seal as pure functions.</summary>
public class InstrumentRulesTests
{
    private static readonly NetworkParty Provider = new(Guid.NewGuid(), "Metropolregion Mitteldeutschland", PartyKind.NetworkActor);
    private static readonly NetworkParty Company = new(Guid.NewGuid(), "Elektro Schulze GmbH", PartyKind.Organisation, OrganisationKind.Company);
    private static readonly NetworkParty School = new(Guid.NewGuid(), "Gemeinschaftsschule Sangerhausen", PartyKind.Organisation, OrganisationKind.School);
    private static readonly Area Leipzig = new(FederalState.Sachsen, "Leipzig");
    private static readonly Area MansfeldSuedharz = new(FederalState.SachsenAnhalt, "Mansfeld-Südharz");

    private static Instrument Introduced(InstrumentKind kind, params DeliveryMode[] modes) =>
        Given.History<Instrument>(InstrumentDecider.Introduce(Guid.NewGuid(), new InstrumentDescription("Aktionstag Integration", kind, "d", modes, [],
            [Provider], null, new DateOnly(2016, 4, 29)), Given.Stamp));

    [Fact]
    public void An_instrument_has_a_provider_and_a_way_to_run_it_except_a_seal()
    {
        var description = new InstrumentDescription("Aktionstag", InstrumentKind.ActionDay, "d", [DeliveryMode.WithTrainers, DeliveryMode.SelfRun,
            DeliveryMode.SelfRun], [], [Provider], null, new DateOnly(2016, 4, 29));

        InstrumentDecider.Introduce(Guid.NewGuid(), description, Given.Stamp).Modes.ShouldBe([DeliveryMode.SelfRun, DeliveryMode.WithTrainers]);
        Given.Refusal(() => InstrumentDecider.Introduce(Guid.NewGuid(), description with { Providers = [] }, Given.Stamp)).Code.ShouldBe("instrument.no-provider");
        Given.Refusal(() => InstrumentDecider.Introduce(Guid.NewGuid(), description with { Modes = [] }, Given.Stamp)).Code.ShouldBe("instrument.no-mode");
        InstrumentDecider.Introduce(Guid.NewGuid(), description with { Kind = InstrumentKind.CareerChoiceSeal, Modes = [] }, Given.Stamp).Modes.ShouldBeEmpty();
    }

    [Fact]
    public void A_use_is_run_in_an_offered_way_after_the_introduction_and_a_seal_is_not_used()
    {
        var actionDay = Introduced(InstrumentKind.ActionDay, DeliveryMode.SelfRun, DeliveryMode.WithTrainers);
        var use = new InstrumentUse(Company, new DateOnly(2016, 9, 14), Leipzig, DeliveryMode.WithTrainers, 35, null);

        InstrumentDecider.RecordUse(actionDay, Guid.NewGuid(), use, Given.Stamp).UsedBy.ShouldBe(Company);
        Given.Refusal(() => InstrumentDecider.RecordUse(actionDay, Guid.NewGuid(), use with { Mode = DeliveryMode.ByProvider }, Given.Stamp))
            .Code.ShouldBe("instrument.mode-not-offered");
        Given.Refusal(() => InstrumentDecider.RecordUse(actionDay, Guid.NewGuid(), use with { UsedOn = new DateOnly(2016, 4, 28) }, Given.Stamp))
            .Code.ShouldBe("instrument.used-before-introduction");
        Given.Refusal(() => InstrumentDecider.RecordUse(actionDay, Guid.NewGuid(), use with { UsedOn = new DateOnly(2026, 3, 3) }, Given.Stamp))
            .Code.ShouldBe("instrument.date-in-future");
        Given.Refusal(() => InstrumentDecider.RecordUse(Introduced(InstrumentKind.CareerChoiceSeal), Guid.NewGuid(), use, Given.Stamp))
            .Code.ShouldBe("instrument.seal-is-awarded");
    }

    [Fact]
    public void The_seal_goes_to_schools_that_hold_no_valid_one_and_is_renewed_for_longer_after_the_last_award()
    {
        var seal = Introduced(InstrumentKind.CareerChoiceSeal);
        Given.Refusal(() => InstrumentDecider.AwardSeal(Introduced(InstrumentKind.ActionDay, DeliveryMode.SelfRun), School, MansfeldSuedharz,
            new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30), Given.Stamp)).Code.ShouldBe("instrument.not-a-seal");
        Given.Refusal(() => InstrumentDecider.AwardSeal(seal, Company, MansfeldSuedharz, new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30), Given.Stamp))
            .Code.ShouldBe("instrument.seal-for-schools");

        var awarded = Instrument.Evolve(seal, InstrumentDecider.AwardSeal(seal, School, MansfeldSuedharz, new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30),
            Given.Stamp));
        Given.Refusal(() => InstrumentDecider.AwardSeal(awarded, School, MansfeldSuedharz, new DateOnly(2019, 6, 1), new DateOnly(2022, 6, 30), Given.Stamp))
            .Code.ShouldBe("instrument.seal-still-valid");
        Given.Refusal(() => InstrumentDecider.RenewSeal(awarded, School.Id, new DateOnly(2016, 6, 19), new DateOnly(2022, 6, 30), Given.Stamp))
            .Code.ShouldBe("instrument.renewed-before-award");
        Given.Refusal(() => InstrumentDecider.RenewSeal(awarded, School.Id, new DateOnly(2019, 6, 18), new DateOnly(2019, 6, 30), Given.Stamp))
            .Code.ShouldBe("instrument.invalid-validity");
        Should.Throw<UnknownEntity>(() => InstrumentDecider.RenewSeal(awarded, Company.Id, new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30), Given.Stamp))
            .Code.ShouldBe("instrument.unknown-seal-holder");

        var renewed = Instrument.Evolve(awarded, InstrumentDecider.RenewSeal(awarded, School.Id, new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30), Given.Stamp));
        renewed.Seals[School.Id].ValidUntil.ShouldBe(new DateOnly(2022, 6, 30));
        InstrumentDecider.AwardSeal(renewed, School, MansfeldSuedharz, new DateOnly(2023, 1, 10), new DateOnly(2026, 1, 31), Given.Stamp)
            .AwardedOn.ShouldBe(new DateOnly(2023, 1, 10), "after it ran out, a seal is acquired anew");
    }
}
